import type { DataType } from "../../types/data-type.js";
import { calendarInterval, intervalFits } from "../../columnar/calendar-interval.js";
import { asBin, asBool, asInt, asList, asString, describe, fail } from "./wire-reader.js";

const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  date: [-2147483648, 2147483647],
  year_month_interval: [-2147483648, 2147483647],
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Converts one wire value (bridge/PROTOCOL.md "Wire values") of type `t` to the engine's
 * JS convention (columnar/vector.ts): ints as numbers, longs and timestamps as number|bigint,
 * dates as int days, decimals as strings, maps as [key, value] pairs, structs as field lists.
 */
export function decodeValue(raw: unknown, t: DataType, path: string): unknown {
  if (raw === null || raw === undefined) return null;
  switch (t.kind) {
    case "null":
      return fail(path, `expected nil for type null, got ${describe(raw)}`);
    case "boolean":
      return asBool(raw, path);
    case "byte":
    case "short":
    case "integer":
    case "date":
    case "year_month_interval": {
      const v = asInt(raw, path);
      const [lo, hi] = RANGES[t.kind]!;
      if (typeof v === "bigint" || v < lo || v > hi) fail(path, `${String(v)} is out of range for ${t.kind}`);
      return v;
    }
    case "long":
    case "timestamp":
    case "timestamp_ntz":
    case "day_time_interval": {
      const v = asInt(raw, path);
      if (typeof v === "bigint" && (v < INT64_MIN || v > INT64_MAX)) fail(path, `${v} is out of range for ${t.kind}`);
      return v;
    }
    case "float":
    case "double":
      if (typeof raw === "number") return raw;
      if (typeof raw === "bigint") return Number(raw);
      return fail(path, `expected a number, got ${describe(raw)}`);
    case "string":
      return asString(raw, path);
    case "binary":
      return asBin(raw, path);
    case "decimal": {
      const s = asString(raw, path);
      if (!DECIMAL_TEXT.test(s)) fail(path, `invalid decimal text ${JSON.stringify(s)}`);
      return s;
    }
    case "array":
      return asList(raw, path).map((x, i) => decodeValue(x, t.elementType, `${path}[${i}]`));
    case "map":
      return asList(raw, path).map((entry, i) => {
        const p = `${path}[${i}]`;
        const kv = asList(entry, p);
        if (kv.length !== 2) fail(p, "expected a [key, value] pair");
        if (kv[0] === null || kv[0] === undefined) fail(`${p}[0]`, "map keys cannot be null");
        return [decodeValue(kv[0], t.keyType, `${p}[0]`), decodeValue(kv[1], t.valueType, `${p}[1]`)];
      });
    case "variant": {
      // [value, metadata] bins, as encode-batch writes them (a VariantVal from the client).
      const vs = asList(raw, path);
      if (vs.length !== 2) fail(path, "expected [value, metadata]");
      return { value: asBin(vs[0], `${path}[0]`), metadata: asBin(vs[1], `${path}[1]`) };
    }
    case "calendar_interval": {
      // [months, days, microseconds], as encode-batch writes it.
      const vs = asList(raw, path);
      if (vs.length !== 3) fail(path, "expected [months, days, microseconds]");
      const [m, d, us] = [asInt(vs[0], `${path}[0]`), asInt(vs[1], `${path}[1]`), asInt(vs[2], `${path}[2]`)];
      if (typeof m === "bigint" || typeof d === "bigint" || !intervalFits(m, d, BigInt(us))) fail(path, "calendar interval fields out of range");
      return calendarInterval(m as number, d as number, BigInt(us));
    }
    case "struct": {
      const vs = asList(raw, path);
      if (vs.length !== t.fields.length) fail(path, `expected ${t.fields.length} struct fields, got ${vs.length}`);
      return t.fields.map((f, i) => decodeValue(vs[i], f.dataType, `${path}[${i}]`));
    }
  }
}
