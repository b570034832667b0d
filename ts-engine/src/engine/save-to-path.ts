import type { ExecContext } from "../exec/exec-context.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { executeQuery } from "./query-engine.js";

/** Where and how `saveToPath` writes: the arguments of `df.write.format(f).mode(m).options(o).partitionBy(p).save(path)`. */
export interface SaveTarget {
  /** A format's short name ("parquet", "csv", "json", "text", …; case-insensitive). */
  readonly format: string;
  /** The output directory (a local path or file: URI). */
  readonly path: string;
  /** The save mode as a user spells it: "error" / "errorifexists", "overwrite", "append", "ignore". */
  readonly mode: string;
  /** Writer options (compression, header, …), as strings, as Spark's CaseInsensitiveMap. */
  readonly options?: readonly (readonly [string, string])[];
  /** Columns written as `key=value` directories. */
  readonly partitionBy?: readonly string[];
  /** A bucketed table's write: the plan's column of each row's bucket id (it names the file and is not written). */
  readonly bucketIdColumn?: string;
}

/**
 * Writes the rows of `plan` as files (Spark's DataFrameWriter.save → InsertIntoHadoopFsRelationCommand):
 * the save mode is checked against the path, the write runs as tasks into a staging directory and
 * is committed atomically (engine/run-write.ts). The one save path: `df.write` in Node and Python
 * and the table writers (saveAsTable, insertInto, writeTo) all go through it. Resolves once the
 * files are committed.
 */
export async function saveToPath(plan: ParsedPlan, target: SaveTarget, ctx: ExecContext): Promise<void> {
  const write: ParsedPlan = {
    kind: "WriteFiles",
    input: plan,
    format: target.format,
    path: target.path,
    mode: target.mode,
    options: target.options ?? [],
    partitionBy: target.partitionBy ?? [],
    ...(target.bucketIdColumn === undefined ? {} : { bucketIdColumn: target.bucketIdColumn }),
  };
  const result = await executeQuery(write, ctx);
  for await (const _ of result.batches) {
    // a write returns no rows; draining ends it
  }
}
