import type { Vector } from "../../columnar/vector.js";
import { InternalError } from "../../errors/spark-exception.js";
import { integralKey } from "./columnar-merge.js";
import type { IndexBuffer } from "./index-buffer.js";

/**
 * A hash join's build side indexed on one integral key (int, long within ±2^53, date …),
 * the common equi-join: a compact open-addressing table over typed arrays, with no key
 * objects and no per-row hashing beyond one multiply. Slot s is `slots[2s]` = its key and
 * `slots[2s + 1]` = the first build row with that key (-1: empty), side by side so that a
 * probe costs one cache line; `next[row]` chains a key's further rows, in row order. Rows
 * with a null key are left out: they never match. Integral keys have no NaN or -0.0, so
 * `===` on the exact Numbers is Spark's key equality. `shared` puts the arrays in
 * SharedArrayBuffers, so a broadcast's index is posted to every task without a copy.
 */
export interface IntKeyIndex {
  readonly slots: Float64Array;
  readonly next: Int32Array;
  /** 32 - log2(slot count): the multiplicative hash keeps the top bits. */
  readonly shift: number;
}

/** Fibonacci hashing's multiplier (2^32 / golden ratio). */
const GOLDEN = 0x9e3779b1 | 0;

/** The 32 bits of an exact integer a slot is chosen from: itself when it is an int32, else its two halves folded. */
function fold(x: number): number {
  return (x | 0) === x ? x : (x | 0) ^ Math.imul(Math.floor(x / 4294967296) | 0, GOLDEN);
}

function allocF64(n: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n);
}

function allocI32(n: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(4 * n)) : new Int32Array(n);
}

/** The build keys as exact Numbers, or null when the key is not integral (or a long past ±2^53): the generic table is used then. */
export function intBuildKeys(keys: readonly Vector[], n: number): Float64Array | null {
  if (keys.length !== 1) return null;
  return integralKey(keys[0]!, n, false);
}

/** Indexes build rows [0, n) on their keys `k` (nulls where `valid` is 0). */
export function buildIntKeyIndex(k: Float64Array, valid: Uint8Array | null, n: number, shared: boolean): IntKeyIndex {
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const cap = 1 << bits;
  const mask = cap - 1;
  const shift = 32 - bits;
  const slots = allocF64(2 * cap, shared);
  for (let s = 0; s < cap; s++) slots[2 * s + 1] = -1;
  const next = allocI32(n, shared);
  next.fill(-1);
  // backwards, so that each key's chain lists its rows in row order
  for (let r = n - 1; r >= 0; r--) {
    if (valid !== null && valid[r] === 0) continue;
    const x = k[r]!;
    let s = Math.imul(fold(x), GOLDEN) >>> shift;
    for (;;) {
      const first = slots[2 * s + 1]!;
      if (first < 0) {
        slots[2 * s] = x;
        slots[2 * s + 1] = r;
        break;
      }
      if (slots[2 * s] === x) {
        next[r] = first;
        slots[2 * s + 1] = r;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return { slots, next, shift };
}

/**
 * Probes the index with one stream batch's key column: pushes the candidate pairs (stream
 * row, build row) of equal keys, in stream-row order. Stream keys are any integral vector;
 * a long past ±2^53 becomes a Number no build key equals (they are all within ±2^53).
 * `oneEach`: an existence join without residual needs one pair per matching stream row.
 */
export function probeIntKeyIndex(idx: IntKeyIndex, stream: Vector, n: number, si: IndexBuffer, bi: IndexBuffer, oneEach = false): void {
  const sk = integralKey(stream, n, true);
  if (sk === null) throw new InternalError(`join key of storage ${stream.storage} probed against an integral index`);
  const valid = stream.validity;
  const { slots, next, shift } = idx;
  const mask = (slots.length >>> 1) - 1;
  for (let i = 0; i < n; i++) {
    if (valid !== null && valid[i] === 0) continue;
    const x = sk[i]!;
    let s = Math.imul(fold(x), GOLDEN) >>> shift;
    for (;;) {
      const first = slots[2 * s + 1]!;
      if (first < 0) break;
      if (slots[2 * s] === x) {
        if (oneEach) {
          si.push(i);
          bi.push(first);
        } else {
          for (let r = first; r >= 0; r = next[r]!) {
            si.push(i);
            bi.push(r);
          }
        }
        break;
      }
      s = (s + 1) & mask;
    }
  }
}
