import type { Vector } from "../../columnar/vector.js";
import type { DataType } from "../../types/data-type.js";

/**
 * The running state of one aggregate function over many groups (indexed by group id).
 * `update` folds raw input rows, `merge` folds another partition's `partial` output,
 * `result` gives the final column. Each call handles a whole batch.
 */
export interface Accumulator {
  /** Types of the columns `partial` returns (and `merge` takes). */
  readonly partialTypes: readonly DataType[];
  /** Makes room for group ids < n. */
  ensure(n: number): void;
  update(groups: Int32Array, n: number, args: readonly Vector[]): void;
  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void;
  partial(numGroups: number): Vector[];
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
