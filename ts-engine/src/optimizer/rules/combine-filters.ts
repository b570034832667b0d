import type { LogicalPlan } from "../../plan/logical-plan.js";
import { filter } from "../../plan/nodes/index.js";
import { transformPlanDown } from "../../plan/transform.js";
import { containsExpr, deterministic } from "../constraints.js";
import { andAll, splitConjuncts } from "../join-keys.js";
import type { OptimizerRule } from "../rule.js";

/**
 * Spark's CombineFilters: a filter over a deterministic filter is one filter, the lower
 * condition first and the upper's conjuncts it already has left out.
 */
export const combineFilters: OptimizerRule = {
  name: "CombineFilters",
  apply(plan: LogicalPlan): LogicalPlan {
    return transformPlanDown(plan, (p) => {
      if (p.kind !== "Filter" || p.input.kind !== "Filter" || !deterministic(p.input.condition)) return p;
      const lower = splitConjuncts(p.input.condition);
      const upper = splitConjuncts(p.condition);
      if (!upper.every(deterministic)) return p;
      const extra = andAll(upper.filter((c) => !containsExpr(lower, c)));
      return extra === undefined ? p.input : filter(p.input.input, andAll([p.input.condition, extra])!);
    });
  },
};
