import type { Expr } from "../../expr/expr.js";
import type { Join, JoinHint, JoinType, LogicalPlan } from "../logical-plan.js";
import { outputOf } from "../output.js";
import { checkBoolean, checkNoAgg, checkReads } from "./check.js";

/**
 * Joins `left` and `right`; the optional condition is a boolean over both sides' attributes,
 * the optional hint the strategy hints found on each side.
 */
export function join(left: LogicalPlan, right: LogicalPlan, joinType: JoinType, condition?: Expr, hint?: JoinHint): Join {
  const hinted = hint === undefined || (hint.left === undefined && hint.right === undefined) ? {} : { hint };
  if (condition === undefined) return Object.freeze({ kind: "Join", left, right, joinType, ...hinted });
  checkBoolean(condition, "Join");
  checkNoAgg([condition], "Join");
  checkReads([condition], [...outputOf(left), ...outputOf(right)], "Join");
  return Object.freeze({ kind: "Join", left, right, joinType, condition, ...hinted });
}
