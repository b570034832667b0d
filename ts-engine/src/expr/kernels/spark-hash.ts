import type { VariantValue } from "../../columnar/variant.js";
import { MAX_LONG_DIGITS, type Vector } from "../../columnar/vector.js";
import type { DataType } from "../../types/data-type.js";
import type { CalendarInterval } from "../../columnar/calendar-interval.js";
import { unscaled } from "../../columnar/decimal-value.js";
import { valueAt } from "../eval/vectors.js";
import {
  bigIntToJavaBytes,
  murmur3Bytes,
  murmur3Double,
  murmur3Float,
  murmur3Int,
  murmur3LongBig,
  murmur3LongNumber,
} from "./murmur3.js";

const encoder = new TextEncoder();

/**
 * Spark's Murmur3 hash of one value of type `t` (vector convention: longs as number or bigint,
 * strings as JS strings, decimals as canonical text, arrays/structs as JS arrays) with `seed`
 * the hash so far; a null leaves the seed unchanged. Used for nested values; top-level columns
 * go through `hashColumnInto`'s typed loops.
 */
export function hashValue(x: unknown, t: DataType, seed: number): number {
  if (x === null || x === undefined) return seed;
  switch (t.kind) {
    case "null":
      return seed;
    case "boolean":
      return murmur3Int(x === true ? 1 : 0, seed);
    case "byte":
    case "short":
    case "integer":
    case "date":
    case "year_month_interval":
      return murmur3Int(x as number, seed);
    case "long":
    case "timestamp":
    case "timestamp_ntz":
    case "day_time_interval":
      return typeof x === "bigint" ? murmur3LongBig(x, seed) : murmur3LongNumber(x as number, seed);
    case "float":
      return murmur3Float(x as number, seed);
    case "double":
      return murmur3Double(x as number, seed);
    case "string": {
      const b = encoder.encode(x as string);
      return murmur3Bytes(b, 0, b.length, seed);
    }
    case "binary": {
      const b = x as Uint8Array;
      return murmur3Bytes(b, 0, b.length, seed);
    }
    case "decimal":
      return hashUnscaled(unscaled(x as string, t.scale), t.precision, seed);
    case "variant": {
      // hash() rejects variants (HASH_VARIANT_TYPE); exchanges that reach here hash the bytes.
      const v = x as VariantValue;
      return murmur3Bytes(v.metadata, 0, v.metadata.length, murmur3Bytes(v.value, 0, v.value.length, seed));
    }
    case "calendar_interval": {
      // Spark's HashExpression: microseconds as a long, then days and months as ints.
      const iv = x as CalendarInterval;
      return murmur3Int(iv.months, murmur3Int(iv.days, murmur3LongBig(iv.microseconds, seed)));
    }
    case "array": {
      let h = seed;
      for (const e of x as readonly unknown[]) h = hashValue(e, t.elementType, h);
      return h;
    }
    case "struct": {
      let h = seed;
      const fs = x as readonly unknown[];
      t.fields.forEach((f, i) => (h = hashValue(fs[i], f.dataType, h)));
      return h;
    }
    case "map": {
      // Unreachable through hash() (the analyzer rejects maps, HASH_MAP_TYPE): keys then values.
      let h = seed;
      for (const [k, v] of x as readonly (readonly [unknown, unknown])[]) {
        h = hashValue(k, t.keyType, h);
        h = hashValue(v, t.valueType, h);
      }
      return h;
    }
  }
}

/** Decimals of at most MAX_LONG_DIGITS digits hash as their unscaled long, wider ones as Java's BigInteger bytes. */
function hashUnscaled(u: bigint, precision: number, seed: number): number {
  if (precision <= MAX_LONG_DIGITS) return murmur3LongBig(u, seed);
  const b = bigIntToJavaBytes(u);
  return murmur3Bytes(b, 0, b.length, seed);
}

/** Folds one column into the running per-row hashes (`hashes[i]` is row i's seed, then its hash). */
export function hashColumnInto(v: Vector, hashes: Int32Array): void {
  const n = v.length;
  const val = v.validity;
  const t = v.type;
  switch (v.storage) {
    case "bool":
    case "i8":
    case "i16":
    case "i32": {
      const d = v.data;
      for (let i = 0; i < n; i++) if (val === null || val[i] === 1) hashes[i] = murmur3Int(d[i]!, hashes[i]!);
      return;
    }
    case "f32": {
      const d = v.data;
      for (let i = 0; i < n; i++) if (val === null || val[i] === 1) hashes[i] = murmur3Float(d[i]!, hashes[i]!);
      return;
    }
    case "f64": {
      const d = v.data;
      if (t.kind === "double") {
        for (let i = 0; i < n; i++) if (val === null || val[i] === 1) hashes[i] = murmur3Double(d[i]!, hashes[i]!);
      } else {
        for (let i = 0; i < n; i++) if (val === null || val[i] === 1) hashes[i] = murmur3LongNumber(d[i]!, hashes[i]!);
      }
      return;
    }
    case "i64big":
    case "dec64": {
      // A decimal of at most 18 digits hashes as its unscaled long, exactly as a long does.
      const d = v.data;
      for (let i = 0; i < n; i++) if (val === null || val[i] === 1) hashes[i] = murmur3LongBig(d[i]!, hashes[i]!);
      return;
    }
    case "utf8": {
      const { offsets, bytes } = v.data;
      for (let i = 0; i < n; i++) if (val === null || val[i] === 1) hashes[i] = murmur3Bytes(bytes, offsets[i]!, offsets[i + 1]!, hashes[i]!);
      return;
    }
    case "binary": {
      const d = v.data;
      for (let i = 0; i < n; i++) if (val === null || val[i] === 1) hashes[i] = murmur3Bytes(d[i]!, 0, d[i]!.length, hashes[i]!);
      return;
    }
    case "dec128": {
      const d = v.data;
      for (let i = 0; i < n; i++) {
        if (val !== null && val[i] === 0) continue;
        const b = bigIntToJavaBytes(d[i]!);
        hashes[i] = murmur3Bytes(b, 0, b.length, hashes[i]!);
      }
      return;
    }
    case "values":
      for (let i = 0; i < n; i++) hashes[i] = hashValue(valueAt(v, i), t, hashes[i]!);
      return;
  }
}

/** Spark's `hash(c1, c2, …)`: Murmur3 of each column in turn, seeded by the previous result. */
export function sparkHash(args: readonly Vector[], n: number, seed: number): Int32Array {
  const hashes = new Int32Array(n).fill(seed);
  for (const a of args) hashColumnInto(a, hashes);
  return hashes;
}
