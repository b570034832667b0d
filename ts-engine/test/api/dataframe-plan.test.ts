import { describe, expect, it } from "vitest";
import { functions as F, LongType, SparkSession } from "../../src/index.js";
import { recordingEngine } from "./fake-engine.js";

const spark = new SparkSession({ engine: recordingEngine() });
const attr = (...nameParts: string[]) => ({ kind: "UnresolvedAttribute", nameParts });
const df = spark.createDataFrame([[1, "a"]], ["id", "s"]);

describe("DataFrame transformations build unresolved plans", () => {
  it("gives every frame a fresh planId and keeps the input plan", () => {
    const p = df.select("id");
    expect(p.plan).toMatchObject({ kind: "Project", input: df.plan, exprs: [attr("id")] });
    expect(p.plan.planId).not.toBe(df.plan.planId);
  });

  it("builds range like spark.range", () => {
    expect(spark.range(5).plan).toMatchObject({ kind: "Range", start: 0, end: 5, step: 1 });
    expect(spark.range(1, 10, 3, 2).plan).toMatchObject({ kind: "Range", start: 1, end: 10, step: 3, numPartitions: 2 });
  });

  it("selects columns, names, arrays and SQL strings", () => {
    expect(df.select(["id", F.col("s")]).plan).toMatchObject({ exprs: [attr("id"), attr("s")] });
    expect(df.select("*").plan).toMatchObject({ exprs: [{ kind: "UnresolvedStar" }] });
    expect(df.selectExpr("id * 2 as x").plan).toMatchObject({ exprs: [{ kind: "ExprString", sql: "id * 2 as x" }] });
  });

  it("filters with a Column or SQL text", () => {
    expect(df.filter("id > 1").plan).toMatchObject({ kind: "Filter", condition: { kind: "ExprString", sql: "id > 1" } });
    expect(df.where(F.col("id").gt(1)).plan).toMatchObject({ kind: "Filter", condition: { name: ">" } });
  });

  it("adds, renames and drops columns", () => {
    expect(df.withColumn("y", F.lit(1)).plan).toMatchObject({ kind: "WithColumns", names: ["y"] });
    expect(df.withColumnRenamed("s", "t").plan).toMatchObject({ kind: "WithColumnsRenamed", renames: [["s", "t"]] });
    expect(df.drop("s", F.col("id")).plan).toMatchObject({ kind: "Drop", columns: [attr("s"), attr("id")] });
  });

  it("aggregates with grouping columns kept out of aggs", () => {
    const g = df.groupBy("s").agg(F.sum("id").alias("t"));
    expect(g.plan).toMatchObject({
      kind: "Aggregate",
      groupBy: [attr("s")],
      aggs: [{ kind: "Alias", name: "t", child: { kind: "UnresolvedFunction", name: "sum" } }],
    });
    expect(df.groupBy("s").count().plan).toMatchObject({ aggs: [{ kind: "Alias", name: "count" }] });
    expect(df.groupBy("s").sum("id").plan).toMatchObject({ aggs: [{ name: "sum", args: [attr("id")] }] });
    expect(df.groupBy().agg({ id: "max", "*": "count" }).plan).toMatchObject({
      groupBy: [],
      aggs: [{ name: "max" }, { name: "count", args: [{ kind: "Literal", value: 1 }] }],
    });
    expect(df.agg(F.min("id")).plan).toMatchObject({ kind: "Aggregate", groupBy: [], aggs: [{ name: "min" }] });
  });

  it("sorts ascending nulls first by default, with PySpark's ascending option", () => {
    expect(df.orderBy("id").plan).toMatchObject({
      kind: "Sort",
      global: true,
      orders: [{ kind: "SortOrder", child: attr("id"), ascending: true, nullsFirst: true }],
    });
    expect(df.sort("s", { ascending: false }).plan).toMatchObject({ orders: [{ ascending: false, nullsFirst: false }] });
    expect(df.orderBy(["id", "s"], { ascending: [true, false] }).plan).toMatchObject({
      orders: [{ ascending: true }, { ascending: false }],
    });
    expect(df.orderBy(F.col("id").desc()).plan).toMatchObject({ orders: [{ ascending: false, nullsFirst: false }] });
  });

  it("joins on names, a column, or nothing", () => {
    const other = spark.createDataFrame([[1, 2]], ["id", "v"]);
    expect(df.join(other, "id").plan).toMatchObject({ kind: "Join", joinType: "inner", usingColumns: ["id"] });
    expect(df.join(other, ["id"], "left_outer").plan).toMatchObject({ joinType: "left", usingColumns: ["id"] });
    expect(df.join(other, df.col("id").eq(other.col("id")), "full").plan).toMatchObject({
      joinType: "full",
      condition: {
        name: "==",
        args: [
          { kind: "UnresolvedAttribute", nameParts: ["id"], planId: df.plan.planId },
          { kind: "UnresolvedAttribute", nameParts: ["id"], planId: other.plan.planId },
        ],
      },
    });
    expect(df.join(other, [F.col("a").eq(1), F.col("b").eq(2)], "semi").plan).toMatchObject({
      joinType: "left_semi",
      condition: { name: "and" },
    });
    expect(df.crossJoin(other).plan).toMatchObject({ joinType: "cross" });
    expect(df.join(other, []).plan).not.toHaveProperty("condition");
    expect(() => df.join(other, "id", "sideways")).toThrow(/UNSUPPORTED_JOIN_TYPE/);
  });

  it("builds limit, distinct, union, alias and toDF", () => {
    expect(df.limit(3).plan).toMatchObject({ kind: "Limit", n: 3 });
    expect(df.distinct().plan).toMatchObject({ kind: "Distinct" });
    expect(df.union(df).plan).toMatchObject({ kind: "Union", byName: false, allowMissingColumns: false });
    expect(df.unionByName(df, true).plan).toMatchObject({ kind: "Union", byName: true, allowMissingColumns: true });
    expect(df.alias("t").plan).toMatchObject({ kind: "SubqueryAlias", alias: "t" });
    expect(df.toDF("a", "b").plan).toMatchObject({ kind: "ToDF", names: ["a", "b"] });
  });

  it("casts with a DataType", () => {
    expect(df.select(F.col("id").cast(LongType)).plan).toMatchObject({ exprs: [{ kind: "Cast", dataType: LongType }] });
  });
});

describe("SparkSession.builder", () => {
  it("returns the active session until it is stopped", () => {
    const a = SparkSession.builder.appName("x").withEngine(recordingEngine()).getOrCreate();
    const b = SparkSession.builder.config("k", "v").getOrCreate();
    expect(b).toBe(a);
    expect(a.conf.get("spark.app.name")).toBe("x");
    expect(a.conf.get("k")).toBe("v");
    a.stop();
    expect(SparkSession.getActiveSession()).toBeNull();
    const c = SparkSession.builder.withEngine(recordingEngine()).getOrCreate();
    expect(c).not.toBe(a);
    c.stop();
  });
});
