import type { Vector } from "../../../columnar/vector.js";
import type { DataType } from "../../../types/data-type.js";

/**
 * The running state of one aggregate function over many groups (indexed by group id), as
 * DataFusion's GroupsAccumulator: `update` folds raw input rows, `merge` folds another
 * partition's `partial` output, `result` gives the final column. Each call handles a whole
 * batch. A registry entry (AggFunctionDef.accumulator) makes one per call and task; the
 * hash aggregate operator never picks one by name.
 */
export interface Accumulator {
  /** Types of the columns `partial` returns (and `merge` takes). */
  readonly partialTypes: readonly DataType[];
  /** Makes room for group ids < n. */
  ensure(n: number): void;
  /** Folds `n` input rows: row i (values at index i of each of `args`) belongs to group `groups[i]`. */
  update(groups: Int32Array, n: number, args: readonly Vector[]): void;
  /** Folds `n` rows of another accumulator's `partial` columns into groups `groups[i]`. */
  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void;
  /** The intermediate state of groups 0..numGroups-1, one column per `partialTypes` entry. */
  partial(numGroups: number): Vector[];
  /** The final value of groups 0..numGroups-1 (the call's resolved dataType). */
  result(numGroups: number): Vector;
}

/** Grows a typed array to at least `n` slots (doubling), keeping its contents. */
export function growF64(a: Float64Array, n: number): Float64Array {
  if (n <= a.length) return a;
  const out = new Float64Array(Math.max(n, a.length * 2));
  out.set(a);
  return out;
}

/** Grows a byte array to at least `n` slots (doubling), keeping its contents. */
export function growU8(a: Uint8Array, n: number): Uint8Array {
  if (n <= a.length) return a;
  const out = new Uint8Array(Math.max(n, a.length * 2));
  out.set(a);
  return out;
}

const singleGroupArrays = new WeakSet<Int32Array>();
let singleGroupCache = new Int32Array(0);

/**
 * Group ids for an aggregation without grouping keys: `n` zeros, shared and read-only, and
 * recognised by isSingleGroup so accumulators can fold the batch into one running value.
 */
export function singleGroupIds(n: number): Int32Array {
  if (singleGroupCache.length < n) {
    singleGroupCache = new Int32Array(Math.max(n, 8192));
    singleGroupArrays.add(singleGroupCache);
  }
  const ids = singleGroupCache.length === n ? singleGroupCache : singleGroupCache.subarray(0, n);
  singleGroupArrays.add(ids);
  return ids;
}

/** Whether `groups` came from singleGroupIds (every row in group 0). */
export function isSingleGroup(groups: Int32Array): boolean {
  return singleGroupArrays.has(groups);
}

/**
 * Validity for per-group results from a 0/1 "seen" array: null when every group saw a value,
 * else a copy of the first `n` bytes (a plain loop: these run once per group, 100k+ times).
 */
export function seenValidity(seen: Uint8Array, n: number): Uint8Array | null {
  let all = true;
  for (let g = 0; g < n; g++) {
    if (seen[g] !== 1) {
      all = false;
      break;
    }
  }
  return all ? null : seen.slice(0, n);
}
