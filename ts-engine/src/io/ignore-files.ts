import type { SqlConf } from "../conf/sql-conf.js";
import { SparkException } from "../errors/spark-exception.js";
import type { SourceOptions } from "./source-options.js";

/**
 * Spark's ignoreCorruptFiles / ignoreMissingFiles: the data source options of those names,
 * else spark.sql.files.ignoreCorruptFiles / ignoreMissingFiles (FileSourceOptions).
 */
export interface IgnoreFiles {
  readonly corrupt: boolean;
  readonly missing: boolean;
}

/** The read's ignore settings: the option wins over the session conf. */
export function ignoreFilesOf(options: SourceOptions, conf: SqlConf): IgnoreFiles {
  return {
    corrupt: options.bool("ignoreCorruptFiles", conf.getBoolean("spark.sql.files.ignoreCorruptFiles")),
    missing: options.bool("ignoreMissingFiles", conf.getBoolean("spark.sql.files.ignoreMissingFiles")),
  };
}

/** Whether `e` says the file is gone (Java's FileNotFoundException). */
function isMissingFile(e: unknown): boolean {
  return e instanceof Error && "code" in e && e.code === "ENOENT";
}

/**
 * Whether Spark's FileScanRDD would stop reading the file at `e` and go on with the next one
 * (the rows it already gave are kept): a missing file under ignoreMissingFiles, and under
 * ignoreCorruptFiles any RuntimeException or IOException the reader raised, such as a
 * truncated stream or a bad footer. What is not one of those still fails the task: FAILFAST's
 * malformed records (a SparkException), analysis errors, cancellation and engine bugs.
 */
export function skipsFile(e: unknown, ig: IgnoreFiles): boolean {
  if (isMissingFile(e)) return ig.missing;
  if (!ig.corrupt) return false;
  if (e instanceof Error && e.name === "AbortError") return false;
  if (!(e instanceof SparkException)) return true;
  if (e.errorClass === "FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER") return true;
  return e.exceptionName === "SparkRuntimeException" && e.errorClass !== "INTERNAL_ERROR" && e.errorClass !== "OPERATION_CANCELED";
}
