import { functions as F, type DataFrame, type SparkSession } from "../index.js";
import type { Signature } from "./signature.js";
import type { DataSpec } from "./workloads.js";

/**
 * The pivot workload of `npm run bench` (issue 9), the Node side of bench_py_pivot.py:
 * `groupBy(k).pivot(p, [0 … 6]).sum(v)` over k = id % 100000, p = id % 7 (every group has every
 * value), v = id % 1000, reduced to the number of groups and the sum of every pivoted cell.
 */

/** The pivot values, given (as a user who knows them would), so no query runs to find them. */
export const PIVOT_VALUES = [0, 1, 2, 3, 4, 5, 6] as const;

/** The input frame (cached by the caller before timing). */
export function pivotFrame(spark: SparkSession, spec: DataSpec): DataFrame {
  const id = F.col("id");
  return spark.range(spec.rows).select(id.mod(100_000).alias("k"), id.mod(7).alias("p"), id.mod(1000).alias("v"));
}

/** The pivot, then count(*) and the sum of each pivoted column (added up after the clock stops). */
export async function pivotWorkload(df: DataFrame): Promise<Signature> {
  const pivoted = df.groupBy("k").pivot("p", [...PIVOT_VALUES]).sum("v");
  const r = await pivoted.agg(F.count("*"), ...PIVOT_VALUES.map((v) => F.sum(F.col(String(v))))).first();
  let sum = 0;
  for (let i = 1; i <= PIVOT_VALUES.length; i++) sum += Number(r?.get(i) ?? 0);
  return { groups: Number(r?.get(0) ?? 0), sum };
}
