/**
 * The partitions of persisted RDDs (pickled blobs per partition), engine-wide and keyed by the
 * client's unique id, as Spark's block manager keeps an RDD's blocks for the application.
 * They are held in memory until the client unpersists them or the engine stops.
 */
const store = new Map<string, readonly (readonly Uint8Array[])[]>();

/** The kept partitions of RDD `id`, if computed. */
export function cachedPartitions(id: string): readonly (readonly Uint8Array[])[] | undefined {
  return store.get(id);
}

/** Keep RDD `id`'s computed partitions. */
export function keepPartitions(id: string, partitions: readonly (readonly Uint8Array[])[]): void {
  store.set(id, partitions);
}

/** Drop RDD `id`'s partitions (`rdd.unpersist()`); true when there were any. */
export function dropPartitions(id: string): boolean {
  return store.delete(id);
}
