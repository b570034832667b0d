import { mkdir, stat } from "node:fs/promises";
import { vectorToValues } from "../columnar/rows.js";
import type { ExecContext } from "../exec/exec-context.js";
import type { WriteFilesP } from "../exec/physical-plan.js";
import { runPhysical } from "../exec/scheduler/dag-scheduler.js";
import { AnalysisException } from "../errors/spark-exception.js";
import { abortFiles, commitFiles, type CommitJob } from "../io/file-committer.js";
import { localPath, qualified } from "../io/file-index.js";
import type { InsertIntoFiles } from "../plan/logical-plan.js";
import { physicalSchema } from "../exec/physical-plan.js";
import { fileFormat } from "../io/formats.js";
import { SourceOptions } from "../io/source-options.js";
import { structType } from "../types/data-type.js";

/**
 * Runs a write (Spark's InsertIntoHadoopFsRelationCommand.run): checks the save mode against
 * what is at the path (errorifexists → PATH_ALREADY_EXISTS, ignore → nothing runs), runs the
 * write tasks into the staging directory, then commits their files (io/file-committer.ts);
 * any failure removes the staging directory and leaves the path as it was.
 */
export async function runWrite(insert: InsertIntoFiles, physical: WriteFilesP, ctx: ExecContext): Promise<void> {
  const target = localPath(insert.path);
  const present = (await stat(target).catch(() => null)) !== null;
  if (present && insert.mode === "errorifexists") throw new AnalysisException("PATH_ALREADY_EXISTS", { outputPath: qualified(target) });
  if (present && insert.mode === "ignore") return;
  const dataSchema = structType(physical.dataColumns.map((i) => physicalSchema(physical.input).fields[i]!));
  fileFormat(insert.format).checkWriteSchema(dataSchema, new SourceOptions(insert.options));
  const dynamic = (ctx.conf.get("spark.sql.sources.partitionOverwriteMode") ?? "STATIC").toUpperCase() === "DYNAMIC";
  const mode: CommitJob["mode"] = !present
    ? "create"
    : insert.mode === "append"
      ? "append"
      : dynamic && insert.partitionBy.length > 0
        ? "overwrite-dynamic"
        : "overwrite";
  await mkdir(physical.stagingDir, { recursive: true });
  try {
    const files: string[] = [];
    for await (const b of runPhysical(physical, ctx)) {
      for (const f of vectorToValues(b.columns[0]!)) files.push(String(f));
    }
    await commitFiles({ target, staging: physical.stagingDir, mode, files });
  } catch (e) {
    await abortFiles(physical.stagingDir).catch(() => undefined);
    throw e;
  }
}
