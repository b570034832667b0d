import type { FilePartition, FileSplit, FileStatus } from "./file-split.js";

/** What split planning reads from the session (Spark's spark.sql.files.* keys). */
export interface SplitSettings {
  /** spark.sql.files.maxPartitionBytes: the most bytes one partition reads. */
  readonly maxPartitionBytes: number;
  /** spark.sql.files.openCostInBytes: what opening a file is counted as, in bytes. */
  readonly openCostInBytes: number;
  /** spark.sql.files.minPartitionNum, else the default parallelism (cores). */
  readonly minPartitionNum: number;
}

/**
 * The partitions a scan reads, as Spark's FileSourceScanExec plans them: the split size is
 * min(maxPartitionBytes, max(openCost, total bytes per core)); empty files are left out, splittable files are cut
 * into splits of that size, the splits sorted by size (largest first) and packed next-fit
 * into partitions of at most that size, each file counted with the open cost.
 */
export function planFilePartitions(files: readonly FileStatus[], splittable: (f: FileStatus) => boolean, s: SplitSettings): FilePartition[] {
  const total = files.reduce((acc, f) => acc + f.size + s.openCostInBytes, 0);
  // Spark divides longs: a fractional split size would cut files at fractional byte offsets.
  const perCore = Math.floor(total / Math.max(1, s.minPartitionNum));
  const maxSplit = Math.min(s.maxPartitionBytes, Math.max(s.openCostInBytes, perCore));
  const splits: FileSplit[] = [];
  for (const f of files) {
    // an empty file has no rows, whatever its format says of zero bytes (Spark's scan leaves
    // zero-length files out: an empty .gz or .parquet reads as nothing, not as an error)
    if (f.size === 0) continue;
    if (splittable(f)) {
      for (let off = 0; off < f.size; off += maxSplit) splits.push({ file: f, start: off, length: Math.min(maxSplit, f.size - off) });
    } else splits.push({ file: f, start: 0, length: f.size });
  }
  // a stable sort, largest first (Spark sorts the same way; equal sizes keep listing order)
  const order = splits.map((sp, i) => [sp, i] as const).sort((a, b) => b[0].length - a[0].length || a[1] - b[1]);
  const parts: FilePartition[] = [];
  let cur: FileSplit[] = [];
  let size = 0;
  for (const [sp] of order) {
    if (cur.length > 0 && size + sp.length > maxSplit) {
      parts.push({ index: parts.length, splits: cur });
      cur = [];
      size = 0;
    }
    cur.push(sp);
    size += sp.length + s.openCostInBytes;
  }
  if (cur.length > 0) parts.push({ index: parts.length, splits: cur });
  return parts;
}
