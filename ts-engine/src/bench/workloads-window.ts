import { functions as F, Window, type DataFrame, type SparkSession } from "../index.js";
import type { Signature } from "./signature.js";
import type { DataSpec } from "./workloads.js";

/**
 * The window workload of `npm run bench` (issue 9): row_number and a running sum over
 * `rows` rows in WINDOW_PARTITIONS partitions, the Node side of what bench_py_window.py times
 * on DuckDB and the Python client. Input: p = (id * 7919) % 100000 (rows of a partition spread
 * over the input), o = id, v = (id % 9973) * 0.5. The answer is reduced to count, Σ row_number
 * and Σ running sum (exact: halves below 2^53).
 */

/** Window partitions of the input. */
export const WINDOW_PARTITIONS = 100_000;

/** The window workload's key and label, for workload-list.ts. */
export const WINDOW_WORKLOADS = [["window", "window row_number + running sum"]] as const;

/** The input frame (cached by the caller before timing). */
export function windowFrame(spark: SparkSession, spec: DataSpec): DataFrame {
  return spark
    .range(spec.rows)
    .select(F.col("id").multiply(7919).mod(WINDOW_PARTITIONS).alias("p"), F.col("id").alias("o"), F.col("id").mod(9973).multiply(0.5).alias("v"));
}

/** row_number() and sum(v) over (PARTITION BY p ORDER BY o), reduced to count, Σ rn and Σ running sum. */
export async function windowWorkload(df: DataFrame): Promise<Signature> {
  const w = Window.partitionBy("p").orderBy("o");
  const r = await df
    .select(F.row_number().over(w).alias("rn"), F.sum("v").over(w).alias("rs"))
    .agg(F.count("rn"), F.sum("rn"), F.sum("rs"))
    .first();
  return { count: Number(r?.get(0) ?? 0), sum_rn: Number(r?.get(1) ?? 0), sum_rs: Number(r?.get(2) ?? 0) };
}
