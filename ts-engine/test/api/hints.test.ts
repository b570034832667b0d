import { afterAll, describe, expect, it, vi } from "vitest";
import { functions as F, SparkSession, type DataFrame } from "../../src/index.js";

// The Node API's join hints: df.hint(name) and functions.broadcast(df) choose the strategy
// that explain shows, as PySpark's do (tests/golden/cases/joins_strategies.out).
const spark = SparkSession.builder.appName("hints").getOrCreate();
afterAll(() => spark.stop());

function explained(df: DataFrame): string {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  try {
    df.explain();
  } finally {
    spy.mockRestore();
  }
  return out.join("");
}

describe("join hints", () => {
  const a = spark.range(100).withColumnRenamed("id", "k");
  const b = spark.range(100);
  const on = a.col("k").eq(b.col("id"));

  it("broadcasts a small side, sort-merges on MERGE, hash-joins on SHUFFLE_HASH, broadcasts on BROADCAST", () => {
    expect(explained(a.join(b, on))).toContain("BroadcastHashJoin [k#");
    expect(explained(a.hint("merge").join(b, on))).toContain("SortMergeJoin [k#");
    spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1");
    try {
      expect(explained(a.join(b, on, "left"))).toContain("SortMergeJoin [k#");
      expect(explained(a.join(b.hint("shuffle_hash"), on, "left"))).toContain("ShuffledHashJoin [k#");
      expect(explained(a.join(F.broadcast(b), on, "left"))).toContain("BroadcastHashJoin [k#");
    } finally {
      spark.conf.unset("spark.sql.autoBroadcastJoinThreshold");
    }
  });

  it("gives the same rows whatever the strategy", async () => {
    const rows = async (df: DataFrame): Promise<number> => (await df.collect()).length;
    const n = await rows(a.join(b, on, "left"));
    expect(n).toBe(100);
    expect(await rows(a.hint("merge").join(b, on, "left"))).toBe(n);
    expect(await rows(a.join(b.hint("shuffle_hash"), on, "left"))).toBe(n);
  });
});

// The partitioning hints and CollapseRepartition (tests/golden/cases/perf_hints.out holds
// PySpark's plans for the same frames).
describe("partitioning hints", () => {
  const df = spark.range(0, 10, 1, 2).select(F.col("id").alias("a"), F.col("id").mod(3).alias("b"));

  it("repartitions by number, by columns and by range, coalesces and rebalances", async () => {
    expect(explained(df.hint("repartition", 3))).toContain("Exchange RoundRobinPartitioning(3), REPARTITION_BY_NUM");
    expect(await df.hint("repartition", 3).rdd.getNumPartitions()).toBe(3);
    expect(explained(df.hint("REPARTITION", 3, "a"))).toMatch(/Exchange hashpartitioning\(a#\d+L, 3\), REPARTITION_BY_NUM/);
    expect(explained(df.hint("repartition_by_range", 3, "a"))).toMatch(/Exchange rangepartitioning\(a#\d+L ASC NULLS FIRST, 3\), REPARTITION_BY_NUM/);
    expect(explained(df.hint("coalesce", 1))).toMatch(/^== Physical Plan ==\nCoalesce 1\n/);
    expect(await df.hint("coalesce", 1).rdd.getNumPartitions()).toBe(1);
    expect(explained(df.hint("rebalance", "a"))).toMatch(/Exchange hashpartitioning\(a#\d+L, 200\), REBALANCE_PARTITIONS_BY_COL/);
    expect(explained(df.hint("rebalance"))).toContain("Exchange RoundRobinPartitioning(200), REBALANCE_PARTITIONS_BY_NONE");
    expect((await df.hint("rebalance", "b").collect()).map((r) => Number(r.get(0))).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("raises Spark's errors for parameters that are neither a count nor columns", () => {
    expect(() => explained(df.hint("coalesce", "a"))).toThrow("COALESCE Hint expects a partition number as a parameter.");
    expect(() => explained(df.hint("repartition", 1.5))).toThrow('REPARTITION Hint parameters should include an optional integral partitionNum and/or columns, but "1.5" can not be recognized');
    expect(() => explained(df.hint("repartition", 0))).toThrow("requirement failed: Number of partitions (0) must be positive.");
  });

  it("collapses a repartition over another as Spark's CollapseRepartition does", async () => {
    const exchanges = (d: DataFrame): number => (explained(d).match(/Exchange /g) ?? []).length;
    expect(exchanges(df.repartition(5).repartition(3))).toBe(1);
    expect(await df.repartition(5).repartition(3).rdd.getNumPartitions()).toBe(3);
    expect(explained(df.repartition(5).coalesce(3))).toMatch(/Coalesce 3\n\s+\+- Exchange RoundRobinPartitioning\(5\)/);
    expect(explained(df.repartition(2).coalesce(3))).not.toContain("Coalesce");
    expect(exchanges(df.orderBy("b").repartition(3, "a"))).toBe(1);
    expect(explained(df.sortWithinPartitions("b").repartition(3, "a"))).toContain("Sort [b#");
  });
});
