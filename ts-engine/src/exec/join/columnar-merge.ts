import type { ColumnBatch } from "../../columnar/batch.js";
import type { Vector } from "../../columnar/vector.js";
import { isLongType } from "../../columnar/builder.js";
import { IndexBuffer } from "./index-buffer.js";

/**
 * The merge of a sort-merge join as one tight loop over two sorted key arrays, for the
 * common case: one integral key (int, long within ±2^53, date …) and a buffered side held
 * whole in one batch. It emits (stream row, buffered row) index pairs that the join output
 * gathers with take(), so no per-row comparator call, group object or batch-edge case is
 * left. Integral keys have no NaN or -0.0, so `<` and `===` are Spark's key order and
 * equality here (the row-by-row merge keeps the general comparators).
 */

/** Where the merge stands in the buffered keys; carried from one stream batch to the next. */
export interface MergeCursor {
  /** First buffered row whose key is not below the last stream key seen. */
  next: number;
  /** The current group of equal buffered keys: rows [start, end) with key `key` (end = start when none). */
  start: number;
  end: number;
  key: number;
}

/** A cursor at the start of the buffered keys. */
export function mergeCursor(): MergeCursor {
  return { next: 0, start: 0, end: 0, key: Number.NaN };
}

/**
 * The key of a merge input as a Float64Array of exact integers, or null when it is not an
 * integral key the columnar merge handles (doubles, strings, nested, or longs past ±2^53
 * on the buffered side, which `bigOk` false rejects). A stream key past 2^53 converts to
 * a Number that still orders correctly and can equal no buffered key (all within 2^53).
 */
export function integralKey(v: Vector, n: number, bigOk: boolean): Float64Array | null {
  switch (v.storage) {
    case "f64":
      return isLongType(v.type) ? v.data : null;
    case "i32":
    case "i16":
    case "i8": {
      const out = new Float64Array(n);
      const d = v.data;
      for (let i = 0; i < n; i++) out[i] = d[i]!;
      return out;
    }
    case "i64big": {
      if (!bigOk) return null;
      const out = new Float64Array(n);
      const d = v.data;
      for (let i = 0; i < n; i++) out[i] = Number(d[i]!);
      return out;
    }
    case "bool":
    case "f32":
    case "utf8":
    case "binary":
    case "dec64":
    case "dec128":
    case "values":
      return null;
  }
}

/**
 * Pairs stream rows [from, n) (keys `sk`, nulls where `valid` is 0; sorted ascending,
 * nulls anywhere) with the buffered rows of equal key (keys `bk[0, m)`, sorted, no nulls).
 * `oneEach`: an existence join without residual needs one pair per matching stream row.
 * Stops after the row at which the pairs reach `limit`; returns the next stream row to visit.
 */
export function mergeKeys(
  sk: Float64Array,
  valid: Uint8Array | null,
  from: number,
  n: number,
  bk: Float64Array,
  m: number,
  cur: MergeCursor,
  ps: IndexBuffer,
  pb: IndexBuffer,
  oneEach: boolean,
  limit: number,
): number {
  let next = cur.next;
  let start = cur.start;
  let end = cur.end;
  let key = cur.key;
  let i = from;
  while (i < n) {
    if (valid !== null && valid[i] === 0) {
      i++;
      continue;
    }
    const x = sk[i]!;
    if (x !== key) {
      while (next < m && bk[next]! < x) next++;
      start = next;
      end = next;
      key = x;
      while (end < m && bk[end] === x) end++;
    }
    i++;
    if (end > start) {
      if (oneEach) {
        ps.push(i - 1);
        pb.push(start);
      } else {
        for (let r = start; r < end; r++) {
          ps.push(i - 1);
          pb.push(r);
        }
      }
      if (ps.length >= limit) break;
    }
  }
  cur.next = next;
  cur.start = start;
  cur.end = end;
  cur.key = key;
  return i;
}

/** Whether no buffered row is left for a stream key at or above the cursor's. */
export function bufferedExhausted(cur: MergeCursor, m: number): boolean {
  return cur.next >= m && cur.end <= cur.start;
}

/** The buffered side's rows of one batch (the sorted batches held whole, concatenated by the caller). */
export interface HeldSide {
  readonly batch: ColumnBatch;
  readonly keys: Float64Array;
}
