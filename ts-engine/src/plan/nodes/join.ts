import type { Expr } from "../../expr/expr.js";
import type { Join, JoinType, LogicalPlan } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkBoolean, checkNoAgg, checkReads } from "./check.js";

/** Joins `left` and `right`; the optional condition is a boolean over both sides' attributes. */
export function join(left: LogicalPlan, right: LogicalPlan, joinType: JoinType, condition?: Expr): Join {
  if (condition === undefined) return Object.freeze({ kind: "Join", left, right, joinType });
  checkBoolean(condition, "Join");
  checkNoAgg([condition], "Join");
  checkReads([condition], [...outputOf(left), ...outputOf(right)], "Join");
  return Object.freeze({ kind: "Join", left, right, joinType, condition });
}
