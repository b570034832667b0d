import { makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { concatVectors } from "../../columnar/rows.js";
import { takeBatch } from "../../columnar/take.js";
import type { Vector } from "../../columnar/vector.js";
import type { SortOrder } from "../../expr/expr.js";
import { structField, structType } from "../../types/data-type.js";
import { keyComparator, type RowComparator } from "../sort/compare.js";
import { sortPermutation } from "../sort/sort-permutation.js";
import { prefixWords } from "../sort/utf8-prefix.js";
import { needsCollationKey } from "../../columnar/collation-key.js";

/** Comparators over rows of `cols` (one per sort order), in the orders' directions. */
function comparators(cols: readonly Vector[], orders: readonly SortOrder[]): RowComparator[] {
  return cols.map((c, i) => keyComparator(c, orders[i]!.ascending, orders[i]!.nullsFirst));
}

function compareRows(cmps: readonly RowComparator[], i: number, j: number): number {
  for (const c of cmps) {
    const r = c(i, j);
    if (r !== 0) return r;
  }
  return 0;
}

/** A batch of sort-key columns (one per order) named for the orders' positions. */
export function keyBatch(cols: readonly Vector[], n: number): ColumnBatch {
  return makeBatch(structType(cols.map((c, i) => structField(`_s${i}`, c.type, true))), cols, n);
}

/**
 * Up to numPartitions-1 range bounds from a sample of sort keys (Spark's RangePartitioner):
 * the sample sorted, cut at even quantiles, repeated bounds dropped (so skewed keys make
 * fewer partitions, never empty ranges between equal bounds).
 */
export async function rangeBounds(sample: ColumnBatch, orders: readonly SortOrder[], numPartitions: number): Promise<ColumnBatch> {
  const m = sample.numRows;
  const cmps = comparators(sample.columns, orders);
  // the radix sort of the sort itself, not a comparator sort: the sample has up to 3M keys
  const sorted = await sortPermutation(
    sample.columns.map((values, i) => ({ values, ascending: orders[i]!.ascending, nullsFirst: orders[i]!.nullsFirst })),
    m,
  );
  const picks: number[] = [];
  for (let i = 1; i < numPartitions && m > 0; i++) {
    const at = sorted[Math.min(m - 1, Math.floor((i * m) / numPartitions))]!;
    const prev = picks.at(-1);
    if (prev === undefined || compareRows(cmps, prev, at) < 0) picks.push(at);
  }
  return takeBatch(sample, Int32Array.from(picks));
}

/**
 * The range partition of each row with sort keys `keys`: the number of bounds strictly
 * below its key (a key equal to a bound goes to the lower partition, as in Spark).
 */
export function rangePartitionIds(keys: readonly Vector[], n: number, bounds: ColumnBatch, orders: readonly SortOrder[]): Int32Array {
  const nb = bounds.numRows;
  const out = new Int32Array(n);
  if (nb === 0) return out;
  if (keys.length === 1 && numericPartitionIds(keys[0]!, n, bounds.columns[0]!, orders[0]!.ascending, out)) return out;
  if (keys.length === 1 && utf8PartitionIds(keys[0]!, n, bounds.columns[0]!, orders[0]!.ascending, out)) return out;
  const cols = keys.map((k, i) => concatVectors([bounds.columns[i]!, k]));
  const cmps = comparators(cols, orders);
  for (let r = 0; r < n; r++) {
    let lo = 0;
    let hi = nb;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareRows(cmps, nb + r, mid) > 0) lo = mid + 1;
      else hi = mid;
    }
    out[r] = lo;
  }
  return out;
}

/** Non-null plain numbers of a vector (a double view of ints), or null. */
function plainNumbers(v: Vector): ArrayLike<number> | null {
  if (v.validity !== null) return null;
  switch (v.storage) {
    case "f64":
    case "f32":
    case "i32":
    case "i16":
    case "i8":
      return v.data;
    default:
      return null;
  }
}

/**
 * rangePartitionIds for one numeric key without nulls (the common global sort): a binary
 * search over the bounds as plain doubles, inline. NaN is taken as +Infinity, and -0.0 and
 * 0.0 compare equal: that only merges keys the sort order keeps adjacent into one
 * partition, so partitions stay ordered. False when the key or the bounds do not qualify.
 */
function numericPartitionIds(key: Vector, n: number, boundsCol: Vector, ascending: boolean, out: Int32Array): boolean {
  const x = plainNumbers(key);
  const bs = plainNumbers(boundsCol);
  if (x === null || bs === null) return false;
  const nb = boundsCol.length;
  const b = new Float64Array(nb);
  for (let i = 0; i < nb; i++) {
    const v = bs[i]!;
    b[i] = v !== v ? Infinity : v;
  }
  for (let r = 0; r < n; r++) {
    let v = x[r]!;
    if (v !== v) v = Infinity;
    let lo = 0;
    let hi = nb;
    // partition = bounds strictly before the key in the sort order
    if (ascending) {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (v > b[mid]!) lo = mid + 1;
        else hi = mid;
      }
    } else {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (v < b[mid]!) lo = mid + 1;
        else hi = mid;
      }
    }
    out[r] = lo;
  }
  return true;
}

/** Spark's string order: UTF-8 bytes compared as unsigned, a prefix before its extensions. */
function compareBytes(a: Uint8Array, a0: number, a1: number, b: Uint8Array, b0: number, b1: number): number {
  const la = a1 - a0;
  const lb = b1 - b0;
  const m = la < lb ? la : lb;
  for (let k = 0; k < m; k++) {
    const d = a[a0 + k]! - b[b0 + k]!;
    if (d !== 0) return d;
  }
  return la - lb;
}

/**
 * rangePartitionIds for one string key without nulls: a binary search over the bounds that
 * compares 8-byte big-endian prefix words (utf8-prefix.ts) first and the bytes only when the
 * prefixes tie, so most steps are two number comparisons instead of a byte loop.
 */
function utf8PartitionIds(key: Vector, n: number, boundsCol: Vector, ascending: boolean, out: Int32Array): boolean {
  if (key.storage !== "utf8" || boundsCol.storage !== "utf8" || needsCollationKey(key.type) || key.validity !== null || boundsCol.validity !== null) return false;
  const { offsets: ko, bytes: kb } = key.data;
  const { offsets: bo, bytes: bb } = boundsCol.data;
  const nb = boundsCol.length;
  const dir = ascending ? 1 : -1;
  const kp = prefixWords({ kind: "utf8", offsets: ko, bytes: kb }, n, null);
  const bp = prefixWords({ kind: "utf8", offsets: bo, bytes: bb }, nb, null);
  const khi = kp.hi;
  const klo = kp.lo;
  const bhi = bp.hi;
  const blo = bp.lo;
  for (let r = 0; r < n; r++) {
    const h = khi[r]!;
    const l = klo[r]!;
    let lo = 0;
    let hi = nb;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const mh = bhi[mid]!;
      const ml = blo[mid]!;
      // the key against bound `mid`, in Spark's byte order
      const c = h !== mh ? (h > mh ? 1 : -1) : l !== ml ? (l > ml ? 1 : -1) : compareBytes(kb, ko[r]!, ko[r + 1]!, bb, bo[mid]!, bo[mid + 1]!);
      if (dir * c > 0) lo = mid + 1;
      else hi = mid;
    }
    out[r] = lo;
  }
  return true;
}
