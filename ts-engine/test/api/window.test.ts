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
    await expect(df.select(F.sum("x").over(Window.orderBy("k").rangeBetween(-1, 1))).collect()).rejects.toThrow(/RANGE_FRAME_INVALID_TYPE/);
  });
});
