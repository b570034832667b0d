import { makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { concatVectors } from "../../columnar/rows.js";
import { takeBatch } from "../../columnar/take.js";
import type { Vector } from "../../columnar/vector.js";
import type { SortOrder } from "../../expr/expr.js";
import { structField, structType } from "../../types/data-type.js";
import { keyComparator, sortIndices, type RowComparator } from "../sort/compare.js";

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
export function rangeBounds(sample: ColumnBatch, orders: readonly SortOrder[], numPartitions: number): ColumnBatch {
  const m = sample.numRows;
  const cmps = comparators(sample.columns, orders);
  const sorted = sortIndices(m, cmps);
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
