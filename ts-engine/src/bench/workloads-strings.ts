import { functions as F, StringType, type Column, type DataFrame, type SparkSession } from "../index.js";
import type { Signature } from "./signature.js";
import type { DataSpec } from "./workloads.js";

/**
 * The string kernels of `npm run bench` (issue 6): lower, substring, regexp_replace and
 * split+size over `rows` strings s = 'Row_' || id || '_Straße_' || (id % 977), ASCII with a
 * non-ASCII tail on every row (so the UTF-8 kernels leave their all-ASCII fast path). Each is
 * reduced to count and Σ of a number derived from the result (a length or a part count), so
 * every engine returns one row to compare. bench_py_strings.py holds the DuckDB and
 * PySpark-API sides of the same workloads.
 */

/** Workload keys and labels, spread into workload-list.ts. */
export const STRING_WORKLOADS = [
  ["str_lower", "length(lower(s))"],
  ["str_substring", "length(substring(s, 3, 7))"],
  ["str_regexp_replace", "length(regexp_replace(s, '[0-9]+', '#'))"],
  ["str_split_size", "size(split(s, '_'))"],
] as const;

/** A string workload's key. */
export type StringWorkloadKey = (typeof STRING_WORKLOADS)[number][0];

const EXPRS: Readonly<Record<StringWorkloadKey, () => Column>> = {
  str_lower: () => F.length(F.lower("s")),
  str_substring: () => F.length(F.substring("s", 3, 7)),
  str_regexp_replace: () => F.length(F.regexp_replace("s", "[0-9]+", "#")),
  str_split_size: () => F.size(F.split("s", "_")),
};

/** The input frame (cached by the caller before timing). */
export function stringsFrame(spark: SparkSession, spec: DataSpec): DataFrame {
  return spark.range(spec.rows).select(
    F.concat(F.lit("Row_"), F.col("id").cast(StringType), F.lit("_Straße_"), F.col("id").mod(977).cast(StringType)).alias("s"),
  );
}

/** One string workload: count and Σ of its per-row number. */
export async function stringWorkload(df: DataFrame, key: StringWorkloadKey): Promise<Signature> {
  const x = F.col("x");
  const r = await df.select(EXPRS[key]().alias("x")).agg(F.count(x), F.sum(x)).first();
  return { count: Number(r?.get(0) ?? 0), sum: Number(r?.get(1) ?? 0) };
}
