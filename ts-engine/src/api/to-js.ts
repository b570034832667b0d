import { assertNever } from "../errors/assert-never.js";
import type { ColumnBatch } from "../columnar/batch.js";
import type { Vector } from "../columnar/vector.js";
import { vectorToValues } from "../columnar/rows.js";
import type { DataType, StructType } from "../types/data-type.js";
import { normalizeLong } from "./literal.js";
import { Row } from "./row.js";

const MS_PER_DAY = 86_400_000;

/**
 * The rows of a result batch as Row objects with JS values: long → number (bigint
 * past 2^53), boolean, string, date/timestamp → Date, decimal → exact string,
 * binary → Uint8Array, array → array, map → Map, struct → Row.
 */
export function batchToJsRows(batch: ColumnBatch, schema: StructType): Row[] {
  const names = schema.fields.map((f) => f.name);
  const types = schema.fields.map((f) => f.dataType);
  const cols = batch.columns.map((v, i) => vectorToJs(v, types[i] ?? v.type));
  const rows: Row[] = new Array<Row>(batch.numRows);
  for (let r = 0; r < batch.numRows; r++) {
    const values = new Array<unknown>(cols.length);
    for (let c = 0; c < cols.length; c++) values[c] = cols[c]![r];
    rows[r] = Row.ofShared(names, values, types);
  }
  return rows;
}

/**
 * Kinds whose vector values already are their JS values (valueToJs returns them as they
 * are): their column is converted in one loop, not a second pass per value.
 */
const AS_IS: ReadonlySet<DataType["kind"]> = new Set(["null", "byte", "short", "integer", "float", "double", "string", "binary", "decimal", "year_month_interval"]);

/** One vector's values as user-facing JS values (null for null slots). */
export function vectorToJs(v: Vector, t: DataType): unknown[] {
  // vectorToValues gives longs as Numbers within ±2^53 and as BigInts past it, as normalizeLong would
  if (AS_IS.has(t.kind) || ((t.kind === "long" || t.kind === "day_time_interval") && v.storage !== "values")) return vectorToValues(v);
  const out: unknown[] = new Array<unknown>(v.length);
  const values = vectorToValues(v);
  for (let i = 0; i < v.length; i++) out[i] = valueToJs(values[i], t);
  return out;
}

/** One value in the vector convention of `t`, as a user-facing JS value. */
export function valueToJs(x: unknown, t: DataType): unknown {
  if (x === null || x === undefined) return null;
  switch (t.kind) {
    case "long":
    case "day_time_interval":
      // Day-time intervals are microseconds, as a long.
      return typeof x === "bigint" ? normalizeLong(x) : x;
    case "boolean":
      return typeof x === "boolean" ? x : x !== 0;
    case "date":
      return new Date(Number(x) * MS_PER_DAY);
    case "timestamp":
      return new Date(Number(x) / 1000);
    case "timestamp_ntz": {
      const d = new Date(Number(x) / 1000);
      return new Date(d.getTime() + d.getTimezoneOffset() * 60_000);
    }
    case "array":
      return (x as readonly unknown[]).map((e) => valueToJs(e, t.elementType));
    case "map":
      return new Map(
        (x as readonly (readonly [unknown, unknown])[]).map(([k, v]) => [valueToJs(k, t.keyType), valueToJs(v, t.valueType)]),
      );
    case "struct": {
      const vals = x as readonly unknown[];
      return new Row(
        t.fields.map((f) => f.name),
        t.fields.map((f, i) => valueToJs(vals[i], f.dataType)),
        t.fields.map((f) => f.dataType),
      );
    }
    case "null":
    case "byte":
    case "short":
    case "integer":
    case "float":
    case "double":
    case "string":
    case "binary":
    case "decimal":
    case "year_month_interval":
    // A calendar interval stays { months, days, microseconds } (PySpark has no Python form for it).
    case "calendar_interval":
    // A variant stays { value, metadata }: Spark's bytes, as PySpark's VariantVal holds them.
    case "variant":
      return x;
    default:
      return assertNever(t);
  }
}
