import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";

// Expected values are PySpark 4.0.1's (tests/golden/cases/collections_generate.out, collections_hof.out).
const spark = SparkSession.builder.appName("generate-exec").getOrCreate();
afterAll(() => spark.stop());
const df = spark.createDataFrame(
  [
    [1, [1, 2, null]],
    [2, []],
    [3, null],
  ],
  "id INT, a ARRAY<INT>",
);

describe("GenerateExec", () => {
  it("joins each row with its generated rows and drops rows that generate none", async () => {
    const rows = await df.select("id", F.posexplode("a")).collect();
    expect(rows.map((r) => [...r])).toEqual([
      [1, 0, 1],
      [1, 1, 2],
      [1, 2, null],
    ]);
  });

  it("adds one null row per empty or null input under the outer form", async () => {
    const rows = await df.select("id", F.explode_outer("a")).collect();
    expect(rows.map((r) => [...r])).toEqual([
      [1, 1],
      [1, 2],
      [1, null],
      [2, null],
      [3, null],
    ]);
  });

  it("explains as Spark's Generate: generator, required child output, outer flag, generated columns", async () => {
    const q = df.select("id", F.explode_outer("a"));
    const text = spark.engine.explainQuery(q.plan, "simple", spark.execContext());
    expect(text).toMatch(/\*\(1\) Generate explode\(a#\d+\), \[id#\d+, a#\d+\], true, \[col#\d+\]/);
  });
});

describe("higher-order functions", () => {
  it("evaluates a lambda over every element at once, reading the row's other columns", async () => {
    const rows = await df.select(F.transform("a", (x) => x.plus(F.col("id"))), F.aggregate("a", F.lit(0), (acc, x) => acc.plus(x))).collect();
    expect(rows.map((r) => [...r])).toEqual([
      [[2, 3, null], null],
      [[], 0],
      [null, null],
    ]);
  });

  it("binds nested lambdas' variables past their enclosing scope", async () => {
    const rows = await df.select(F.transform("a", (x) => F.transform(F.array(F.lit(10), F.lit(20)), (y) => x.plus(y)))).collect();
    expect(rows.map((r) => [...r])).toEqual([[[[11, 21], [12, 22], [null, null]]], [[]], [null]]);
  });
});
