import { describe, expect, it } from "vitest";
import { analyzeSchema } from "../../src/engine/query-engine.js";
import type { LogicalPlan } from "../../src/plan/logical-plan.js";
import { decimalType, StringType, structField, structType } from "../../src/types/data-type.js";
import { alias, col, collectRows, fn, local, testCtx } from "../engine/helpers.js";

describe("decimal aggregates", () => {
  const data = local(structType([structField("k", StringType), structField("d", decimalType(5, 2))]), [
    ["a", "1.50"],
    ["a", "2.25"],
    ["a", null],
    ["b", "-10.00"],
    ["b", "9.99"],
  ]);
  const plan: LogicalPlan = {
    kind: "Sort",
    global: true,
    orders: [{ kind: "SortOrder", child: col("k"), ascending: true, nullsFirst: true }],
    input: {
      kind: "Aggregate",
      input: data,
      groupBy: [col("k")],
      aggs: [alias(fn("sum", col("d")), "s"), alias(fn("avg", col("d")), "a"), alias(fn("min", col("d")), "mn"), alias(fn("max", col("d")), "mx")],
    },
  };

  it("sums, averages and compares exactly with Spark's result types", async () => {
    expect(analyzeSchema(plan, testCtx()).fields.map((f) => f.dataType)).toEqual([
      StringType,
      decimalType(15, 2),
      decimalType(9, 6),
      decimalType(5, 2),
      decimalType(5, 2),
    ]);
    expect(await collectRows(plan)).toEqual([
      ["a", "3.75", "1.875000", "1.50", "2.25"],
      ["b", "-0.01", "-0.005000", "-10.00", "9.99"],
    ]);
  });

  it("groups by a decimal key (compact and wide), nulls included", async () => {
    const keyed = local(structType([structField("d", decimalType(5, 2)), structField("w", decimalType(30, 4))]), [
      ["1.50", "12345678901234567890.1234"],
      ["-2.00", null],
      ["1.50", "12345678901234567890.1234"],
      [null, "-0.0001"],
    ]);
    const by = (key: string): LogicalPlan => ({
      kind: "Sort",
      global: true,
      orders: [{ kind: "SortOrder", child: col(key), ascending: true, nullsFirst: true }],
      input: { kind: "Aggregate", input: keyed, groupBy: [col(key)], aggs: [alias(fn("count", col(key)), "n")] },
    });
    expect(await collectRows(by("d"))).toEqual([
      [null, 0],
      ["-2.00", 1],
      ["1.50", 2],
    ]);
    expect(await collectRows(by("w"))).toEqual([
      [null, 0],
      ["-0.0001", 1],
      ["12345678901234567890.1234", 2],
    ]);
  });
});
