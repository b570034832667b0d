/**
 * Spark's BucketSpec: rows go to bucket `pmod(hash(bucketColumns), numBuckets)` (Spark's
 * HashPartitioning partition id, Murmur3 with seed 42), one file per bucket per write task,
 * each file sorted by `sortColumns` (ascending, the only order Spark allows).
 */
export interface BucketSpec {
  readonly numBuckets: number;
  readonly bucketColumns: readonly string[];
  readonly sortColumns: readonly string[];
}
