import { functions as F, IntegerType, SparkSession, StringType, type DataFrame, type Row } from "../index.js";
import { batchToJsRows } from "../api/to-js.js";
import type { ColumnBatch } from "../columnar/batch.js";
import { charSum, sortedSignature, twice, type Signature } from "./signature.js";

/** The answers a workload run gives, compared across engines, by workload key. */
export type BenchResults = Readonly<Record<string, Signature>>;

/**
 * The sizes every engine derives its data from (bench_py.py receives the same object):
 * a fact table of `rows` rows and a dimension of `dimRows` rows.
 */
export interface DataSpec {
  readonly rows: number;
  readonly dimRows: number;
  /** fk = (id * 7919) % fkMod: 5/4 of the dimension, so 80% of fact rows find their dimension row. */
  readonly fkMod: number;
  /**
   * dk = id % dkMod, a multiple of 1000: each k1 group holds dkMod / 1000 distinct dk,
   * each about 10 times (1M distinct (k1, dk) pairs at 10M rows), for count(DISTINCT).
   */
  readonly dkMod: number;
  /** gk = 'key_' || (id % gkMod): the string group-by key. */
  readonly gkMod: number;
  /** The prime that scatters sort keys: sv and ss are permutations of id below it. */
  readonly perm: number;
}

