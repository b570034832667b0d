import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";

// JavaScript UDFs on DataFrames (the Node counterpart of PySpark's udf). Expected values are
// computed in plain JS; null handling and mismatched result types follow Spark's rules for
// row-at-a-time Python UDFs (a value of the wrong type becomes NULL).
const spark = SparkSession.builder.appName("udf-js").getOrCreate();
afterAll(() => spark.stop());

describe("Node API JavaScript UDFs", () => {
  it("applies a udf to a column row by row", async () => {
    const plusOne = F.udf((x: number) => x + 1, "long");
    const rows = await spark.range(0, 5, 1, 2).select(plusOne("id").alias("y")).collect();
    expect(rows.map((r) => r.y)).toEqual([1, 2, 3, 4, 5]);
    const schema = spark.range(1).select(plusOne("id")).schema;
    expect(schema.fields[0]!.dataType).toEqual({ kind: "long" });
  });

  it("passes several columns, nulls, strings, arrays and structs", async () => {
    const df = spark.createDataFrame(
      [
        ["ab", 2, [1, 2]],
        [null, 3, [4]],
      ],
      "s STRING, n INT, xs ARRAY<INT>",
    );
    const repeat = F.udf((s: string | null, n: number) => (s === null ? null : s.repeat(n)), "string");
    const total = F.udf((xs: number[]) => xs.reduce((a, b) => a + b, 0), "int");
    const described = F.udf((st: { s: string | null; n: number }) => `${st.s ?? "?"}:${st.n}`);
    const rows = await df.select(repeat("s", "n").alias("r"), total("xs").alias("t"), described(F.struct("s", "n")).alias("d")).collect();
    expect(rows.map((r) => r.asDict())).toEqual([
      { r: "abab", t: 3, d: "ab:2" },
      { r: null, t: 4, d: "?:3" },
    ]);
  });

  it("returns NULL for a result of the wrong type, as Spark does for Python UDFs", async () => {
    const half = F.udf((x: number) => x / 2, "long");
    const rows = await spark.range(3).select(half("id").alias("h")).collect();
    expect(rows.map((r) => r.h)).toEqual([0, null, 1]);
  });

  it("returns arrays and structs of the declared type", async () => {
    const spread = F.udf((x: number) => [x, x * 10], "array<long>");
    const pair = F.udf((x: number) => ({ a: x, b: `v${x}` }), "struct<a:long,b:string>");
    const rows = await spark.range(2).select(spread("id").alias("s"), pair("id").alias("p")).collect();
    expect(rows.map((r) => r.s)).toEqual([[0, 0], [1, 10]]);
    expect(rows.map((r) => String(r.p))).toEqual(["Row(a=0, b='v0')", "Row(a=1, b='v1')"]);
  });

  it("carries captured values to the worker threads", async () => {
    const factor = 3;
    const times = F.udf((x: number) => x * factor, "long", { factor });
    expect((await spark.range(3).select(times("id").alias("t")).collect()).map((r) => r.t)).toEqual([0, 3, 6]);
  });

  it("filters and sorts on a udf's result", async () => {
    const parity = F.udf((x: number) => x % 2, "int");
    const rows = await spark.range(6).filter(parity("id").eq(1)).orderBy(F.col("id").desc()).collect();
    expect(rows.map((r) => r.id)).toEqual([5, 3, 1]);
  });

  it("fails the query with the function's stack", async () => {
    const bad = F.udf(function explode(x: number) {
      if (x === 2) throw new RangeError("two is out of range");
      return x;
    }, "long");
    const err = (await spark.range(4).select(bad("id")).collect().catch((e: unknown) => e)) as Error;
    expect(err.message).toContain("An exception was thrown from the JavaScript function explode");
    expect(err.message).toContain("RangeError: two is out of range");
    expect(err.message).toMatch(/tspark-fn:explode:\d+:\d+/);
  });

  it("registers a udf for SQL and selectExpr", async () => {
    spark.udf.register("js_times_two", (x: number) => x * 2, "long");
    const df = await spark.sql("SELECT js_times_two(id) AS d FROM range(3)");
    expect((await df.collect()).map((r) => r.d)).toEqual([0, 2, 4]);
    const viaExpr = await spark.range(2).selectExpr("js_times_two(id + 1) AS d").collect();
    expect(viaExpr.map((r) => r.d)).toEqual([2, 4]);
  });

  it("marks a udf nondeterministic", () => {
    const u = F.udf(() => Math.random(), "double");
    expect(u.deterministic).toBe(true);
    expect(u.asNondeterministic().deterministic).toBe(false);
  });
});
