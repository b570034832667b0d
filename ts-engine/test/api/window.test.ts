import { afterAll, describe, expect, it } from "vitest";
import { AnalysisException, functions as F, SparkSession, Window } from "../../src/index.js";

// Expected values are PySpark 4.0.1's (tests/golden/cases/windows_functions.out, windows_errors.out).
const spark = SparkSession.builder.appName("window-api").getOrCreate();
afterAll(() => spark.stop());
const df = spark.createDataFrame(
  [
    ["a", 1, 10.0],
    ["a", 2, null],
    ["a", 2, 30.0],
    ["b", 5, 1.0],
  ],
  "k STRING, v INT, x DOUBLE",
);

describe("Node API: Window and Column.over", () => {
  it("builds specs as PySpark's Window: partitionBy, orderBy, rowsBetween with unbounded ends", async () => {
    const w = Window.partitionBy("k").orderBy("v", "x");
    const rows = await df
      .select("k", "v", F.row_number().over(w).alias("rn"), F.sum("x").over(w.rowsBetween(Window.unboundedPreceding, Window.currentRow)).alias("s"))
      .orderBy("k", "rn")
      .collect();
    expect(rows.map((r) => [...r])).toEqual([
      ["a", 1, 1, 10],
      ["a", 2, 2, 10],
      ["a", 2, 3, 40],
      ["b", 5, 1, 1],
    ]);
  });

  it("ranks ties alike and runs aggregates over RANGE frames", async () => {
    const w = Window.partitionBy("k").orderBy("v");
    const rows = await df.select("v", F.rank().over(w).alias("r"), F.count("*").over(w).alias("c"), F.max("x").over(w.rangeBetween(-1, 0)).alias("m")).orderBy("v").collect();
    expect(rows.map((r) => [...r])).toEqual([
      [1, 1, 1, 10],
      [2, 2, 3, 30],
      [2, 2, 3, 30],
      [5, 1, 1, 1],
    ]);
  });

  it("names window columns and explains the Window operator as Spark", async () => {
    const q = df.select(F.row_number().over(Window.partitionBy("k").orderBy("v")));
    expect(q.columns).toEqual(["row_number() OVER (PARTITION BY k ORDER BY v ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"]);
    const text = spark.engine.explainQuery(q.plan, "simple", spark.execContext());
    expect(text).toMatch(/Window \[row_number\(\) windowspecdefinition\(k#\d+, v#\d+ ASC NULLS FIRST, specifiedwindowframe\(RowFrame, unboundedpreceding\$\(\), currentrow\$\(\)\)\) AS .*\], \[k#\d+\], \[v#\d+ ASC NULLS FIRST\]/);
    expect(text).toMatch(/Sort \[k#\d+ ASC NULLS FIRST, v#\d+ ASC NULLS FIRST\], false, 0/);
    expect(text).toMatch(/Exchange hashpartitioning\(k#\d+, 200\)/);
  });

  it("raises Spark's errors for windows Spark rejects", async () => {
    await expect(df.select(F.row_number()).collect()).rejects.toThrow(AnalysisException);
    await expect(df.select(F.sum("x").over(Window.orderBy("k").rangeBetween(-1, 1))).collect()).rejects.toThrow(/SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE/);
  });
});

describe("Node API: offset, tail and toLocalIterator", () => {
  const rows = spark.createDataFrame(
    Array.from({ length: 20 }, (_, i) => [i]),
    "id INT",
  );
  it("skips rows with offset, alone and around a limit, as Spark's CollectLimit/GlobalLimit", async () => {
    expect((await rows.offset(17).collect()).map((r) => r.get(0))).toEqual([17, 18, 19]);
    expect((await rows.limit(5).offset(3).collect()).map((r) => r.get(0))).toEqual([3, 4]);
    expect((await rows.offset(3).limit(2).collect()).map((r) => r.get(0))).toEqual([3, 4]);
    expect(await rows.offset(4).count()).toBe(16);
    expect(spark.engine.explainQuery(rows.offset(3).plan, "simple", spark.execContext())).toMatch(/^== Physical Plan ==\nCollectLimit -1, 3\n/);
  });
  it("streams rows for tail and toLocalIterator", async () => {
    expect((await rows.tail(2)).map((r) => r.get(0))).toEqual([18, 19]);
    const seen: unknown[] = [];
    for await (const r of rows.toLocalIterator()) seen.push(r.get(0));
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // prefetchPartitions: the next partition runs while one is read; the order is the same
    const parted = spark.range(0, 50, 1, 5);
    const prefetched: unknown[] = [];
    for await (const r of parted.toLocalIterator(true)) prefetched.push(r.get(0));
    expect(prefetched).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
