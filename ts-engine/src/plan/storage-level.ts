/**
 * How a cached relation is kept (Spark's StorageLevel): in memory, spilled to disk when
 * memory runs out, or on disk only. `deserialized` and `replication` are recorded and
 * printed as Spark prints them; tspark keeps columnar batches either way and has one copy.
 */
export interface StorageLevel {
  readonly useDisk: boolean;
  readonly useMemory: boolean;
  readonly useOffHeap: boolean;
  readonly deserialized: boolean;
  readonly replication: number;
}

function level(useDisk: boolean, useMemory: boolean, useOffHeap: boolean, deserialized: boolean, replication = 1): StorageLevel {
  return Object.freeze({ useDisk, useMemory, useOffHeap, deserialized, replication });
}

/**
 * PySpark's storage level constants (`StorageLevel.MEMORY_ONLY` …), for `persist` in the
 * Node API; `MEMORY_AND_DISK_DESER` is what `cache()` and a bare `persist()` use.
 */
export const StorageLevel = Object.freeze({
  NONE: level(false, false, false, false),
  DISK_ONLY: level(true, false, false, false),
  DISK_ONLY_2: level(true, false, false, false, 2),
  DISK_ONLY_3: level(true, false, false, false, 3),
  MEMORY_ONLY: level(false, true, false, false),
  MEMORY_ONLY_2: level(false, true, false, false, 2),
  MEMORY_AND_DISK: level(true, true, false, false),
  MEMORY_AND_DISK_2: level(true, true, false, false, 2),
  OFF_HEAP: level(true, true, true, false),
  MEMORY_AND_DISK_DESER: level(true, true, false, true),
});

/** Spark's `StorageLevel.toString`: `StorageLevel(disk, memory, deserialized, 1 replicas)`. */
export function storageLevelString(l: StorageLevel): string {
  const parts = [l.useDisk ? "disk" : "", l.useMemory ? "memory" : "", l.useOffHeap ? "offheap" : "", l.deserialized ? "deserialized" : "", `${l.replication} replicas`];
  return `StorageLevel(${parts.filter((s) => s !== "").join(", ")})`;
}

/** Whether a level keeps anything (StorageLevel.NONE does not). */
export function isValidStorageLevel(l: StorageLevel): boolean {
  return (l.useMemory || l.useDisk) && l.replication >= 1;
}
