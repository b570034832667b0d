import type { Vector } from "../../columnar/vector.js";
import { assertNever } from "../../errors/assert-never.js";
import { InternalError } from "../../errors/spark-exception.js";
import { integralKey } from "./columnar-merge.js";
import type { IndexBuffer } from "./index-buffer.js";

/**
 * A hash join's build side indexed on one integral key (int, long within ±2^53, date …),
 * the common equi-join, over typed arrays, with no key objects. Keys that fill a small
 * range (span at most twice the rows) are looked up directly (`direct`: `first[key - min]`,
 * one 4-byte read per probe, as a perfect hash join does); others go to a compact
 * open-addressing table (`hash`): slot s is `slots[2s]` = its key and `slots[2s + 1]` =
 * the first build row with that key (-1: empty), side by side so that a probe costs one
 * cache line. `next[row]` chains a key's further rows, in row order. Rows with a null key
 * are left out: they never match. Integral keys have no NaN or -0.0, so `===` on the exact
 * Numbers is Spark's key equality. `shared` puts the arrays in SharedArrayBuffers, so a
 * broadcast's index is posted to every task without a copy.
 */
export type IntKeyIndex = (
  | { readonly kind: "direct"; readonly first: Int32Array; readonly min: number; readonly next: Int32Array }
  /**
   * The build rows are the keys min, min + 1, … min + span - 1, each once, in that order
   * (denseLayout): key k is row k - min, so a probe is a range check with no lookup at
   * all (DuckDB's perfect hash join on a dense surrogate key). `next` is empty.
   */
  | { readonly kind: "dense"; readonly min: number; readonly span: number; readonly next: Int32Array }
  | {
      readonly kind: "hash";
      readonly slots: Float64Array;
      readonly next: Int32Array;
      /** 32 - log2(slot count): the multiplicative hash keeps the top bits. */
      readonly shift: number;
    }
) & {
  /** No key has two build rows (a dimension's primary key): every chain is one row long. */
  readonly unique: boolean;
};

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
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < n; r++) {
    if (valid !== null && valid[r] === 0) continue;
    const x = k[r]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const next = allocI32(n, shared);
  next.fill(-1);
  const span = max - min + 1;
  if (span > 0 && span <= 2 * n + 1024) {
    const first = allocI32(span, shared);
    first.fill(-1);
    let unique = true;
    // backwards, so that each key's chain lists its rows in row order
    for (let r = n - 1; r >= 0; r--) {
      if (valid !== null && valid[r] === 0) continue;
      const d = k[r]! - min;
      const f = first[d]!;
      if (f >= 0) unique = false;
      next[r] = f;
      first[d] = r;
    }
    return { kind: "direct", first, min, next, unique };
  }
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const cap = 1 << bits;
  const mask = cap - 1;
  const shift = 32 - bits;
  const slots = allocF64(2 * cap, shared);
  for (let s = 0; s < cap; s++) slots[2 * s + 1] = -1;
  let unique = true;
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
        unique = false;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return { kind: "hash", slots, next, shift, unique };
}

/**
 * The build rows' order that makes a unique direct index dense (row r holds key min + r),
 * or null when some key in its range is missing (or repeated): then `first` is that
 * order, every slot filled. A caller that reorders its rows so gets `denseIndex(idx)`.
 */
export function denseOrder(idx: IntKeyIndex): Int32Array | null {
  if (idx.kind !== "direct" || !idx.unique) return null;
  const first = idx.first;
  // as many keys as rows (no null key) and every one of them present
  if (first.length !== idx.next.length) return null;
  for (let d = 0; d < first.length; d++) if (first[d]! < 0) return null;
  return first;
}

/** The dense index of rows reordered by `denseOrder(idx)` (row r is key idx.min + r). */
export function denseIndex(idx: IntKeyIndex & { kind: "direct" }): IntKeyIndex {
  return { kind: "dense", min: idx.min, span: idx.first.length, next: new Int32Array(0), unique: true };
}

