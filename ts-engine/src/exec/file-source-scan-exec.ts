import { makeBatch, type ColumnBatch } from "../columnar/batch.js";
import { vectorFromValues } from "../columnar/builder.js";
import { makeVector, type Vector } from "../columnar/vector.js";
import { InternalError, SparkException } from "../errors/spark-exception.js";
import { LongType, StringType } from "../types/data-type.js";
import type { FormatContext, ReadRequest } from "../io/file-format.js";
import type { FileSplit } from "../io/file-split.js";
import { fileFormat } from "../io/formats.js";
import { ignoreFilesOf, skipsFile } from "../io/ignore-files.js";
import { SourceOptions } from "../io/source-options.js";
import type { ExecContext } from "./exec-context.js";
import type { ExecutionPlan } from "./execution-plan.js";
import type { FileSourceScanP } from "./physical-plan.js";
import { throwIfAborted } from "./util.js";

/**
 * Reads one partition's file splits with the scan's format (on whichever thread runs the
 * task): the format returns the required data columns; partition columns are the split's
 * directory values, repeated. A failure that is not already Spark's names the file
 * (FAILED_READ_FILE), as Spark's FileScanRDD does, unless ignoreCorruptFiles /
 * ignoreMissingFiles say to skip the rest of that file.
 */
export class FileSourceScanExec implements ExecutionPlan {
  readonly name = "FileScan";
  readonly children: readonly ExecutionPlan[] = [];
  readonly schema;

  constructor(private readonly p: FileSourceScanP) {
    this.schema = p.schema;
  }

  numPartitions(): number {
    return this.p.numPartitions;
  }

  explainDetail(): string {
    return this.p.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const p = this.p;
    if (p.slice !== undefined && p.slice !== partition) return;
    const part = p.slice === undefined ? p.partitions[partition] : p.partitions[0];
    if (part === undefined) return;
    const format = fileFormat(p.format);
    const req: ReadRequest = { dataSchema: p.dataSchema, requiredSchema: p.requiredSchema, filters: p.filters, options: new SourceOptions(p.options) };
    const fctx: FormatContext = { conf: ctx.conf, timeZone: ctx.conf.get("spark.sql.session.timeZone") ?? "UTC", signal: ctx.signal };
    const ignore = ignoreFilesOf(req.options, ctx.conf);
    for (const split of part.splits) {
      try {
        if (p.inferSchema === true) {
          const si = format.splitInference;
          if (si === undefined) throw new InternalError(`${format.name} has no split inference`);
          const partial = JSON.stringify(await si.inferSplit(split, req.options, fctx));
          yield makeBatch(p.schema, [makeVector(StringType, [split.file.path], null), vectorFromValues(LongType, [split.start]), makeVector(StringType, [partial], null)], 1);
          continue;
        }
        for await (const b of format.read(split, req, fctx)) {
          throwIfAborted(ctx);
          yield this.withPartitionValues(b, split);
        }
      } catch (e) {
        // ignoreCorruptFiles / ignoreMissingFiles: the rest of this file is skipped, as FileScanRDD does
        if (skipsFile(e, ignore)) continue;
        throw readFailure(e, split);
      }
    }
  }

  /** The scan's output columns of one batch the format read from `split`. */
  private withPartitionValues(b: ColumnBatch, split: FileSplit): ColumnBatch {
    const n = b.numRows;
    const cols: Vector[] = this.p.columns.map((c) => {
      if (c.kind === "data") return b.columns[c.index]!;
      const type = this.p.partitionSchema.fields[c.index]!.dataType;
      return vectorFromValues(type, new Array<unknown>(n).fill(split.file.partitionValues[c.index] ?? null));
    });
    return makeBatch(this.p.schema, cols, n);
  }
}

/**
 * An error while reading a file, as Spark's FileScanRDD reports it: FAILED_READ_FILE naming the
 * file (`file:///…`), with the cause (a malformed record in FAILFAST mode, a corrupt file) after
 * it. Cancellation passes through.
 */
function readFailure(e: unknown, split: FileSplit): unknown {
  if (e instanceof SparkException && (e.errorClass.startsWith("FAILED_READ_FILE") || e.errorClass === "OPERATION_CANCELED")) return e;
  if (e instanceof Error && e.name === "AbortError") return e;
  const code = e instanceof Error && "code" in e ? e.code : undefined;
  const cls = code === "ENOENT" ? "FAILED_READ_FILE.FILE_NOT_EXIST" : "FAILED_READ_FILE.NO_HINT";
  // QueryExecutionErrors.cannotReadFilesError / fileNotExistError: a SparkException
  const err = new SparkException("SparkException", cls, { path: `file://${split.file.path}` });
  err.message = `${err.message}\n${e instanceof Error ? e.message : String(e)}`;
  return err;
}
