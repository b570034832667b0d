import type { ColumnBatch } from "../../columnar/batch.js";
import { takeBatch } from "../../columnar/take.js";
import type { Vector } from "../../columnar/vector.js";
import { hashInto, toKeyColumn } from "../aggregate/key-columns.js";
import { sparkHash } from "../../expr/kernels/spark-hash.js";
import { XorShiftRandom } from "../../expr/kernels/xorshift-random.js";

/** Seed of the partitioning hash (Spark's HashPartitioning uses Murmur3 with seed 42). */
const SEED = 42;

/** Murmur3's finalizer: spreads every input bit over the low bits a modulo keeps. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The hash partition (0 … numPartitions-1) of each of `n` rows with key columns `keys`.
 * Keys that group together (the same values under the hash tables' equality: numbers by
 * value whatever their storage, -0 = 0, NaN = NaN) always land in the same partition.
 * The hash differs from the tables' own, so a partition's keys still spread over a table.
 */
export function hashPartitionIds(keys: readonly Vector[], n: number, numPartitions: number): Int32Array {
  const h = new Int32Array(n).fill(SEED);
  for (const k of keys) hashInto(toKeyColumn(k), h, n);
  // The sign bit is dropped before the modulo: V8's int32 % on a negative dividend (a -0
  // result is possible) and a branch on the sign measured 4x slower per row than this.
  for (let i = 0; i < n; i++) h[i] = (fmix(h[i]!) & 0x7fffffff) % numPartitions;
  return h;
}

/**
 * Spark's HashPartitioning ids: pmod(Murmur3 hash(keys) seeded 42, numPartitions), the same
 * value as Spark's `hash()` function, so a user's repartition(n, cols) puts every row in
 * the partition Spark puts it in.
 */
export function sparkHashPartitionIds(keys: readonly Vector[], n: number, numPartitions: number): Int32Array {
  const h = sparkHash(keys, n, SEED);
  for (let i = 0; i < n; i++) {
    const r = h[i]! % numPartitions;
    h[i] = r < 0 ? r + numPartitions : r;
  }
  return h;
}

/**
 * Spark's RoundRobinPartitioning for map partition `mapPartition`: the first row goes to
 * the partition after XORShiftRandom(mapPartition).nextInt(numPartitions), each next row to
 * the next one. Returns a function giving the ids of the next `n` rows. (Spark also sorts
 * each map partition first, spark.sql.execution.sortBeforeRepartition, so that a retried
 * task deals the same rows; tspark does not retry tasks, and deals rows in input order:
 * each partition gets as many rows as in Spark, not the same ones.)
 */
export function roundRobinDealer(mapPartition: number, numPartitions: number): (n: number) => Int32Array {
  let position = new XorShiftRandom(BigInt(mapPartition)).nextInt(numPartitions);
  return (n) => {
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      position = (position + 1) % numPartitions;
      ids[i] = position;
    }
    return ids;
  };
}

/**
 * Splits a batch by precomputed partition ids: entry p holds partition p's rows in their
 * input order, or null when it has none (a counting sort, then one take per partition).
 */
export function splitByPartition(b: ColumnBatch, ids: Int32Array, numPartitions: number): (ColumnBatch | null)[] {
  const n = b.numRows;
  const counts = new Int32Array(numPartitions + 1);
  for (let i = 0; i < n; i++) counts[ids[i]! + 1]!++;
  for (let p = 0; p < numPartitions; p++) counts[p + 1]! += counts[p]!;
  const starts = counts.slice(0, numPartitions);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[starts[ids[i]!]!++] = i;
  const out: (ColumnBatch | null)[] = [];
  for (let p = 0; p < numPartitions; p++) {
    const lo = counts[p]!;
    const hi = counts[p + 1]!;
    out.push(hi === lo ? null : takeBatch(b, order.subarray(lo, hi)));
  }
  return out;
}

/**
 * A batch whose rows are grouped by partition: partition p's rows, in input order, are
 * [offsets[p], offsets[p + 1]). One such block per chunk of a map task's output stands for
 * all its partitions, so a shuffle moves a few large buffers between threads, not one
 * small batch per partition, and a reader of partitions [a, b) takes one slice of it.
 */
export interface PartitionedBatch {
  readonly batch: ColumnBatch;
  readonly offsets: Int32Array;
}

/**
 * Groups a batch's rows by precomputed partition ids (a counting sort, then one take). The
 * grouped rows are written straight into shared memory: the main thread hands each reader
 * views of its slice without copying, where a plain buffer's slice had to be copied on the
 * main thread before it could be transferred. One partition is the batch as it is.
 */
export function partitionBatch(b: ColumnBatch, ids: Int32Array, numPartitions: number): PartitionedBatch {
  const n = b.numRows;
  const offsets = new Int32Array(numPartitions + 1);
  for (let i = 0; i < n; i++) offsets[ids[i]! + 1]!++;
  for (let p = 0; p < numPartitions; p++) offsets[p + 1]! += offsets[p]!;
  if (numPartitions === 1) return { batch: b, offsets };
  const next = offsets.slice(0, numPartitions);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[ids[i]!]!++] = i;
  return { batch: takeBatch(b, order, n, { shared: true, nonNegative: true }), offsets };
}
