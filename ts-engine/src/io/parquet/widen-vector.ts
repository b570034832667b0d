import { vectorFromValues } from "../../columnar/builder.js";
import { retypeVector, type Vector } from "../../columnar/vector.js";
import { valueAt } from "../../expr/eval/vectors.js";
import { SparkException } from "../../errors/spark-exception.js";
import type { DataType, StructField } from "../../types/data-type.js";
import { sqlTypeName } from "../../types/type-names.js";

/** Types equal but for nullability (a required file column read into a nullable schema). */
function sameShape(a: DataType, b: DataType): boolean {
  switch (a.kind) {
    case "array":
      return b.kind === "array" && sameShape(a.elementType, b.elementType);
    case "map":
      return b.kind === "map" && sameShape(a.keyType, b.keyType) && sameShape(a.valueType, b.valueType);
    case "struct":
      return b.kind === "struct" && a.fields.length === b.fields.length && a.fields.every((f, i) => f.name === b.fields[i]!.name && sameShape(f.dataType, b.fields[i]!.dataType));
    case "decimal":
      return b.kind === "decimal" && a.precision === b.precision && a.scale === b.scale;
    default:
      return a.kind === b.kind;
  }
}

const INTEGRAL = new Set(["byte", "short", "integer"]);

/** The widenings Spark 4's vectorized Parquet reader applies when a schema asks for a wider type than the file has. */
function canWiden(from: DataType, to: DataType): boolean {
  if (INTEGRAL.has(from.kind) && (to.kind === "long" || to.kind === "double" || (to.kind === "integer" && from.kind !== "integer") || (to.kind === "short" && from.kind === "byte"))) return true;
  if (from.kind === "float" && to.kind === "double") return true;
  if (from.kind === "long" && to.kind === "double") return false;
  return from.kind === "decimal" && to.kind === "decimal" && to.scale >= from.scale && to.precision - to.scale >= from.precision - from.scale;
}

/**
 * `v` (a column decoded as the file stores it) as the type `field` asks for: the same vector
 * when the types agree up to nullability, widened values when Spark would widen, else
 * FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH naming the file, the column and its
 * Parquet physical type (`parquetType`).
 */
export function widenVector(v: Vector, field: StructField, path: string, parquetType: string): Vector {
  const to = field.dataType;
  if (sameShape(v.type, to)) return v.type === to ? v : retypeVector(v, to);
  // INT32 read as a year-month interval, INT64 as a day-time one (ParquetVectorUpdaterFactory):
  // the months and microseconds are the stored integers
  if ((v.type.kind === "integer" && to.kind === "year_month_interval") || (v.type.kind === "long" && to.kind === "day_time_interval")) return retypeVector(v, to);
  if (!canWiden(v.type, to)) {
    throw new SparkException("SparkException", "FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH", {
      path,
      column: `[${field.name}]`,
      expectedType: `"${sqlTypeName(to)}"`,
      actualType: parquetType,
    });
  }
  const values = new Array<unknown>(v.length);
  for (let i = 0; i < v.length; i++) values[i] = valueAt(v, i);
  return vectorFromValues(to, values);
}
