import { vectorToValues } from "../../columnar/rows.js";
import type { Vector } from "../../columnar/vector.js";
import { assertNever } from "../../errors/assert-never.js";
import type { DataType } from "../../types/data-type.js";

const MS_PER_DAY = 86_400_000;

/**
 * How a JS UDF sees its arguments, as the Node API's collect shows values: numbers (longs
 * as bigint only past 2^53), strings, booleans, Dates for dates and timestamps, decimals as
 * exact text, Uint8Array, arrays, Maps, and structs as plain objects by field name; null for NULL.
 */
export function argumentValues(v: Vector, t: DataType): unknown[] {
  const values = vectorToValues(v);
  if (PLAIN.has(t.kind)) return values;
  for (let i = 0; i < values.length; i++) values[i] = toJs(values[i], t);
  return values;
}

/** Kinds whose vector values are already their JS values. */
const PLAIN: ReadonlySet<DataType["kind"]> = new Set(["null", "byte", "short", "integer", "long", "float", "double", "string", "binary", "decimal", "boolean"]);

function toJs(x: unknown, t: DataType): unknown {
  if (x === null || x === undefined) return null;
  switch (t.kind) {
    case "date":
      return new Date(Number(x) * MS_PER_DAY);
    case "timestamp":
    case "timestamp_ntz":
      return new Date(Number(x) / 1000);
    case "array":
      return (x as readonly unknown[]).map((e) => toJs(e, t.elementType));
    case "map":
      return new Map((x as readonly (readonly [unknown, unknown])[]).map(([k, v]) => [toJs(k, t.keyType), toJs(v, t.valueType)]));
    case "struct": {
      const vals = x as readonly unknown[];
      const o: Record<string, unknown> = {};
      t.fields.forEach((f, i) => (o[f.name] = toJs(vals[i], f.dataType)));
      return o;
    }
    case "boolean":
      return typeof x === "boolean" ? x : x !== 0;
    default:
      return x;
  }
}

/**
 * A JS UDF's result in the vector convention of its return type. A value of the wrong type
 * becomes NULL, as Spark makes a Python UDF's mismatched result (EvaluatePython): a string
 * for an integer type, a fraction for an integral type, a number for a string type.
 */
export function resultValue(x: unknown, t: DataType): unknown {
  if (x === null || x === undefined) return null;
  switch (t.kind) {
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "day_time_interval":
    case "year_month_interval":
      if (typeof x === "bigint") return x;
      return typeof x === "number" && Number.isInteger(x) ? x : null;
    case "float":
    case "double":
      return typeof x === "number" ? x : null;
    case "string":
      return typeof x === "string" ? x : null;
    case "boolean":
      return typeof x === "boolean" ? x : null;
    case "binary":
      return x instanceof Uint8Array ? x : null;
    case "decimal":
      return typeof x === "number" || typeof x === "bigint" || typeof x === "string" ? String(x) : null;
    case "date":
      return x instanceof Date ? Math.floor(x.getTime() / MS_PER_DAY) : null;
    case "timestamp":
    case "timestamp_ntz":
      return x instanceof Date ? x.getTime() * 1000 : null;
    case "array":
      return Array.isArray(x) ? x.map((e) => resultValue(e, t.elementType)) : null;
    case "map": {
      const entries = x instanceof Map ? [...x.entries()] : typeof x === "object" && !Array.isArray(x) ? Object.entries(x as object) : null;
      return entries === null ? null : entries.map(([k, v]) => [resultValue(k, t.keyType), resultValue(v, t.valueType)]);
    }
    case "struct": {
      if (Array.isArray(x)) return t.fields.map((f, i) => resultValue(x[i], f.dataType));
      if (typeof x !== "object") return null;
      const o = x as Readonly<Record<string, unknown>>;
      return t.fields.map((f) => resultValue(o[f.name], f.dataType));
    }
    case "null":
      return null;
    case "calendar_interval":
    case "variant":
      return x;
    default:
      return assertNever(t);
  }
}
