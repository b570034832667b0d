import type { ColumnBatch } from "../../columnar/batch.js";
import { concatBatches } from "../../columnar/rows.js";
import type { Vector } from "../../columnar/vector.js";
import { evaluate, type EvalContext } from "../../expr/eval/evaluate.js";
import type { Expr } from "../../expr/expr.js";
import type { StructType } from "../../types/data-type.js";
import { hashInto, toKeyColumn } from "../aggregate/key-columns.js";
import { shareBatch } from "../cache/shared-batch.js";
import { IndexBuffer } from "./index-buffer.js";
import { anyKeyNull, KeyComparer } from "./key-compare.js";
import { buildIntKeyIndex, denseIndex, denseOrder, intBuildKeys, probeIntKeyIndex, type IntKeyIndex } from "./int-key-index.js";
import { takeBatch } from "../../columnar/take.js";

/**
 * A broadcast's rows with a hash index on its keys (Spark's HashedRelation), built once
 * per query on one worker thread and shared by every task of the join: the columns and the
 * index live in SharedArrayBuffers, so posting the relation to a task shares the memory
 * instead of copying it (cache/shared-batch.ts; values without typed storage, such as
 * binary and nested values, are still copied). `head[bucket]` is the first row of a bucket, `next[row]` the
 * following one; rows with a null key are in no bucket, since they never match. A join on one
 * integral key gets the compact `intIndex` instead (int-key-index.ts), and empty chains;
 * when those keys are exactly a range, each once (a surrogate key), `batch` holds the rows in
 * key order and the index is `dense`. Row order is free: Spark promises no join output order.
 */
export interface HashedRelation {
  readonly batch: ColumnBatch;
  readonly hashes: Int32Array;
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly intIndex?: IntKeyIndex;
}

function shared<T extends Int32Array | Uint8Array | Int8Array | Int16Array | Float32Array | Float64Array | BigInt64Array>(a: T): T {
  const ctor = a.constructor as new (b: SharedArrayBuffer) => T;
  const out = new ctor(new SharedArrayBuffer(a.byteLength));
  (out as unknown as { set(x: T): void }).set(a);
  return out;
}

/** Seed of the relation's key hash. */
const SEED = 0x2545f491;

/** The key hash of each of `n` rows (numbers by value whatever their storage, -0 = 0, NaN = NaN). */
export function keyHashes(keys: readonly Vector[], n: number): Int32Array {
  const h = new Int32Array(n).fill(SEED);
  for (const k of keys) hashInto(toKeyColumn(k), h, n);
  return h;
}

function tableSize(n: number): number {
  let s = 16;
  while (s < 2 * n) s *= 2;
  return s;
}

/** Builds the relation of a broadcast's batches on its key expressions (bound to `schema`). */
export function buildHashedRelation(schema: StructType, batches: readonly ColumnBatch[], keyExprs: readonly Expr[], ectx: EvalContext): HashedRelation {
  const all = concatBatches(schema, batches);
  const n = all.numRows;
  const keys = keyExprs.map((k) => evaluate(k, all, ectx));
  const ik = intBuildKeys(keys, n);
  if (ik !== null) {
    const none = shared(new Int32Array(0));
    const index = buildIntKeyIndex(ik, keys[0]!.validity, n, true);
    // A dimension keyed 1..n (a surrogate key) is stored in key order: a probe then finds
    // its row from the key alone, one cache miss per row fewer than through `first`.
    const order = denseOrder(index);
    if (order !== null && index.kind === "direct") {
      return { batch: takeBatch(all, order, n, { shared: true, nonNegative: true }), hashes: none, head: none, next: none, intIndex: denseIndex(index) };
    }
    return { batch: shareBatch(all), hashes: none, head: none, next: none, intIndex: index };
  }
  const batch = shareBatch(all);
  const hashes = shared(keyHashes(keys, n));
  const size = tableSize(n);
  const mask = size - 1;
  const head = shared(new Int32Array(size).fill(-1));
  const next = shared(new Int32Array(n).fill(-1));
  // backwards, so each bucket's chain is in row order
  for (let r = n - 1; r >= 0; r--) {
    if (anyKeyNull(keys, r)) continue;
    const b = hashes[r]! & mask;
    next[r] = head[b]!;
    head[b] = r;
  }
  return { batch, hashes, head, next };
}

/**
 * Probes the relation with one stream batch's key columns: the candidate pairs (stream row,
 * relation row) whose keys are equal, in stream-row order.
 */
export class RelationProbe {
  private readonly keys: readonly Vector[];
  private readonly cmp = new KeyComparer();

  constructor(
    private readonly rel: HashedRelation,
    keyExprs: readonly Expr[],
    ectx: EvalContext,
  ) {
    // the integral index compares the keys it stores: the relation's own are not needed
    this.keys = rel.intIndex !== undefined ? [] : keyExprs.map((k) => evaluate(k, rel.batch, ectx));
  }

  candidates(streamKeys: readonly Vector[], n: number, si: IndexBuffer, bi: IndexBuffer): void {
    const ii = this.rel.intIndex;
    if (ii !== undefined) {
      probeIntKeyIndex(ii, streamKeys[0]!, n, si, bi);
      return;
    }
    const { hashes, head, next } = this.rel;
    const mask = head.length - 1;
    const h = keyHashes(streamKeys, n);
    const rk = this.keys;
    for (let i = 0; i < n; i++) {
      if (anyKeyNull(streamKeys, i)) continue;
      const hi = h[i]!;
      for (let r = head[hi & mask]!; r >= 0; r = next[r]!) {
        if (hashes[r] !== hi || this.cmp.compare(streamKeys, i, rk, r) !== 0) continue;
        si.push(i);
        bi.push(r);
      }
    }
  }
}
