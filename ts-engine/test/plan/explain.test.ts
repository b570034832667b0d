import { describe, expect, it } from "vitest";
import { explainQuery } from "../../src/engine/query-engine.js";
import type { LogicalPlan } from "../../src/plan/logical-plan.js";
import { IntegerType, LongType, StringType, structField, structType } from "../../src/types/data-type.js";
import { alias, col, fn, lit, local, testCtx } from "../engine/helpers.js";

// Shapes recorded from PySpark 4.0.1's df.explain(); expression ids and plan_ids are tspark's own.
const ids = (s: string): string => s.replace(/#\d+/g, "#N").replace(/plan_id=\d+/g, "plan_id=N");

const withK: LogicalPlan = {
  kind: "WithColumns",
  input: { kind: "Range", start: 0, end: 100, step: 1, numPartitions: 2 },
  names: ["k"],
  exprs: [fn("%", col("id"), lit(10, IntegerType))],
};

describe("explain", () => {
  it("prints a grouped aggregate as partial → exchange → final under AdaptiveSparkPlan", () => {
    const plan: LogicalPlan = { kind: "Aggregate", input: withK, groupBy: [col("k")], aggs: [alias(fn("sum", col("id")), "s")] };
    const text = ids(explainQuery(plan, "simple", testCtx()));
    expect(text.split("\n").slice(0, 5)).toEqual([
      "== Physical Plan ==",
      "AdaptiveSparkPlan isFinalPlan=false",
      "+- HashAggregate(keys=[k#NL], functions=[sum(id#NL)])",
      "   +- Exchange hashpartitioning(k#NL, 200), ENSURE_REQUIREMENTS, [plan_id=N]",
      "      +- HashAggregate(keys=[k#NL], functions=[partial_sum(id#NL)])",
    ]);
    expect(text).toContain("            +- Range (0, 100, step=1, splits=2)");
  });

  it("prunes the projection under a global count to an empty Project", () => {
    const plan: LogicalPlan = { kind: "Aggregate", input: withK, groupBy: [], aggs: [fn("count", lit(1, IntegerType))] };
    expect(ids(explainQuery(plan, "simple", testCtx())).split("\n").slice(2)).toEqual([
      "+- HashAggregate(keys=[], functions=[count(1)])",
      "   +- Exchange SinglePartition, ENSURE_REQUIREMENTS, [plan_id=N]",
      "      +- HashAggregate(keys=[], functions=[partial_count(1)])",
      "         +- Project",
      "            +- Range (0, 100, step=1, splits=2)",
      "",
      "",
    ]);
  });

  it("marks codegen stages and prints local rows as Scan ExistingRDD", () => {
    const l = local(structType([structField("k", LongType), structField("v", StringType)]), [[1, "a"]]);
    const u: LogicalPlan = { kind: "Union", inputs: [l, l], byName: false, allowMissingColumns: false };
    expect(ids(explainQuery(u, "simple", testCtx()))).toBe(
      "== Physical Plan ==\nUnion\n:- *(1) Scan ExistingRDD[k#NL,v#N]\n+- *(2) Scan ExistingRDD[k#NL,v#N]\n\n",
    );
    expect(ids(explainQuery({ kind: "Limit", n: 3, input: l }, "simple", testCtx()))).toBe(
      "== Physical Plan ==\nCollectLimit 3\n+- *(1) Scan ExistingRDD[k#NL,v#N]\n\n",
    );
  });

  it("extended adds the logical sections with the analyzed schema", () => {
    const text = explainQuery(withK, "extended", testCtx());
    expect(text).toContain("== Analyzed Logical Plan ==\nid: bigint, k: bigint\n");
    expect(text).toContain("== Optimized Logical Plan ==");
    expect(text).toContain("== Physical Plan ==");
  });
});
