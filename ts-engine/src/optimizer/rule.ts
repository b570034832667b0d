import type { LogicalPlan } from "../plan/logical-plan.js";
import type { SqlConf } from "../conf/sql-conf.js";

/**
 * One named rewrite of a resolved logical plan. `apply` returns the very same reference
 * when it changes nothing, which is how the optimizer knows it reached a fixed point.
 */
export interface OptimizerRule {
  readonly name: string;
  /** `conf`: the session's settings, for the rules whose rewrite depends on one. */
  apply(plan: LogicalPlan, conf?: SqlConf): LogicalPlan;
}
