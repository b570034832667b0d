import { AnalysisException } from "../errors/spark-exception.js";
import { sqlTypeName } from "../types/type-names.js";
import type { DataType, StructType } from "../types/data-type.js";

/** The data type kinds a format cannot hold, wherever they sit (inside arrays, map values and struct fields too). */
export type UnsupportedKinds = ReadonlySet<DataType["kind"]>;

/** Whether a column of type `t` holds no kind in `unsupported` (Spark's FileFormat.supportDataType). */
export function supportsDataType(t: DataType, unsupported: UnsupportedKinds): boolean {
  if (unsupported.has(t.kind)) return false;
  switch (t.kind) {
    case "array":
      return supportsDataType(t.elementType, unsupported);
    case "map":
      return supportsDataType(t.valueType, unsupported);
    case "struct":
      return t.fields.every((f) => supportsDataType(f.dataType, unsupported));
    default:
      return true;
  }
}

/**
 * Raises UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE for the first column of `schema` that
 * `format` (its display name: "CSV", "JSON") cannot hold, as Spark's
 * DataSourceUtils.verifySchema does before a write (and before a CSV read).
 */
export function checkDataTypes(schema: StructType, format: string, unsupported: UnsupportedKinds): void {
  for (const f of schema.fields) {
    if (!supportsDataType(f.dataType, unsupported)) {
      throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", { columnName: `\`${f.name}\``, columnType: `"${sqlTypeName(f.dataType)}"`, format });
    }
  }
}
