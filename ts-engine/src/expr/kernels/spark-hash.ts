import type { Vector } from "../../columnar/vector.js";
import type { DataType } from "../../types/data-type.js";
import { InternalError } from "../../errors/spark-exception.js";
import { unscaled } from "../eval/decimal.js";
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

/** Decimals of at most this many digits hash as their unscaled long (Spark's MAX_LONG_DIGITS). */
const MAX_LONG_DIGITS = 18;

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
      return murmur3Int(x as number, seed);
    case "long":
    case "timestamp":
    case "timestamp_ntz":
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
      return hashDecimal(x as string, t.precision, t.scale, seed);
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

function hashDecimal(text: string, precision: number, scale: number, seed: number): number {
  const u = unscaled(text, scale);
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
    case "i64big": {
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
    case "decimal": {
      if (t.kind !== "decimal") throw new InternalError(`decimal storage for ${t.kind}`);
      const d = v.data;
      for (let i = 0; i < n; i++) if (val === null || val[i] === 1) hashes[i] = hashDecimal(d[i]!, t.precision, t.scale, hashes[i]!);
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
