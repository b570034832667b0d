import type { LogicalPlan } from "../plan/logical-plan.js";

/**
 * One named rewrite of a resolved logical plan. `apply` returns the very same reference
 * when it changes nothing, which is how the optimizer knows it reached a fixed point.
 */
export interface OptimizerRule {
  readonly name: string;
  apply(plan: LogicalPlan): LogicalPlan;
}
