import { functions as F, StringType, type DataFrame, type SparkSession } from "../index.js";
import type { Signature } from "./signature.js";
import type { DataSpec } from "./workloads.js";

/**
 * The date kernels of `npm run bench` (issue 6): date_format and to_timestamp with a pattern
 * over `rows` timestamps, the Node side of what bench_py.py times on DuckDB and the Python
 * client. Input: ts = timestamp_seconds(1.6e9 + (id * 7919) % 3e8), instants spread over
 * 2020–2029 (so DST and month lengths vary), and ts_text = CAST(ts AS STRING), in UTC.
 */

/** The first epoch second of the input, subtracted in the to_timestamp checksum to keep it exact. */
export const DATETIME_BASE = 1_600_000_000;
/** The pattern both workloads use, and its strftime twin on the DuckDB side. */
export const DATETIME_PATTERN = "yyyy-MM-dd HH:mm:ss";

/** The input frame (cached by the caller before timing). */
export function datetimeFrame(spark: SparkSession, spec: DataSpec): DataFrame {
  const ts = F.timestamp_seconds(F.lit(DATETIME_BASE).plus(F.col("id").multiply(7919).mod(300_000_000)));
  return spark.range(spec.rows).select(ts.alias("ts")).withColumn("ts_text", F.col("ts").cast(StringType));
}

/** date_format(ts, pattern) reduced to count, min and max of the text. */
export async function dateFormatWorkload(df: DataFrame): Promise<Signature> {
  const f = F.col("f");
  const r = await df.select(F.date_format("ts", DATETIME_PATTERN).alias("f")).agg(F.count(f), F.min(f), F.max(f)).first();
  return { count: Number(r?.get(0) ?? 0), min: String(r?.get(1)), max: String(r?.get(2)) };
}

/** to_timestamp(ts_text, pattern) reduced to count and Σ (epoch seconds − base). */
export async function toTimestampWorkload(df: DataFrame): Promise<Signature> {
  const s = F.col("s");
  const r = await df
    .select(F.unix_seconds(F.to_timestamp("ts_text", DATETIME_PATTERN)).minus(DATETIME_BASE).alias("s"))
    .agg(F.count(s), F.sum(s))
    .first();
  return { count: Number(r?.get(0) ?? 0), sum: Number(r?.get(1) ?? 0) };
}
