import { opendir, stat } from "node:fs/promises";
import path from "node:path";
import { AnalysisException, SparkException } from "../errors/spark-exception.js";
import { isSplittableCodec } from "./compression.js";
import { expandGlob, hidden, localPath, qualified } from "./file-index.js";
import type { FileSplit, FileStatus } from "./file-split.js";

/** Hadoop's FileInputFormat.SPLIT_SLOP: the last split may be up to 10% larger than the split size. */
const SPLIT_SLOP = 1.1;
/** The block size of Hadoop's local file system (fs.local.block.size, 32 MB): no split is larger. */
const LOCAL_BLOCK_SIZE = 32 * 1024 * 1024;

/**
 * The input files of `sc.textFile` / `sc.wholeTextFiles` (Hadoop's FileInputFormat.listStatus):
 * `paths` is a comma-separated list; each entry is a file, a directory (its files, not its
 * subdirectories; names starting with `_` or `.` skipped) or a glob. A directory's files come
 * in the order the file system lists them (readdir), as Hadoop's RawLocalFileSystem gives them
 * to Spark, not sorted. A path that matches nothing raises PATH_NOT_FOUND; a subdirectory of
 * an input directory fails as Hadoop's "Not a file" (input.dir.recursive is off).
 */
export async function listHadoopInputs(paths: string): Promise<FileStatus[]> {
  const out: FileStatus[] = [];
  for (const p of paths.split(",").filter((s) => s.length > 0)) {
    const local = localPath(p);
    const matches = await expandGlob(local);
    if (matches.length === 0 || (await stat(matches[0]!).catch(() => null)) === null) {
      throw new AnalysisException("PATH_NOT_FOUND", { path: qualified(local) });
    }
    for (const m of matches) {
      const st = await stat(m);
      if (!st.isDirectory()) {
        out.push({ path: m, size: st.size, modificationTime: st.mtimeMs, partitionValues: [] });
        continue;
      }
      // opendir yields readdir(3)'s order (fs.readdir sorts, Java's File.list does not)
      const names: string[] = [];
      for await (const d of await opendir(m)) if (!hidden(d.name)) names.push(d.name);
      for (const n of names) {
        const full = path.join(m, n);
        const cs = await stat(full);
        if (cs.isDirectory()) throw new SparkException("SparkException", "_LEGACY_ERROR_TEMP_2400", { message: `Not a file: ${qualified(full)}` });
        out.push({ path: full, size: cs.size, modificationTime: cs.mtimeMs, partitionValues: [] });
      }
    }
  }
  return out;
}

/**
 * `sc.textFile`'s splits, as Hadoop's (mapred) FileInputFormat.getSplits makes them for
 * `minPartitions`: goal size = total bytes / minPartitions, split size = max(minSplitSize,
 * min(goal, block size)); each splittable file is cut into splits of that size while more
 * than 1.1 split sizes remain, the rest being its last split; a compressed file (gzip,
 * deflate …: no splittable codec) is one split; an empty file none
 * (spark.hadoopRDD.ignoreEmptySplits, on by default). One partition per split. `minSplitSize`
 * is the input format's (1 for text; SequenceFileInputFormat's is its sync interval).
 */
export function hadoopTextSplits(files: readonly FileStatus[], minPartitions: number, minSplitSize = 1): FileSplit[] {
  const total = files.reduce((s, f) => s + f.size, 0);
  const goal = Math.floor(total / Math.max(1, minPartitions));
  const splitSize = Math.max(minSplitSize, 1, Math.min(goal, LOCAL_BLOCK_SIZE));
  const out: FileSplit[] = [];
  for (const f of files) {
    if (f.size === 0) continue;
    if (!isSplittableCodec(f.path)) {
      out.push({ file: f, start: 0, length: f.size });
      continue;
    }
    let remaining = f.size;
    while (remaining / splitSize > SPLIT_SLOP) {
      out.push({ file: f, start: f.size - remaining, length: splitSize });
      remaining -= splitSize;
    }
    if (remaining !== 0) out.push({ file: f, start: f.size - remaining, length: remaining });
  }
  return out;
}

/**
 * `sc.wholeTextFiles`'s partitions (Spark's WholeTextFileInputFormat, a CombineFileInputFormat
 * of unsplit files): files in listing order packed into groups, a group closed once it holds at
 * least ceil(total bytes / minPartitions) bytes.
 */
export function wholeFileGroups(files: readonly FileStatus[], minPartitions: number): FileStatus[][] {
  const total = files.reduce((s, f) => s + f.size, 0);
  return packFileGroups(files, Math.ceil(total / Math.max(1, minPartitions)));
}

/**
 * CombineFileInputFormat's packing of unsplit files without locality: files in listing order,
 * a group closed once it holds at least `maxSplit` bytes (0: one group).
 */
export function packFileGroups(files: readonly FileStatus[], maxSplit: number): FileStatus[][] {
  const out: FileStatus[][] = [];
  let cur: FileStatus[] = [];
  let size = 0;
  for (const f of files) {
    cur.push(f);
    size += f.size;
    if (maxSplit > 0 && size >= maxSplit) {
      out.push(cur);
      cur = [];
      size = 0;
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
