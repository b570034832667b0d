import type { SqlConf } from "../../conf/sql-conf.js";
import type { RunOptions } from "../../python/python-runner.js";
import { parseMemorySize } from "../memory/memory-size.js";

/** What a query's Python calls run with: the client's interpreter, its interrupt signal and the session's worker memory limit. */
export function pythonRunOptions(ctx: { readonly conf: SqlConf; readonly pythonExec: string; readonly signal: AbortSignal }): RunOptions {
  const mb = pysparkMemoryMb(ctx.conf);
  return { pythonExec: ctx.pythonExec, signal: ctx.signal, ...(mb === undefined ? {} : { workerMemoryMb: mb }) };
}

/** `spark.executor.pyspark.memory` in MiB (a bare number counts in MiB, as Spark reads it); absent or empty: no limit. */
export function pysparkMemoryMb(conf: SqlConf): number | undefined {
  const setting = conf.get("spark.executor.pyspark.memory") ?? "";
  if (setting.trim() === "") return undefined;
  return Math.max(1, Math.floor(parseMemorySize(setting, "m") / 1024 ** 2));
}
