import { afterAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../src/index.js";

// df.colRegex from the Node API, as tests/golden/cases/frame_col_regex.out records PySpark's.
const spark = SparkSession.builder.appName("col-regex").getOrCreate();
afterAll(() => spark.stop());
const df = spark.createDataFrame([[1, "a", 2.0]], ["col1", "Col2", "x_3"]);

describe("colRegex", () => {
  it("selects the columns whose whole name matches, case-insensitively", () => {
    expect(df.select(df.colRegex("`col.*`")).columns).toEqual(["col1", "Col2"]);
    expect(df.select(df.colRegex("`zz.*`")).columns).toEqual([]);
    expect(df.select("x_3", df.colRegex("`c.l\\d`")).columns).toEqual(["x_3", "col1", "Col2"]);
  });

  it("takes a qualifier outside the backquotes, and plain text as a column name", () => {
    const a = df.alias("t");
    expect(a.select(a.colRegex("t.`c.*`")).columns).toEqual(["col1", "Col2"]);
    expect(a.select(a.colRegex("`t.col.*`")).columns).toEqual([]);
    expect(df.select(df.colRegex("col1")).columns).toEqual(["col1"]);
  });

  it("stands for its one column inside an expression", () => {
    expect(df.select(df.colRegex("`col1`").plus(1)).columns).toEqual(["(col1 + 1)"]);
  });
});
