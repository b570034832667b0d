import { batchToRows } from "../columnar/rows.js";
import type { ExecContext } from "../exec/exec-context.js";
import type { FileSourceScanP } from "../exec/physical-plan.js";
import { fileSplitSettings } from "../exec/plan-file-scan.js";
import { runPhysical } from "../exec/scheduler/dag-scheduler.js";
import type { FileStatus } from "../io/file-split.js";
import { planFilePartitions } from "../io/file-splits.js";
import { fileFormat } from "../io/formats.js";
import { SourceOptions } from "../io/source-options.js";
import { LongType, StringType, structField, structType } from "../types/data-type.js";

/** What an inference scan's tasks return: one row per split. */
const PARTS_SCHEMA = structType([structField("path", StringType, false), structField("start", LongType, false), structField("part", StringType, false)]);

/**
 * Schema inference as tasks, as Spark infers CSV and JSON with an aggregate over the records'
 * RDD: `files` are cut into splits and packed into partitions as a scan of them would be
 * (spark.sql.files.maxPartitionBytes …), each partition's task runs the format's
 * SplitInference.inferSplit on its splits (on the worker pool, so both cores read), and the
 * parts come back in file and offset order for the format to merge.
 */
export async function inferSplitsAsTasks(format: string, files: readonly FileStatus[], options: readonly (readonly [string, string])[], ctx: ExecContext): Promise<readonly unknown[]> {
  const f = fileFormat(format);
  const so = new SourceOptions(options);
  const partitions = planFilePartitions(files, (x) => f.isSplittable(x, so), fileSplitSettings(ctx));
  if (partitions.length === 0) return [];
  const empty = structType([]);
  const plan: FileSourceScanP = {
    kind: "FileSourceScan",
    format: f.name,
    options,
    dataSchema: empty,
    requiredSchema: empty,
    partitionSchema: empty,
    columns: [],
    filters: [],
    partitions,
    numPartitions: partitions.length,
    schema: PARTS_SCHEMA,
    detail: "",
    batched: false,
    inferSchema: true,
  };
  const rows: (readonly unknown[])[] = [];
  for await (const b of runPhysical(plan, ctx)) rows.push(...batchToRows(b));
  // partitions pack splits largest first: put the parts back in the files' order, then by offset
  const order = new Map(files.map((x, i) => [x.path, i]));
  rows.sort((a, b) => (order.get(String(a[0])) ?? 0) - (order.get(String(b[0])) ?? 0) || Number(a[1]) - Number(b[1]));
  return rows.map((r) => JSON.parse(String(r[2])) as unknown);
}
