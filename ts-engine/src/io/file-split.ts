/**
 * A file the index found: its local path, size and modification time (ms since the epoch),
 * and the values of its Hive partition columns (vector convention, in the partition schema's
 * order; empty when the table is not partitioned).
 */
export interface FileStatus {
  readonly path: string;
  readonly size: number;
  readonly modificationTime: number;
  readonly partitionValues: readonly unknown[];
}

/**
 * A byte range [start, start + length) of one file, read by one task (Spark's PartitionedFile).
 * A text-like reader owns the records that start inside the range (io/line-reader.ts); a file
 * that is not splittable is one split of its whole size.
 */
export interface FileSplit {
  readonly file: FileStatus;
  readonly start: number;
  readonly length: number;
}

/** The splits one task reads, one after another (Spark's FilePartition). */
export interface FilePartition {
  readonly index: number;
  readonly splits: readonly FileSplit[];
}
