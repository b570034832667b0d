import { describe, expect, it } from "vitest";
import { LongType, StringType, structField, structType, IntegerType } from "../../src/types/data-type.js";
import { analyzeSchema, explainQuery, showQuery } from "../../src/engine/query-engine.js";
import { alias, col, collectRows, fn, lit, local, range, testCtx } from "./helpers.js";
import type { LogicalPlan } from "../../src/plan/logical-plan.js";

const people = local(structType([structField("name", StringType), structField("age", LongType)]), [
  ["Alice", 2],
  ["Bob", 5],
  [null, 7],
  ["Carol", null],
]);

describe("executeQuery", () => {
  it("runs range → project → filter in partition order", async () => {
    const plan: LogicalPlan = {
      kind: "Filter",
      input: { kind: "Project", input: range(0, 20, 1, 3), exprs: [col("id"), alias(fn("*", col("id"), lit(2, LongType)), "x")] },
      condition: fn(">", col("x"), lit(10, LongType)),
    };
    const rows = await collectRows(plan);
    expect(rows).toEqual(Array.from({ length: 14 }, (_, i) => [i + 6, (i + 6) * 2]));
  });

  it("groups with sum/count/avg/min/max and nulls", async () => {
    const data = local(structType([structField("k", StringType), structField("v", IntegerType)]), [
      ["a", 1],
      ["b", 2],
      ["a", null],
      [null, 4],
      ["a", 3],
    ]);
    const plan: LogicalPlan = {
      kind: "Sort",
      global: true,
      orders: [{ kind: "SortOrder", child: col("k"), ascending: true, nullsFirst: true }],
      input: {
        kind: "Aggregate",
        input: data,
        groupBy: [col("k")],
        aggs: [
          alias(fn("sum", col("v")), "s"),
          alias(fn("count", col("v")), "c"),
          alias(fn("avg", col("v")), "a"),
          alias(fn("min", col("v")), "mn"),
          alias(fn("max", col("v")), "mx"),
        ],
      },
    };
    expect(await collectRows(plan)).toEqual([
      [null, 4, 1, 4, 4, 4],
      ["a", 4, 2, 2, 1, 3],
      ["b", 2, 1, 2, 2, 2],
    ]);
  });

  it("gives one row for a global aggregate over no rows", async () => {
    const plan: LogicalPlan = {
      kind: "Aggregate",
      input: range(0, 0),
      groupBy: [],
      aggs: [alias(fn("count", lit(1, IntegerType)), "c"), alias(fn("sum", col("id")), "s")],
    };
    expect(await collectRows(plan)).toEqual([[0, null]]);
  });

  it("joins inner and left with null keys never matching", async () => {
    const r = local(structType([structField("age2", LongType), structField("tag", StringType)]), [
      [2, "two"],
      [null, "none"],
      [7, "seven"],
    ]);
    const mk = (joinType: "inner" | "left" | "full" | "left_anti"): LogicalPlan => ({
      kind: "Join",
      left: people,
      right: r,
      joinType,
      condition: fn("==", col("age"), col("age2")),
    });
    expect(await collectRows(mk("inner"))).toEqual([
      ["Alice", 2, 2, "two"],
      [null, 7, 7, "seven"],
    ]);
    expect(await collectRows(mk("left"))).toEqual([
      ["Alice", 2, 2, "two"],
      ["Bob", 5, null, null],
      [null, 7, 7, "seven"],
      ["Carol", null, null, null],
    ]);
    expect((await collectRows(mk("full"))).length).toBe(5);
    expect(await collectRows(mk("left_anti"))).toEqual([
      ["Bob", 5],
      ["Carol", null],
    ]);
  });

  it("sorts desc with nulls last and limits", async () => {
    const plan: LogicalPlan = {
      kind: "Limit",
      n: 3,
      input: {
        kind: "Sort",
        global: true,
        orders: [{ kind: "SortOrder", child: col("age"), ascending: false, nullsFirst: false }],
        input: people,
      },
    };
    expect(await collectRows(plan)).toEqual([
      [null, 7],
      ["Bob", 5],
      ["Alice", 2],
    ]);
  });

  it("shows like PySpark", async () => {
    const text = await showQuery(people, 2, 20, false, testCtx());
    expect(text).toContain("only showing top 2 rows");
    expect(text.split("\n")[1]).toBe("| name|age|");
  });

  it("analyzes the schema and explains the physical plan", () => {
    const plan: LogicalPlan = { kind: "Project", input: range(0, 10, 1, 2), exprs: [col("id")] };
    expect(analyzeSchema(plan, testCtx()).fields.map((f) => f.name)).toEqual(["id"]);
    const text = explainQuery({ kind: "Filter", input: plan, condition: fn(">", col("id"), lit(5, LongType)) }, "simple", testCtx());
    // the identity Project is no operator (Spark's RemoveRedundantProjects), as PySpark prints it
    expect(text).toMatch(/^== Physical Plan ==\n\*\(1\) Filter \(id#\d+L > 5\)\n\+- \*\(1\) Range \(0, 10, step=1, splits=2\)\n\n$/);
  });
});
