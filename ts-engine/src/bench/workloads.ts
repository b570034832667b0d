import { functions as F, IntegerType, SparkSession, type DataFrame } from "../index.js";

/** The answers a workload run gives, compared across engines. */
export interface BenchResults {
  readonly groupby: { readonly groups: number; readonly sum: number };
  readonly filter: { readonly count: number; readonly sum: number };
}

/**
 * The benchmark data through the Node API, by formulas over id in [0, rows):
 * k1 = id % 1000, k2 = (id % 99991) % 100 (int; with k1: 100k groups), v = (id % 9973) * 0.5 (double).
 */
export function benchFrame(spark: SparkSession, rows: number): DataFrame {
  return spark
    .range(rows)
    .withColumn("k1", F.col("id").mod(1000).cast(IntegerType))
    .withColumn("k2", F.col("id").mod(99991).mod(100).cast(IntegerType))
    .withColumn("v", F.col("id").mod(9973).multiply(0.5));
}

/** Workload 1: group by k1, k2, sum(v); all groups are collected. */
export async function groupBySum(df: DataFrame): Promise<BenchResults["groupby"]> {
  const rows = await df.groupBy("k1", "k2").agg(F.sum("v").alias("s")).collect();
  let sum = 0;
  for (const r of rows) sum += Number(r.get("s"));
  return { groups: rows.length, sum };
}

/** Workload 2: filter v > 1000, project k1 and v * 2, then count and sum the projection. */
export async function filterProject(df: DataFrame): Promise<BenchResults["filter"]> {
  const r = await df
    .filter(F.col("v").gt(1000))
    .select("k1", F.col("v").multiply(2).alias("v2"))
    .agg(F.count("*"), F.sum("v2"))
    .first();
  return { count: Number(r?.get(0) ?? 0), sum: Number(r?.get(1) ?? 0) };
}
