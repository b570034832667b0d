import { packFileGroups } from "../io/hadoop-input-splits.js";
import type { FileStatus } from "../io/file-split.js";

/** spark.files.maxPartitionBytes' default: the most bytes packed into one partition. */
const MAX_PARTITION_BYTES = 128 * 1024 * 1024;
/** spark.files.openCostInBytes' default: what opening a file counts as, in bytes. */
const OPEN_COST_IN_BYTES = 4 * 1024 * 1024;

/**
 * `sc.binaryFiles`' partitions: Spark's StreamFileInputFormat.setMinPartitions sizes its
 * splits as min(maxPartitionBytes, max(openCost, bytes per core)), with every file counted
 * as its length plus the open cost over max(defaultParallelism, minPartitions) cores; the
 * files are then packed as CombineFileInputFormat packs them.
 */
export function binaryFileGroups(files: readonly FileStatus[], minPartitions: number, parallelism: number): FileStatus[][] {
  const cores = Math.max(parallelism, minPartitions, 1);
  const total = files.reduce((s, f) => s + f.size + OPEN_COST_IN_BYTES, 0);
  const maxSplit = Math.min(MAX_PARTITION_BYTES, Math.max(OPEN_COST_IN_BYTES, Math.floor(total / cores)));
  return packFileGroups(files, maxSplit);
}
