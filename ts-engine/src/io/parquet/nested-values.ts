import { formatUnscaled, unscaled } from "../../columnar/decimal-value.js";
import type { DataType } from "../../types/data-type.js";

const decoder = new TextDecoder("utf-8");

/**
 * A value hyparquet assembled for a nested column, in the engine's plain-value convention for
 * `type` (columnar/builder.ts): structs as field arrays in schema order, maps as [key, value]
 * pairs (hyparquet keys its map objects by the keys' text, turned back into the key type
 * here), decimals as text, longs and timestamps as numbers within ±2^53 else bigints.
 */
export function nestedToValues(x: unknown, type: DataType): unknown {
  if (x === null || x === undefined) return null;
  switch (type.kind) {
    case "struct": {
      const o = x as Record<string, unknown>;
      return type.fields.map((f) => nestedToValues(o[f.name], f.dataType));
    }
    case "array":
      return (x as unknown[]).map((e) => nestedToValues(e, type.elementType));
    case "map": {
      const entries = x instanceof Map ? [...(x as Map<unknown, unknown>).entries()] : Object.entries(x as Record<string, unknown>);
      return entries.map(([k, v]) => [mapKey(k, type.keyType), nestedToValues(v, type.valueType)]);
    }
    case "string":
      return typeof x === "string" ? x : decoder.decode(x as Uint8Array);
    case "binary":
      return typeof x === "string" ? new TextEncoder().encode(x) : x;
    case "decimal":
      // hyparquet scales decimals into doubles: exact up to 15 significant digits.
      if (typeof x === "bigint") return formatUnscaled(x, type.scale);
      return formatUnscaled(unscaled((x as number).toFixed(type.scale), type.scale), type.scale);
    case "long":
    case "timestamp":
    case "timestamp_ntz":
    case "day_time_interval": {
      const b = typeof x === "bigint" ? x : BigInt(x as number);
      return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
    }
    case "byte":
    case "short":
    case "integer":
    case "date":
    case "year_month_interval":
    case "float":
    case "double":
      return typeof x === "bigint" ? Number(x) : x;
    case "boolean":
      return x === true || x === 1;
    case "null":
    // Parquet has no calendar intervals (Spark cannot write them either).
    case "calendar_interval":
      return null;
  }
}

function mapKey(k: unknown, t: DataType): unknown {
  if (typeof k !== "string") return nestedToValues(k, t);
  switch (t.kind) {
    case "byte":
    case "short":
    case "integer":
    case "date":
    case "float":
    case "double":
      return Number(k);
    case "long":
    case "timestamp":
    case "timestamp_ntz":
      return nestedToValues(BigInt(k), t);
    case "boolean":
      return k === "true";
    case "decimal":
      return formatUnscaled(unscaled(k, t.scale), t.scale);
    default:
      return k;
  }
}
