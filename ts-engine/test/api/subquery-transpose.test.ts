import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";

// Expected answers are PySpark 4.0.1's (tests/golden/cases/frame_subquery_expressions.out and
// frame_transpose_islocal.out).
const spark = SparkSession.builder.appName("subquery-transpose").getOrCreate();
afterAll(() => spark.stop());

const df = spark.createDataFrame([[1, 10], [2, 20], [3, 5]], ["x", "y"]);
const other = spark.createDataFrame([[1, "a"], [3, "b"], [3, "c"]], ["a", "b"]);
const matches = other.where(F.col("a").eq(F.col("x").outer()));

describe("Node API: scalar(), exists(), Column.outer()", () => {
  it("filters on an uncorrelated scalar subquery and names it scalarsubquery()", async () => {
    const rows = await spark.range(3).where(F.col("id").gt(df.select(F.max("x").minus(2)).scalar())).collect();
    expect(rows.map((r) => r["id"])).toEqual([2]);
    expect(df.select("x", df.select(F.max("y")).scalar()).columns).toEqual(["x", "scalarsubquery()"]);
  });

  it("keeps the rows a correlated EXISTS matches, and NOT EXISTS the others", async () => {
    expect((await df.where(matches.exists()).orderBy("x").collect()).map((r) => r["x"])).toEqual([1, 3]);
    expect((await df.where(matches.exists().not()).orderBy("x").collect()).map((r) => r["x"])).toEqual([2]);
    expect((await df.select("x", matches.exists().alias("e")).orderBy("x").collect()).map((r) => r["e"])).toEqual([true, false, true]);
  });

  it("counts per outer row through a correlated scalar subquery, null for an empty one", async () => {
    const counts = await df.select("x", matches.select(F.count("b")).scalar().alias("c")).orderBy("x").collect();
    expect(counts.map((r) => r["c"])).toEqual([1, 0, 2]);
    const empty = await df.select(other.where(F.lit(false)).select("a").scalar().alias("s")).collect();
    expect(empty.map((r) => r["s"])).toEqual([null, null, null]);
  });
});

describe("Node API: lateralJoin", () => {
  it("evaluates the right side per left row through outer references", async () => {
    const t1 = spark.createDataFrame([[0, 1], [1, 2]], ["c1", "c2"]).alias("t1");
    const t2 = spark.createDataFrame([[0, 2], [0, 3]], ["c1", "c2"]).alias("t2");
    const per = await t1.lateralJoin(spark.range(1).select(F.col("c1").outer().plus(F.col("c2").outer()).alias("c3"))).orderBy("c1").collect();
    expect(per.map((r) => r["c3"])).toEqual([1, 3]);
    const left = await t1.lateralJoin(t2.where(F.col("t1.c1").outer().eq(F.col("t2.c1"))).select(F.col("t2.c2").alias("v")), undefined, "left").orderBy("t1.c1", "v").collect();
    expect(left.map((r) => r["v"])).toEqual([2, 3, null]);
    expect(() => t1.lateralJoin(t2, undefined, "full")).toThrow(/UNSUPPORTED_JOIN_TYPE/);
  });
});

describe("Node API: transpose and isLocal", () => {
  it("turns the index values into columns, ascending, nulls dropped", async () => {
    const t = await spark.createDataFrame([["x", 1, 2.5], ["y", 3, 4.5], [null, 5, 6.5]], ["k", "a", "b"]).transpose();
    expect(t.columns).toEqual(["key", "x", "y"]);
    expect((await t.collect()).map((r) => [r["key"], r["x"], r["y"]])).toEqual([["a", 1, 3], ["b", 2.5, 4.5]]);
    expect(t.schema.fields.map((f) => f.dataType.kind)).toEqual(["string", "double", "double"]);
  });

  it("raises Spark's TRANSPOSE_NO_LEAST_COMMON_TYPE when the values share no type", async () => {
    await expect(spark.createDataFrame([["x", 1, "s"]], ["k", "a", "b"]).transpose()).rejects.toThrow(/\[TRANSPOSE_NO_LEAST_COMMON_TYPE\].*"BIGINT" and "STRING"/);
  });

  it("is local for an inline table only", async () => {
    expect((await spark.sql("VALUES (1), (2)")).isLocal()).toBe(true);
    expect((await spark.sql("SELECT 1")).isLocal()).toBe(false);
    expect(spark.range(2).isLocal()).toBe(false);
  });
});
