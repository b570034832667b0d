import type { ColumnBatch } from "../columnar/batch.js";
import type { SqlConf } from "../conf/sql-conf.js";
import type { StructType } from "../types/data-type.js";
import type { FileSplit, FileStatus } from "./file-split.js";
import type { PushedFilter } from "./pushed-filter.js";
import type { SourceOptions } from "./source-options.js";

/**
 * A file format: one object that the file source (FileScan / FileSourceScanExec) and the file
 * sink (InsertIntoHadoopFsRelationCommand) drive, as Spark's FileFormat is. The file layer
 * around it (io/file-index.ts, io/file-splits.ts, io/file-committer.ts) lists and globs paths,
 * discovers and prunes Hive partitions, cuts files into splits, decompresses by extension and
 * commits output atomically; a format only turns bytes into batches and batches into bytes.
 *
 * How a format plugs in:
 * 1. Write `io/<name>/<name>-format.ts` exporting one `FileFormat` object (see io/text/text-format.ts,
 *    the smallest). Its `read` gets one split and the columns and filters the query needs; its
 *    `createWriter` one output file's path.
 * 2. Add it to the list in io/formats.ts (one line). `spark.read.format("<name>")`,
 *    `spark.read.<name>(...)`, `df.write.format("<name>")` and explain's `FileScan <name>` then work.
 * Everything a format gets is structured-clonable data: splits are read by tasks on the worker
 * threads, which look the format up by name in the same list.
 */
export interface FileFormat {
  /** The short name users pass to `format(...)`, lower case: "csv", "json", "text", "parquet". */
  readonly name: string;
  /** The name explain prints after `Format:` (Spark's FileFormat.toString): "CSV", "JSON", "Text", "Parquet". */
  readonly displayName: string;
  /**
   * The data schema of `files` (never empty) under `options`, read from a sample as the format
   * does it (CSV/JSON: the records, honouring samplingRatio; Parquet: the footers). `undefined`
   * when it cannot be told (the caller raises UNABLE_TO_INFER_SCHEMA).
   */
  inferSchema(files: readonly FileStatus[], options: SourceOptions, ctx: FormatContext): Promise<StructType | undefined>;
  /**
   * Inference cut into splits (CSV, JSON), as Spark infers them with an aggregate over the
   * records' RDD: each split's partial result is found by a task, and the partials are merged.
   * The file source uses it when it reads records (see `SplitInference.readsRecords`).
   */
  readonly splitInference?: SplitInference;
  /**
   * Whether a file may be cut into byte ranges read by different tasks (Spark's isSplitable):
   * false for compressed text, CSV/JSON multiLine, whole-text. The file layer then reads it whole.
   */
  isSplittable(file: FileStatus, options: SourceOptions): boolean;
  /**
   * One split's rows as batches of `req.requiredSchema` (projection push-down: only those data
   * columns, in that order). `req.filters` are advisory (a format may skip rows or row groups
   * they reject; the Filter above still runs), as Spark's pushed data filters are.
   */
  read(split: FileSplit, req: ReadRequest, ctx: FormatContext): AsyncIterable<ColumnBatch>;
  /**
   * Checks a read before any of its splits is read, raising what Spark's buildReader raises
   * on the driver (an AnalysisException, not a task's FAILED_READ_FILE). Absent: nothing to check.
   */
  checkRead?(req: ReadRequest, ctx: FormatContext): void;
  /**
   * Whether scans of `schema` (the scan's output) hand columnar batches to the operators
   * above, as Spark's FileFormat.supportBatch says: explain then prints `Batched: true` and a
   * ColumnarToRow above the scan (Spark's vectorized Parquet reader). Absent means false.
   */
  supportBatch?(schema: StructType, conf: SqlConf): boolean;
  /** The file name ending of an output file under `options` (".csv", ".csv.gz", ".snappy.parquet"). */
  outputExtension(options: SourceOptions): string;
  /** Checks that the format can write `schema` (UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE otherwise); runs before any task. */
  checkWriteSchema(schema: StructType, options: SourceOptions): void;
  /** A writer of one new output file at `path` (its parent exists; the committer names it). */
  createWriter(path: string, schema: StructType, options: SourceOptions, ctx: FormatContext): Promise<OutputWriter>;
}

/** What a format may consult while it reads or writes: the session's conf, its time zone, cancellation. */
export interface FormatContext {
  readonly conf: SqlConf;
  /** spark.sql.session.timeZone (timestamps without an offset are read in it). */
  readonly timeZone: string;
  readonly signal: AbortSignal;
  /**
   * Cuts `files` into splits as a scan would, runs `format`'s SplitInference.inferSplit on
   * each as tasks (on the worker pool) and returns the partials in file and offset order;
   * absent where there is no scheduler (the format then infers in-process).
   */
  readonly inferSplits?: (format: string, files: readonly FileStatus[], options: readonly (readonly [string, string])[]) => Promise<readonly unknown[]>;
}

/**
 * A format's schema inference as a fold over splits: `inferSplit` is one task's part (plain,
 * structured-clonable and JSON-able data), `merge` combines the parts of every split in file
 * and offset order, as Spark's CSVInferSchema / JsonInferSchema merge partitions' row types.
 */
export interface SplitInference {
  /**
   * Checks `options` as Spark does on the driver, before any task (raising its errors), and
   * says whether inference under them reads the records (CSV without inferSchema reads only
   * the first line: no tasks then).
   */
  readsRecords(options: SourceOptions, ctx: FormatContext): boolean;
  /** The partial result of one split's records. */
  inferSplit(split: FileSplit, options: SourceOptions, ctx: FormatContext): Promise<unknown>;
  /** The data schema from the partials of all splits (in order); undefined when there was no record. */
  merge(partials: readonly unknown[], options: SourceOptions, ctx: FormatContext): StructType | undefined;
}

/** What one split is read for. */
export interface ReadRequest {
  /** Every data column of the files (no partition columns). */
  readonly dataSchema: StructType;
  /** The data columns the query reads, a subset of dataSchema in the order the scan wants them. */
  readonly requiredSchema: StructType;
  /** Simple predicates on data columns the query filters on (Spark's pushed filters). */
  readonly filters: readonly PushedFilter[];
  readonly options: SourceOptions;
}

/** One output file being written. `close` flushes and ends it; `abort` ends it on failure (the committer deletes it). */
export interface OutputWriter {
  write(batch: ColumnBatch): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}
