import type { Expr } from "../../expr/expr.js";
import type { Join, LogicalPlan } from "../../plan/logical-plan.js";
import { filter, join } from "../../plan/nodes/index.js";
import { outputOf } from "../../plan/output.js";
import { referencedIds, transformPlanDown } from "../../plan/transform.js";
import { constraintsOf, containsExpr, deterministic, inferredByEquality, notNullConstraints } from "../constraints.js";
import { andAll, splitConjuncts } from "../join-keys.js";
import type { OptimizerRule } from "../rule.js";

/**
 * The filter a join side gains from what the join knows (Spark's inferNewFilter): the
 * constraints that read only that side, and IS NOT NULL of its columns the join's condition
 * is null-intolerant on, less what the side already guarantees. The side itself when nothing is new.
 */
function inferNewFilter(side: LogicalPlan, constraints: readonly Expr[]): LogicalPlan {
  const out = new Set(outputOf(side).map((a) => a.exprId));
  const own = constraintsOf(side);
  const fresh = [...constraints, ...notNullConstraints(constraints)].filter((c) => {
    const ids = referencedIds(c);
    return ids.size > 0 && [...ids].every((id) => out.has(id)) && deterministic(c) && !containsExpr(own, c);
  });
  const cond = andAll(fresh);
  return cond === undefined ? side : filter(side, cond);
}

function inferIntoJoin(j: Join): LogicalPlan {
  const canLeft = j.joinType === "inner" || j.joinType === "cross" || j.joinType === "left_semi" || j.joinType === "right";
  const canRight = j.joinType === "inner" || j.joinType === "cross" || j.joinType === "left_semi" || j.joinType === "left" || j.joinType === "left_anti";
  if ((!canLeft && !canRight) || j.condition === undefined) return j;
  const base: Expr[] = [...constraintsOf(j.left)];
  for (const c of [...constraintsOf(j.right), ...splitConjuncts(j.condition).filter(deterministic)]) if (!containsExpr(base, c)) base.push(c);
  const all = [...base, ...inferredByEquality(base)];
  const left = canLeft ? inferNewFilter(j.left, all) : j.left;
  const right = canRight ? inferNewFilter(j.right, all) : j.right;
  return left === j.left && right === j.right ? j : join(left, right, j.joinType, j.condition, j.hint);
}

/**
 * Spark's InferFiltersFromConstraints on joins: an inner or semi join's sides (the side an
 * outer join does not preserve) filter rows the join condition would drop anyway, such as a
 * null key (`isnotnull(k)`) or a key another side pins (`a.k = 3 AND a.k = b.k` → `b.k = 3`),
 * before the join. A filter over a scan gets its own IS NOT NULL constraints at planning
 * (exec/plan-file-scan.ts).
 */
export const inferFiltersFromConstraints: OptimizerRule = {
  name: "InferFiltersFromConstraints",
  apply(plan: LogicalPlan): LogicalPlan {
    return transformPlanDown(plan, (p) => (p.kind === "Join" ? inferIntoJoin(p) : p));
  },
};
