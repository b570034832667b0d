import type { Expr } from "../../expr/expr.js";
import type { Aggregate, LogicalPlan } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkNamed, checkNoAgg, checkReads } from "./check.js";

/** Groups `input` by `groupBy` (no aggregates there); `aggs` is the named output list over `input`. */
export function aggregate(input: LogicalPlan, groupBy: readonly Expr[], aggs: readonly Expr[]): Aggregate {
  checkNoAgg(groupBy, "Aggregate");
  checkNamed(aggs, "Aggregate");
  const attrs = outputOf(input);
  checkReads(groupBy, attrs, "Aggregate");
  checkReads(aggs, attrs, "Aggregate");
  return Object.freeze({ kind: "Aggregate", input, groupBy, aggs });
}
