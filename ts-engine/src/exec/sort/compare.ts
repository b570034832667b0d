import type { Vector } from "../../columnar/vector.js";
import { compareUtf8 } from "../../columnar/utf8.js";
import { compareStrings } from "../../expr/kernels/compare-values.js";
import { collationAwareComparator, needsCollationKey, nestsCollatedStrings, utf8CollationComparator } from "../../columnar/collation-key.js";
import { collationOfType } from "../../types/collation.js";

/** Compares rows i and j of one sort key; negative when i sorts first. */
export type RowComparator = (i: number, j: number) => number;

function cmpNum(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  // NaN sorts after every other value (Spark's ordering of doubles)
  const an = a !== a;
  const bn = b !== b;
  return an === bn ? 0 : an ? 1 : -1;
}

function cmpBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function cmpUnknown(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return cmpBytes(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = a[i] === null ? (b[i] === null ? 0 : -1) : b[i] === null ? 1 : cmpUnknown(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  const x = a as number | bigint;
  const y = b as number | bigint;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The value order of one non-null key column, by storage. */
function baseComparator(v: Vector): RowComparator {
  switch (v.storage) {
    case "i64big":
    case "dec64":
    case "dec128": {
      // Decimals of one type share a scale, so unscaled order is value order.
      const d = v.data;
      return (i, j) => (d[i]! < d[j]! ? -1 : d[i]! > d[j]! ? 1 : 0);
    }
    case "bool":
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64": {
      const d = v.data;
      return (i, j) => cmpNum(d[i]!, d[j]!);
    }
    case "utf8": {
      // A collated string sorts by its collation (Spark's collation-aware ordering).
      if (needsCollationKey(v.type)) return utf8CollationComparator(collationOfType(v.type), v.data, v.length, v.data, v.length);
      const { offsets: o, bytes: b } = v.data;
      return (i, j) => compareUtf8(b, o[i]!, o[i + 1]!, b, o[j]!, o[j + 1]!);
    }
    case "binary": {
      const d = v.data;
      return (i, j) => cmpBytes(d[i]!, d[j]!);
    }
    case "values": {
      const d = v.data;
      // arrays and structs of collated strings sort under the collation
      if (nestsCollatedStrings(v.type)) {
        const cmp = collationAwareComparator(v.type);
        return (i, j) => cmp(d[i], d[j]);
      }
      return (i, j) => cmpUnknown(d[i], d[j]);
    }
  }
}

/**
 * A typed comparator for one sort key: nulls first or last as requested, then the value
 * order (reversed for descending). Chosen once per key, not per row.
 */
export function keyComparator(v: Vector, ascending: boolean, nullsFirst: boolean): RowComparator {
  const val = v.validity;
  const sign = ascending ? 1 : -1;
  const nullCmp = nullsFirst ? -1 : 1;
  const base = baseComparator(v);
  if (val === null) return sign === 1 ? base : (i, j) => -base(i, j);
  return (i, j) => {
    const ni = val[i] === 0;
    const nj = val[j] === 0;
    if (ni || nj) return ni && nj ? 0 : ni ? nullCmp : -nullCmp;
    return sign * base(i, j);
  };
}

/** The stable sort permutation of `n` rows under the given key comparators. */
export function sortIndices(n: number, keys: readonly RowComparator[]): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const k = keys.length;
  idx.sort((a, b) => {
    for (let c = 0; c < k; c++) {
      const r = keys[c]!(a, b);
      if (r !== 0) return r;
    }
    return a - b;
  });
  return idx;
}

