import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession, type DataFrame } from "../../src/index.js";

// Spark's EnsureRequirements adds no exchange where the child's partitioning already
// satisfies the distribution an operator requires (plans as PySpark 4.0.1 explains them).
const spark = SparkSession.builder.appName("ensure-requirements").getOrCreate();
afterAll(() => spark.stop());

const explain = (df: DataFrame): string => spark.engine.explainQuery(df.plan, "simple", spark.execContext());
const exchanges = (text: string): number => text.split("\n").filter((l) => l.includes("Exchange ")).length;
const sorted = async (df: DataFrame): Promise<string[]> => (await df.collect()).map((r) => [0, 1, 2].map((i) => String(r.get(i))).join(",")).sort();

function frames(): { a: DataFrame; b: DataFrame } {
  const a = spark.range(2000).select(F.col("id").mod(300).alias("k"), F.col("id").alias("v"));
  const b = spark.range(500).select(F.col("id").mod(250).alias("k"), F.col("id").multiply(3).alias("w"));
  return { a, b };
}

describe("exchange placement (EnsureRequirements)", () => {
  it("an aggregate over a sort-merge join on the same key reuses the join's partitioning", async () => {
    spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1");
    const { a, b } = frames();
    const q = a.join(b, "k").groupBy("k").agg(F.sum("v").alias("sv"), F.count("*").alias("c"));
    const text = explain(q);
    // the two join sides are shuffled; partial and final aggregate run on the join's partitions
    expect(exchanges(text)).toBe(2);
    expect(text).toMatch(/HashAggregate\(keys=\[k#\d+L\], functions=\[sum\(v#\d+L\), count\(1\)\]\)\n\s+\+- HashAggregate\(keys=\[k#\d+L\], functions=\[partial_sum/);
    const got = await sorted(q);
    // the same aggregate over a broadcast join, whose output needs the exchange
    spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "10485760");
    const viaBroadcast = a.join(b, "k").groupBy("k").agg(F.sum("v").alias("sv"), F.count("*").alias("c"));
    expect(exchanges(explain(viaBroadcast))).toBe(2);
    expect(got).toEqual(await sorted(viaBroadcast));
    expect(got.length).toBe(250);
    // k = 7: a has ids 7, 307 … 1807 (sum 6349), b has 2 rows: 14 pairs
    expect(got).toContain("7,12698,14");
  });

  it("an aggregate on other keys, or on a superset of a subset, still shuffles as Spark does", async () => {
    spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1");
    const { a, b } = frames();
    // grouping by (k, w) is clustered by k already: no exchange; grouping by w is not
    expect(exchanges(explain(a.join(b, "k").groupBy("k", "w").count()))).toBe(2);
    expect(exchanges(explain(a.join(b, "k").groupBy("w").count()))).toBe(3);
    // a full outer join's output is clustered on nothing
    expect(exchanges(explain(a.join(b, "k", "full").groupBy("k").count()))).toBe(3);
    spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "10485760");
  });
});
