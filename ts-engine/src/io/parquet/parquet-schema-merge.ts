import { SparkException } from "../../errors/spark-exception.js";
import type { DataType, StructType } from "../../types/data-type.js";
import { sqlTypeName } from "../../types/type-names.js";

/**
 * Spark's StructType.merge, what `mergeSchema` does across the files' footers: fields keep
 * the order they are first seen in, a field in both is merged (structs field by field, arrays
 * and maps by their element types; nullable if either is), and two different atomic types
 * raise CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE.
 */
export function mergeStructs(a: StructType, b: StructType, caseSensitive: boolean): StructType {
  const key = (n: string): string => (caseSensitive ? n : n.toLowerCase());
  const right = new Map(b.fields.map((f) => [key(f.name), f]));
  const fields = a.fields.map((f) => {
    const g = right.get(key(f.name));
    if (g === undefined) return f;
    return { name: f.name, dataType: mergeTypes(f.dataType, g.dataType, caseSensitive), nullable: f.nullable || g.nullable };
  });
  const seen = new Set(a.fields.map((f) => key(f.name)));
  for (const g of b.fields) if (!seen.has(key(g.name))) fields.push(g);
  return { kind: "struct", fields };
}

function mergeTypes(a: DataType, b: DataType, caseSensitive: boolean): DataType {
  if (a.kind === "struct" && b.kind === "struct") return mergeStructs(a, b, caseSensitive);
  if (a.kind === "array" && b.kind === "array") {
    return { kind: "array", elementType: mergeTypes(a.elementType, b.elementType, caseSensitive), containsNull: a.containsNull || b.containsNull };
  }
  if (a.kind === "map" && b.kind === "map") {
    return {
      kind: "map",
      keyType: mergeTypes(a.keyType, b.keyType, caseSensitive),
      valueType: mergeTypes(a.valueType, b.valueType, caseSensitive),
      valueContainsNull: a.valueContainsNull || b.valueContainsNull,
    };
  }
  if (a.kind === "decimal" && b.kind === "decimal" && a.precision === b.precision && a.scale === b.scale) return a;
  if (a.kind === b.kind && a.kind !== "decimal" && a.kind !== "struct" && a.kind !== "array" && a.kind !== "map") return a;
  throw new SparkException("SparkException", "CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE", { left: `"${sqlTypeName(a)}"`, right: `"${sqlTypeName(b)}"` });
}
