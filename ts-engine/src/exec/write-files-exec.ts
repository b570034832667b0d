import { mkdir } from "node:fs/promises";
import path from "node:path";
import { makeBatch, type ColumnBatch } from "../columnar/batch.js";
import { vectorFromValues } from "../columnar/builder.js";
import { vectorToValues } from "../columnar/rows.js";
import { takeBatch } from "../columnar/take.js";
import { SparkException } from "../errors/spark-exception.js";
import { valueToString } from "../expr/eval/to-string.js";
import type { FormatContext, OutputWriter } from "../io/file-format.js";
import { qualified } from "../io/file-index.js";
import { fileFormat } from "../io/formats.js";
import { DEFAULT_PARTITION_NAME, escapePathName } from "../io/partition-values.js";
import { SourceOptions } from "../io/source-options.js";
import { LongType, StringType, structField, structType, type StructType } from "../types/data-type.js";
import type { ExecContext } from "./exec-context.js";
import type { ExecutionPlan } from "./execution-plan.js";
import type { WriteFilesP } from "./physical-plan.js";
import { throwIfAborted } from "./util.js";

/** What a write task returns: one row per file it wrote, relative to the staging directory. */
export const WRITTEN_FILES_SCHEMA: StructType = structType([structField("path", StringType, false), structField("numRows", LongType, false)]);

interface OpenFile {
  readonly rel: string;
  readonly writer: OutputWriter;
  rows: number;
}

/**
 * Writes one partition of the input (Spark's FileFormatWriter.executeTask): rows go to one
 * file per partition directory (`k=v/…`, values escaped as Spark's escapePathName, nulls as
 * __HIVE_DEFAULT_PARTITION__), named `part-<task>-<job>-c000<ext>`, in the staging directory.
 * An empty task writes no file, except task 0 of an unpartitioned write (as Spark, so that an
 * empty result still leaves a file). On failure the task's files are aborted; the committer
 * removes the staging directory.
 */
export class WriteFilesExec implements ExecutionPlan {
  readonly name = "WriteFiles";
  readonly schema = WRITTEN_FILES_SCHEMA;
  readonly children: readonly ExecutionPlan[];

  constructor(
    private readonly p: WriteFilesP,
    private readonly input: ExecutionPlan,
  ) {
    this.children = [input];
  }

  numPartitions(ctx: ExecContext): number {
    return this.input.numPartitions(ctx);
  }

  explainDetail(): string {
    return "";
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const p = this.p;
    const format = fileFormat(p.format);
    const options = new SourceOptions(p.options);
    const inSchema = this.input.schema;
    const dataSchema = structType(p.dataColumns.map((i) => inSchema.fields[i]!));
    const fctx: FormatContext = { conf: ctx.conf, timeZone: ctx.conf.get("spark.sql.session.timeZone") ?? "UTC", signal: ctx.signal };
    const name = `part-${String(partition).padStart(5, "0")}-${p.jobId}-c000${format.outputExtension(options)}`;
    const open = new Map<string, OpenFile>();
    const fileFor = async (dir: string): Promise<OpenFile> => {
      let f = open.get(dir);
      if (f === undefined) {
        const rel = dir === "" ? name : path.join(dir, name);
        const full = path.join(p.stagingDir, rel);
        await mkdir(path.dirname(full), { recursive: true });
        f = { rel, writer: await format.createWriter(full, dataSchema, options, fctx), rows: 0 };
        open.set(dir, f);
      }
      return f;
    };
    const dataOf = (b: ColumnBatch): ColumnBatch => makeBatch(dataSchema, p.dataColumns.map((i) => b.columns[i]!), b.numRows);
    try {
      if (p.partitionColumns.length === 0 && partition === 0) await fileFor("");
      for await (const b of this.input.execute(partition, ctx)) {
        throwIfAborted(ctx);
        if (b.numRows === 0) continue;
        if (p.partitionColumns.length === 0) {
          const f = await fileFor("");
          await f.writer.write(dataOf(b));
          f.rows += b.numRows;
          continue;
        }
        for (const [dir, rows] of groupByDirectory(b, p.partitionColumns, fctx.timeZone)) {
          const f = await fileFor(dir);
          const part = rows.length === b.numRows ? b : takeBatch(b, Int32Array.from(rows));
          await f.writer.write(dataOf(part));
          f.rows += part.numRows;
        }
      }
      for (const f of open.values()) await f.writer.close();
    } catch (e) {
      for (const f of open.values()) await f.writer.abort().catch(() => undefined);
      if (e instanceof SparkException) throw e;
      const err = new SparkException("SparkException", "TASK_WRITE_FAILED", { path: qualified(p.stagingDir) });
      err.message = `${err.message}\n${e instanceof Error ? e.message : String(e)}`;
      throw err;
    }
    const files = [...open.values()];
    yield makeBatch(
      WRITTEN_FILES_SCHEMA,
      [vectorFromValues(StringType, files.map((f) => f.rel)), vectorFromValues(LongType, files.map((f) => f.rows))],
      files.length,
    );
  }
}

/** The rows of a batch by their partition directory (`a=1/b=x`), in order of first appearance. */
function groupByDirectory(b: ColumnBatch, cols: readonly number[], tz: string): Map<string, number[]> {
  const parts = cols.map((c) => {
    const field = b.schema.fields[c]!;
    return { name: escapePathName(field.name), type: field.dataType, values: vectorToValues(b.columns[c]!) };
  });
  const groups = new Map<string, number[]>();
  for (let i = 0; i < b.numRows; i++) {
    const dir = parts
      .map((q) => {
        const v = q.values[i];
        const text = v === null || v === undefined ? DEFAULT_PARTITION_NAME : escapePathName(valueToString(v, q.type, tz, "null"));
        return `${q.name}=${text === "" ? DEFAULT_PARTITION_NAME : text}`;
      })
      .join("/");
    let g = groups.get(dir);
    if (g === undefined) groups.set(dir, (g = []));
    g.push(i);
  }
  return groups;
}
