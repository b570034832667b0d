import { describe, expect, it } from "vitest";
import type { Expr } from "../../src/expr/expr.js";
import type { LogicalPlan } from "../../src/plan/logical-plan.js";
import { BooleanType, LongType, StringType, structField, structType } from "../../src/types/data-type.js";
import { alias, col, collectRows, fn, lit, local } from "../engine/helpers.js";

const data = local(structType([structField("k", StringType), structField("v", LongType)]), [
  ["a", null],
  ["a", 1],
  ["a", 2],
  ["a", 3],
  ["a", 4],
  ["a", 4],
  ["b", 7],
]);

function global(...aggs: Expr[]): LogicalPlan {
  return { kind: "Aggregate", input: { kind: "Filter", input: data, condition: fn("==", col("k"), lit("a", StringType)) }, groupBy: [], aggs: aggs.map((a, i) => alias(a, `c${i}`)) };
}

describe("more aggregates", () => {
  it("stddev/variance like Spark (sample forms null for one value)", async () => {
    const [row] = await collectRows(global(fn("stddev", col("v")), fn("var_pop", col("v")), fn("variance", col("v"))));
    expect(row![0]).toBeCloseTo(1.3038404810405297, 12);
    expect(row![1]).toBeCloseTo(1.36, 12);
    expect(row![2]).toBeCloseTo(1.7, 12);
    const one: LogicalPlan = { kind: "Aggregate", input: data, groupBy: [col("k")], aggs: [alias(fn("stddev_samp", col("v")), "s"), alias(fn("stddev_pop", col("v")), "p")] };
    const rows = (await collectRows(one)).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(rows[1]).toEqual(["b", null, 0]);
  });

  it("first/last keep nulls unless asked to ignore them", async () => {
    const [row] = await collectRows(
      global(fn("first", col("v")), fn("first", col("v"), lit(true, BooleanType)), fn("last", col("v"))),
    );
    expect(row).toEqual([null, 1, 4]);
  });

  it("collect_list/collect_set skip nulls; approx_count_distinct counts", async () => {
    const [row] = await collectRows(global(fn("collect_list", col("v")), fn("collect_set", col("v")), fn("approx_count_distinct", col("v"))));
    expect(row).toEqual([[1, 2, 3, 4, 4], [1, 2, 3, 4], 4]);
  });
});