/** The data sizes for a fact table of `rows` rows (10M × 1M for the full bench). */
export function dataSpec(rows: number): DataSpec {
  const dimRows = Math.max(1, Math.floor(rows / 10));
  return {
    rows,
    dimRows,
    fkMod: Math.max(1, Math.floor((dimRows * 5) / 4)),
    dkMod: 1000 * Math.max(1, Math.floor(rows / 10_000)),
    gkMod: 100_003,
    perm: 10_000_019,
  };
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

/** v as in benchFrame, for the frames below. */
const v = (): ReturnType<typeof F.col> => F.col("id").mod(9973).multiply(0.5);

/** Join input: fact (fk, v) over [0, rows) and dimension (fk = id, w = (id % 997) * 0.5) over [0, dimRows). */
export function joinFrames(spark: SparkSession, spec: DataSpec): { fact: DataFrame; dim: DataFrame } {
  const fact = spark.range(spec.rows).select(F.col("id").multiply(7919).mod(spec.fkMod).alias("fk"), v().alias("v"));
  const dim = spark.range(spec.dimRows).select(F.col("id").alias("fk"), F.col("id").mod(997).multiply(0.5).alias("w"));
  return { fact, dim };
}

/** Sort input: sv = ((id * 7919) % perm - perm / 2 rounded down) / 7, distinct doubles of both signs. */
export function sortDoubleFrame(spark: SparkSession, spec: DataSpec): DataFrame {
  const half = Math.floor(spec.perm / 2);
  return spark.range(spec.rows).select(F.col("id").multiply(7919).mod(spec.perm).minus(half).divide(7).alias("sv"));
}

/** Sort input: ss = 's' || ((id * 104729) % perm), distinct ASCII strings of 2 to 9 characters. */
export function sortStringFrame(spark: SparkSession, spec: DataSpec): DataFrame {
  return spark
    .range(spec.rows)
    .select(F.concat(F.lit("s"), F.col("id").multiply(104729).mod(spec.perm).cast(StringType)).alias("ss"));
}

/** String group-by input: gk = 'key_' || (id % gkMod), v. */
export function stringKeyFrame(spark: SparkSession, spec: DataSpec): DataFrame {
  return spark
    .range(spec.rows)
    .select(F.concat(F.lit("key_"), F.col("id").mod(spec.gkMod).cast(StringType)).alias("gk"), v().alias("v"));
}

/** count(DISTINCT) input: k1 = id % 1000 (int), dk = id % dkMod. */
export function distinctFrame(spark: SparkSession, spec: DataSpec): DataFrame {
  return spark
    .range(spec.rows)
    .select(F.col("id").mod(1000).cast(IntegerType).alias("k1"), F.col("id").mod(spec.dkMod).alias("dk"));
}

const num = (r: Row, i: number): number => Number(r.get(i));

/** Workload 1's query: group by k1, k2, sum(v); all groups are collected (the timed part). */
export function groupBySumRows(df: DataFrame): Promise<Row[]> {
  return df.groupBy("k1", "k2").agg(F.sum("v").alias("s")).collect();
}

/**
 * Workload 1's answer, computed after the clock stops (as the Python sides sign their
 * results): checksum = Σ (2s)² + Σ 2s·(100·k1 + k2 + 1).
 */
export function groupBySumSignature(rows: readonly Row[]): { groups: number; sum: number; checksum: string } {
  let sum = 0;
  let checksum = 0n;
  for (const r of rows) {
    const s = num(r, 2);
    sum += s;
    checksum += twice(s) ** 2n + twice(s) * BigInt(num(r, 0) * 100 + num(r, 1) + 1);
  }
  return { groups: rows.length, sum, checksum: checksum.toString() };
}

/** Workload 1: group by k1, k2, sum(v), and its signature. */
export async function groupBySum(df: DataFrame): Promise<{ groups: number; sum: number; checksum: string }> {
  return groupBySumSignature(await groupBySumRows(df));
}

/** Workload 2: filter v > 1000, project k1 and v * 2, then count and sum the projection. */
export async function filterProject(df: DataFrame): Promise<{ count: number; sum: number }> {
  const r = await df
    .filter(F.col("v").gt(1000))
    .select("k1", F.col("v").multiply(2).alias("v2"))
    .agg(F.count("*"), F.sum("v2"))
    .first();
  return { count: Number(r?.get(0) ?? 0), sum: Number(r?.get(1) ?? 0) };
}

/** The string group-by's query: sum(v) and count(*) by gk, all groups collected (timed). */
export function groupByStringRows(df: DataFrame): Promise<Row[]> {
  return df.groupBy("gk").agg(F.sum("v").alias("s"), F.count("*").alias("c")).collect();
}

/** The string group-by's answer (untimed): checksum = Σ (2s)² + Σ c·charSum(gk). */
export function groupByStringSignature(rows: readonly Row[]): Signature {
  let sum = 0;
  let checksum = 0n;
  for (const r of rows) {
    const s = num(r, 1);
    sum += s;
    checksum += twice(s) ** 2n + BigInt(num(r, 2)) * charSum(String(r.get(0)));
  }
  return { groups: rows.length, sum, checksum: checksum.toString() };
}

/** Group by the string key gk, and its signature. */
export async function groupByString(df: DataFrame): Promise<Signature> {
  return groupByStringSignature(await groupByStringRows(df));
}

/** count(DISTINCT)'s query: group by k1, count(DISTINCT dk), collected (timed). */
export function countDistinctRows(df: DataFrame): Promise<Row[]> {
  return df.groupBy("k1").agg(F.countDistinct("dk").alias("n")).collect();
}

/** count(DISTINCT)'s answer (untimed): total = Σ n, checksum = Σ n·(k1 + 1). */
export function countDistinctSignature(rows: readonly Row[]): Signature {
  let total = 0;
  let checksum = 0;
  for (const r of rows) {
    total += num(r, 1);
    checksum += num(r, 1) * (num(r, 0) + 1);
  }
  return { groups: rows.length, total, checksum };
}

/** Group by k1, count(DISTINCT dk), and its signature. */
export async function countDistinct(df: DataFrame): Promise<Signature> {
  return countDistinctSignature(await countDistinctRows(df));
}

/**
 * Inner join fact ⋈ dim on fk, then count(*), sum(v), sum(w). With the cached 1M-row dim
 * (16 MB, over spark.sql.autoBroadcastJoinThreshold's 10 MB) Spark plans this as a
 * SortMergeJoin, and so does tspark; joinBroadcastAgg asks for the broadcast plan.
 */
export async function joinAgg(fact: DataFrame, dim: DataFrame): Promise<Signature> {
  const r = await joinQuery(fact, dim).first();
  return { count: Number(r?.get(0) ?? 0), sumV: Number(r?.get(1) ?? 0), sumW: Number(r?.get(2) ?? 0) };
}

/** The join workloads' query (untimed callers read its plan). */
export function joinQuery(fact: DataFrame, dim: DataFrame): DataFrame {
  return fact.join(dim, "fk").agg(F.count("*"), F.sum("v"), F.sum("w"));
}

/** The join operator the engine runs for `df` (SortMergeJoin, BroadcastHashJoin …), read from its physical plan. */
export function joinStrategy(df: DataFrame): string {
  const s = df.sparkSession;
  return /\b(\w+HashJoin|SortMergeJoin|\w+NestedLoopJoin)\b/.exec(s.engine.explainQuery(df.plan, "simple", s.execContext()))?.[1] ?? "no join";
}

/** The same join with `F.broadcast(dim)`: a broadcast hash join (BuildRight), as Spark plans it with the hint. */
export function joinBroadcastAgg(fact: DataFrame, dim: DataFrame): Promise<Signature> {
  return joinAgg(fact, F.broadcast(dim));
}

/**
 * A full sort of the frame's one column, run through the engine port so that the timed
 * part is the query and the in-process hand-over of its batches, not the conversion of
 * 10M values into Row objects (Node users who need rows pay that on top). `check`
 * converts the batches afterwards and reduces them to the sorted signature.
 */
export async function sortColumn(df: DataFrame): Promise<{ rows: number; check: () => Signature }> {
  const s = df.sparkSession;
  const sorted = df.orderBy(df.columns[0]!);
  const result = await s.engine.executeQuery(sorted.plan, s.execContext());
  const batches: ColumnBatch[] = [];
  let rows = 0;
  for await (const b of result.batches) {
    batches.push(b);
    rows += b.numRows;
  }
  const check = (): Signature => {
    const values: (number | string)[] = [];
    for (const b of batches) for (const r of batchToJsRows(b, result.schema)) values.push(r.get(0) as number | string);
    return sortedSignature(values);
  };
  return { rows, check };
}