/** The build row of each stream row's key (-1: none, or a null key), for the dense index: the key's offset, no lookup. */
function firstRowsDense(idx: IntKeyIndex & { kind: "dense" }, sk: Float64Array, valid: Uint8Array | null, n: number, out: Int32Array): void {
  const { min, span } = idx;
  for (let i = 0; i < n; i++) {
    const d = sk[i]! - min;
    // d is an exact integer below span (< 2^31) when it is in range; outside it matches nothing
    out[i] = d >= 0 && d < span && (valid === null || valid[i] === 1) ? d : -1;
  }
}

/** The first build row of each stream row's key (-1: none, or a null key), for the direct index. */
function firstRowsDirect(idx: IntKeyIndex & { kind: "direct" }, sk: Float64Array, valid: Uint8Array | null, n: number, out: Int32Array): void {
  const { first, min } = idx;
  const span = first.length;
  for (let i = 0; i < n; i++) {
    const d = sk[i]! - min;
    // a key outside the range, or (past 2^53) not an exact integer, matches nothing
    out[i] = d >= 0 && d < span && (valid === null || valid[i] === 1) ? first[d]! : -1;
  }
}

/** The first build row of each stream row's key (-1: none, or a null key), for the hashed index. */
function firstRowsHashed(idx: IntKeyIndex & { kind: "hash" }, sk: Float64Array, valid: Uint8Array | null, n: number, out: Int32Array): void {
  const { slots, shift } = idx;
  const mask = (slots.length >>> 1) - 1;
  for (let i = 0; i < n; i++) {
    out[i] = -1;
    if (valid !== null && valid[i] === 0) continue;
    const x = sk[i]!;
    let s = Math.imul(fold(x), GOLDEN) >>> shift;
    for (;;) {
      const f = slots[2 * s + 1]!;
      if (f < 0) break;
      if (slots[2 * s] === x) {
        out[i] = f;
        break;
      }
      s = (s + 1) & mask;
    }
  }
}

let firstScratch = new Int32Array(0);

/**
 * Probes the index with one stream batch's key column: pushes the candidate pairs (stream
 * row, build row) of equal keys, in stream-row order. Stream keys are any integral vector;
 * a long past ±2^53 becomes a Number no build key equals (they are all within ±2^53).
 * `oneEach`: an existence join without residual needs one pair per matching stream row.
 */
export function probeIntKeyIndex(idx: IntKeyIndex, stream: Vector, n: number, si: IndexBuffer, bi: IndexBuffer, oneEach = false): void {
  const sk = integralKey(stream, n, true);
  if (sk === null) throw new InternalError(`join key of storage ${stream.storage} probed against an integral index`);
  // first the lookups, a loop of independent reads, then the chains
  if (firstScratch.length < n) firstScratch = new Int32Array(Math.max(n, 8192));
  const firsts = firstScratch;
  switch (idx.kind) {
    case "direct":
      firstRowsDirect(idx, sk, stream.validity, n, firsts);
      break;
    case "dense":
      firstRowsDense(idx, sk, stream.validity, n, firsts);
      break;
    case "hash":
      firstRowsHashed(idx, sk, stream.validity, n, firsts);
      break;
    default:
      assertNever(idx);
  }
  if (oneEach || idx.unique) {
    // one pair per matching row: written branch-free into room made first (no push per pair)
    si.reserve(n);
    bi.reserve(n);
    const sd = si.data;
    const bd = bi.data;
    let m = si.length;
    for (let i = 0; i < n; i++) {
      const f = firsts[i]!;
      sd[m] = i;
      bd[m] = f;
      m += +(f >= 0);
    }
    si.length = m;
    bi.length = m;
    return;
  }
  const next = idx.next;
  for (let i = 0; i < n; i++) {
    const f = firsts[i]!;
    if (f < 0) continue;
    if (oneEach) {
      si.push(i);
      bi.push(f);
    } else {
      for (let r = f; r >= 0; r = next[r]!) {
        si.push(i);
        bi.push(r);
      }
    }
  }
}
