import type { VariantValue } from "../../columnar/variant.js";
import type { Vector } from "../../columnar/vector.js";
import type { DataType } from "../../types/data-type.js";
import type { CalendarInterval } from "../../columnar/calendar-interval.js";
import { unscaled } from "../eval/decimal.js";
import { valueAt } from "../eval/vectors.js";
import { bigIntToJavaBytes } from "./murmur3.js";
import { xxhash64Bytes, xxhash64Int, xxhash64Long } from "./xxhash64.js";

/** Spark's seed for xxhash64(). */
export const XXHASH64_SEED = 42n;

const encoder = new TextEncoder();
const f32 = new Float32Array(1);
const f32Bits = new Int32Array(f32.buffer);
const f64 = new Float64Array(1);
const f64Bits = new BigInt64Array(f64.buffer);

function longOf(x: unknown): bigint {
  return typeof x === "bigint" ? x : BigInt(x as number);
}

/**
 * Spark's XxHash64 of one value of type `t` with `seed` the hash so far, as HashExpression
 * folds it (the same per-type rules as hash(): ints as 4 bytes, longs as 8, -0.0 as 0, NaN
 * canonical, strings as their UTF-8 bytes, decimals up to 18 digits as their unscaled long);
 * a null leaves the seed unchanged.
 */
export function xxhashValue(x: unknown, t: DataType, seed: bigint): bigint {
  if (x === null || x === undefined) return seed;
  switch (t.kind) {
    case "null":
      return seed;
    case "boolean":
      return xxhash64Int(x === true ? 1 : 0, seed);
    case "byte":
    case "short":
    case "integer":
    case "date":
    case "year_month_interval":
      return xxhash64Int(x as number, seed);
    case "long":
    case "timestamp":
    case "timestamp_ntz":
    case "day_time_interval":
      return xxhash64Long(longOf(x), seed);
    case "float": {
      const v = x as number;
      if (v === 0) return xxhash64Int(0, seed);
      if (v !== v) return xxhash64Int(0x7fc00000, seed);
      f32[0] = v;
      return xxhash64Int(f32Bits[0]!, seed);
    }
    case "double": {
      const v = x as number;
      if (v === 0) return xxhash64Long(0n, seed);
      if (v !== v) return xxhash64Long(0x7ff8000000000000n, seed);
      f64[0] = v;
      return xxhash64Long(f64Bits[0]!, seed);
    }
    case "string": {
      const b = encoder.encode(x as string);
      return xxhash64Bytes(b, 0, b.length, seed);
    }
    case "binary": {
      const b = x as Uint8Array;
      return xxhash64Bytes(b, 0, b.length, seed);
    }
    case "decimal": {
      const u = unscaled(x as string, t.scale);
      if (t.precision <= 18) return xxhash64Long(u, seed);
      const b = bigIntToJavaBytes(u);
      return xxhash64Bytes(b, 0, b.length, seed);
    }
    case "variant": {
      // xxhash64() rejects variants (HASH_VARIANT_TYPE); anything else hashing them hashes the bytes.
      const v = x as VariantValue;
      return xxhash64Bytes(v.metadata, 0, v.metadata.length, xxhash64Bytes(v.value, 0, v.value.length, seed));
    }
    case "calendar_interval": {
      const iv = x as CalendarInterval;
      return xxhash64Int(iv.months, xxhash64Int(iv.days, xxhash64Long(iv.microseconds, seed)));
    }
    case "array": {
      let h = seed;
      for (const e of x as readonly unknown[]) h = xxhashValue(e, t.elementType, h);
      return h;
    }
    case "struct": {
      let h = seed;
      const fs = x as readonly unknown[];
      t.fields.forEach((f, i) => (h = xxhashValue(fs[i], f.dataType, h)));
      return h;
    }
    case "map": {
      let h = seed;
      for (const [k, v] of x as readonly (readonly [unknown, unknown])[]) {
        h = xxhashValue(k, t.keyType, h);
        h = xxhashValue(v, t.valueType, h);
      }
      return h;
    }
  }
}

/** Spark's `xxhash64(c1, c2, …)`: each column in turn, seeded by the previous result (42 first). */
export function sparkXxhash64(args: readonly Vector[], n: number): BigInt64Array {
  const out = new BigInt64Array(n).fill(XXHASH64_SEED);
  for (const a of args) {
    if (a.storage === "utf8") {
      const { offsets, bytes } = a.data;
      for (let i = 0; i < n; i++) if (a.validity === null || a.validity[i] === 1) out[i] = xxhash64Bytes(bytes, offsets[i]!, offsets[i + 1]!, out[i]!);
      continue;
    }
    for (let i = 0; i < n; i++) out[i] = xxhashValue(valueAt(a, i), a.type, out[i]!);
  }
  return out;
}
