import { randomUUID } from "node:crypto";
import { stagingDirOf } from "../io/file-committer.js";
import { localPath } from "../io/file-index.js";
import type { InsertIntoFiles } from "../plan/logical-plan.js";
import { outputOf } from "../plan/output.js";
import type { PhysicalPlan, WriteFilesP } from "./physical-plan.js";
import { WRITTEN_FILES_SCHEMA } from "./write-files-exec.js";

/**
 * A write's tasks over the planned input: a new job id (Spark's UUID in part file names),
 * its staging directory beside the target, and which input columns are partition
 * directories and which go into the files.
 */
export function planWriteFiles(p: InsertIntoFiles, input: PhysicalPlan): WriteFilesP {
  const out = outputOf(p.input);
  const jobId = randomUUID();
  const partitionColumns = p.partitionBy.map((a) => out.findIndex((o) => o.exprId === a.exprId));
  const bucketColumn = p.bucketId === undefined ? -1 : out.findIndex((o) => o.exprId === p.bucketId!.exprId);
  const dataColumns = out.map((_, i) => i).filter((i) => !partitionColumns.includes(i) && i !== bucketColumn);
  return {
    kind: "WriteFiles",
    input,
    format: p.format,
    options: p.options,
    stagingDir: stagingDirOf(localPath(p.path), jobId),
    jobId,
    partitionColumns,
    dataColumns,
    ...(bucketColumn < 0 ? {} : { bucketColumn }),
    schema: WRITTEN_FILES_SCHEMA,
  };
}
