import type { SqlConf } from "../../conf/sql-conf.js";

/** Reduce partitions [start, end) of a shuffle read as one partition. */
export interface PartitionRange {
  readonly start: number;
  readonly end: number;
}

/** One partition per reduce partition (coalescing off). */
export function identityRanges(n: number): PartitionRange[] {
  return Array.from({ length: n }, (_, i) => ({ start: i, end: i + 1 }));
}

/** A merged partition smaller than this fraction of the target joins its neighbour. */
const SMALL_FRACTION = 0.2;

/**
 * Adaptive coalescing (Spark's AQE CoalesceShufflePartitions): contiguous reduce
 * partitions are merged while their total stays within a target size. The target is
 * spark.sql.adaptive.advisoryPartitionSizeInBytes, lowered (parallelismFirst, the default)
 * so that at least `parallelism` partitions remain, but never below
 * coalescePartitions.minPartitionSize. `sizes[i]` is reduce partition i's bytes summed
 * over every shuffle the reading stage co-partitions (a join's two sides).
 */
export function coalescePartitions(sizes: readonly number[], conf: SqlConf, parallelism: number): PartitionRange[] {
  const n = sizes.length;
  if (!conf.getBoolean("spark.sql.adaptive.enabled") || !conf.getBoolean("spark.sql.adaptive.coalescePartitions.enabled")) return identityRanges(n);
  const total = sizes.reduce((a, b) => a + b, 0);
  const advisory = conf.getBytes("spark.sql.adaptive.advisoryPartitionSizeInBytes");
  const minSize = conf.getBytes("spark.sql.adaptive.coalescePartitions.minPartitionSize");
  const minParts = conf.getBoolean("spark.sql.adaptive.coalescePartitions.parallelismFirst") ? Math.max(1, parallelism) : 1;
  const target = Math.max(Math.min(Math.ceil(total / minParts), advisory), minSize, 1);
  let ranges = greedyRanges(sizes, target);
  // Balance over the worker threads (a departure from Spark, which keeps the advisory size):
  // 3 partitions on 2 threads run in two rounds, the second on one thread, so a count past
  // the parallelism is raised to its next multiple (4 smaller partitions, one round each pair).
  const lanes = Math.max(1, parallelism);
  if (minParts > 1 && ranges.length > lanes && ranges.length % lanes !== 0) {
    const want = Math.ceil(ranges.length / lanes) * lanes;
    const balanced = greedyRanges(sizes, Math.max(Math.ceil(total / want), minSize, 1));
    if (balanced.length % lanes === 0) ranges = balanced;
  }
  return ranges;
}

/** Contiguous ranges of at most `target` bytes (a single partition may exceed it), a small tail or head merged into its neighbour. */
function greedyRanges(sizes: readonly number[], target: number): PartitionRange[] {
  const n = sizes.length;
  const out: { start: number; end: number; size: number }[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < n; i++) {
    const s = sizes[i]!;
    if (i > start && size + s > target) {
      out.push({ start, end: i, size });
      start = i;
      size = 0;
    }
    size += s;
  }
  if (n > 0) out.push({ start, end: n, size });
  // a small tail (or head) partition merges into its neighbour when the sum stays near the target
  const merged: { start: number; end: number; size: number }[] = [];
  for (const r of out) {
    const prev = merged.at(-1);
    if (prev !== undefined && (r.size < target * SMALL_FRACTION || prev.size < target * SMALL_FRACTION) && prev.size + r.size <= target * (1 + SMALL_FRACTION)) {
      merged[merged.length - 1] = { start: prev.start, end: r.end, size: prev.size + r.size };
    } else merged.push(r);
  }
  return merged.map(({ start: s, end: e }) => ({ start: s, end: e }));
}
