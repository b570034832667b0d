import type { Expr } from "../../expr/expr.js";
import type { Filter, LogicalPlan } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkBoolean, checkNoAgg, checkReads } from "./check.js";

/** Keeps the rows where `condition` holds: a boolean over `input`'s attributes, without aggregates. */
export function filter(input: LogicalPlan, condition: Expr): Filter {
  checkBoolean(condition, "Filter");
  checkNoAgg([condition], "Filter");
  checkReads([condition], outputOf(input), "Filter");
  return Object.freeze({ kind: "Filter", input, condition });
}
