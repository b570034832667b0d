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
 * __HIVE_DEFAULT_PARTITION__), named `part-<task>-<job>-c000<ext>`, in the staging directory; a
 * bucketed write (bucketColumn) has one file per directory and bucket, `part-<task>-<job>_<bucket>.c000<ext>`.
 * An empty task writes no file, except task 0 of an unpartitioned, unbucketed write (as Spark,
 * so that an empty result still leaves a file). On failure the task's files are aborted; the committer
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
    // Spark's file names: part-<task>-<job>-c000<ext>, bucketed part-<task>-<job>_<bucket>.c000<ext> (BucketingUtils.bucketIdToString)
    const nameOf = (bucket: number | undefined): string =>
      `part-${String(partition).padStart(5, "0")}-${p.jobId}${bucket === undefined ? "-" : `_${String(bucket).padStart(5, "0")}.`}c000${format.outputExtension(options)}`;
    const open = new Map<string, OpenFile>();
    const fileFor = async (dir: string, bucket?: number): Promise<OpenFile> => {
      const key = bucket === undefined ? dir : `${dir}\u0000${bucket}`;
      let f = open.get(key);
      if (f === undefined) {
        const name = nameOf(bucket);
        const rel = dir === "" ? name : path.join(dir, name);
        const full = path.join(p.stagingDir, rel);
        await mkdir(path.dirname(full), { recursive: true });
        f = { rel, writer: await format.createWriter(full, dataSchema, options, fctx), rows: 0 };
        open.set(key, f);
      }
      return f;
    };
    const dataOf = (b: ColumnBatch): ColumnBatch => makeBatch(dataSchema, p.dataColumns.map((i) => b.columns[i]!), b.numRows);
    const bucketed = p.bucketColumn !== undefined;
    try {
      // an empty unpartitioned, unbucketed write still leaves task 0's file (Spark's SingleDirectoryDataWriter)
      if (p.partitionColumns.length === 0 && !bucketed && partition === 0) await fileFor("");
      for await (const b of this.input.execute(partition, ctx)) {
        throwIfAborted(ctx);
        if (b.numRows === 0) continue;
        if (p.partitionColumns.length === 0 && !bucketed) {
          const f = await fileFor("");
          await f.writer.write(dataOf(b));
          f.rows += b.numRows;
          continue;
        }
        for (const g of groupByDirectory(b, p.partitionColumns, p.bucketColumn, fctx.timeZone)) {
          const f = await fileFor(g.dir, g.bucket);
          const part = g.rows.length === b.numRows ? b : takeBatch(b, Int32Array.from(g.rows));
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

/** Rows of one batch that go to one file: a partition directory (`a=1/b=x`, "" when unpartitioned) and, bucketed, a bucket. */
interface FileGroup {
  readonly dir: string;
  readonly bucket: number | undefined;
  readonly rows: number[];
}

/** The rows of a batch by their partition directory and bucket, in order of first appearance. */
function groupByDirectory(b: ColumnBatch, cols: readonly number[], bucketColumn: number | undefined, tz: string): FileGroup[] {
  const parts = cols.map((c) => {
    const field = b.schema.fields[c]!;
    return { name: escapePathName(field.name), type: field.dataType, values: vectorToValues(b.columns[c]!) };
  });
  const buckets = bucketColumn === undefined ? undefined : vectorToValues(b.columns[bucketColumn]!);
  const groups = new Map<string, FileGroup>();
  for (let i = 0; i < b.numRows; i++) {
    const dir = parts
      .map((q) => {
        const v = q.values[i];
        const text = v === null || v === undefined ? DEFAULT_PARTITION_NAME : escapePathName(valueToString(v, q.type, tz, "null"));
        return `${q.name}=${text === "" ? DEFAULT_PARTITION_NAME : text}`;
      })
      .join("/");
    const bucket = buckets === undefined ? undefined : Number(buckets[i]);
    const key = bucket === undefined ? dir : `${dir}\u0000${bucket}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { dir, bucket, rows: [] }));
    g.rows.push(i);
  }
  return [...groups.values()];
}
