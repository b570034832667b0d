import { afterAll, describe, expect, it } from "vitest";
import { AnalysisException, functions as F, Observation, PySparkAssertionError, SparkSession } from "../../src/index.js";

// Expected values are PySpark 4.0.1's (tests/golden/cases/actions_observe.out).
const spark = SparkSession.builder.appName("observation").getOrCreate();
afterAll(() => spark.stop());
const df = spark.createDataFrame(
  [
    ["Alice", 2, 1.5],
    ["Bob", 5, null],
    ["Cy", null, 3.0],
  ],
  "name STRING, age INT, x DOUBLE",
);

describe("Node API: df.observe and Observation", () => {
  it("computes the metrics over the rows of the first action; later actions keep them", async () => {
    const o = new Observation("my metrics");
    const od = df.observe(o, F.count(F.lit(1)).alias("count"), F.max("age"), F.sum("x").multiply(2).alias("s2"), F.avg("age").alias("a"), F.lit(42).alias("c"));
    expect(o.get).toEqual({});
    expect(await od.count()).toBe(3);
    const want = { count: 3, "max(age)": 5, s2: 9, a: 3.5, c: 42 };
    expect(o.get).toEqual(want);
    await od.filter("age > 2").collect();
    expect(o.get).toEqual(want);
  });

  it("merges every partition's partial states, and observes below an aggregate", async () => {
    const o = new Observation("partitions");
    await spark.range(0, 1000, 1, 4).observe(o, F.sum("id").alias("s"), F.count("*").alias("n"), F.max("id").alias("m")).collect();
    expect(o.get).toEqual({ s: 499500, n: 1000, m: 999 });
    const o2 = new Observation("under an aggregate");
    expect(await df.observe(o2, F.count("*").alias("n"), F.sum("age").alias("s")).groupBy("name").count().count()).toBe(3);
    expect(o2.get).toEqual({ n: 3, s: 7 });
    const o3 = new Observation("empty");
    await df.limit(0).observe(o3, F.count("*").alias("n"), F.sum("age").alias("s")).collect();
    expect(o3.get).toEqual({ n: 0, s: null });
  });

  it("raises PySpark's errors", () => {
    const o = new Observation("once");
    df.observe(o, F.count("*").alias("n"));
    expect(() => df.observe(o, F.count("*").alias("n"))).toThrow(PySparkAssertionError);
    expect(() => new Observation("z").get).toThrow(/NO_OBSERVE_BEFORE_GET/);
    expect(() => new Observation("")).toThrow(/VALUE_NOT_NON_EMPTY_STR/);
    expect(() => df.observe(new Observation("q"))).toThrow(/CANNOT_BE_EMPTY/);
    const bad = (c: ReturnType<typeof F.col>): unknown => df.observe(new Observation("q1"), c);
    expect(() => bad(F.col("age").alias("a"))).toThrow(AnalysisException);
    expect(() => bad(F.col("age").alias("a"))).toThrow(/INVALID_OBSERVED_METRICS.NON_AGGREGATE_FUNC_ARG_IS_ATTRIBUTE/);
    expect(() => bad(F.sum(F.max("age")).alias("b"))).toThrow(/INVALID_OBSERVED_METRICS.NESTED_AGGREGATES_UNSUPPORTED/);
    expect(() => bad(F.count_distinct("age").alias("b"))).toThrow(/INVALID_OBSERVED_METRICS.AGGREGATE_EXPRESSION_WITH_DISTINCT_UNSUPPORTED/);
  });
});
