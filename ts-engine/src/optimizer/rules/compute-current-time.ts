import type { Expr } from "../../expr/expr.js";
import { currentTimeLiteral } from "../../expr/functions/datetime-current.js";
import { transformExpr } from "../../expr/transform.js";
import type { LogicalPlan } from "../../plan/logical-plan.js";
import { aggregate, filter, project } from "../../plan/nodes/index.js";
import { transformPlanUp } from "../../plan/transform.js";

/** The rule's name, as `spark.sql.optimizer.excludedRules` lists it. */
export const COMPUTE_CURRENT_TIME = "ComputeCurrentTime";

/**
 * Spark's ComputeCurrentTime: every current_date / current_timestamp / now / localtimestamp
 * of one query becomes a literal of the same instant `nowUs`, so that `current_timestamp()
 * == now()` holds and every task and batch sees one time. It runs once per optimize(), not
 * to a fixed point (a second run would take a later instant).
 */
export function computeCurrentTime(plan: LogicalPlan, nowUs: number, timeZone: string): LogicalPlan {
  const fix = (e: Expr): Expr =>
    transformExpr(e, (x) => (x.kind === "ScalarCall" && x.args.length === 0 ? (currentTimeLiteral(x.fn, nowUs, timeZone) ?? x) : x));
  const fixAll = (es: readonly Expr[]): readonly Expr[] => {
    const out = es.map(fix);
    return out.every((e, i) => e === es[i]) ? es : out;
  };
  return transformPlanUp(plan, (p) => {
    switch (p.kind) {
      case "Project": {
        const exprs = fixAll(p.exprs);
        return exprs === p.exprs ? p : project(p.input, exprs);
      }
      case "Filter": {
        const condition = fix(p.condition);
        return condition === p.condition ? p : filter(p.input, condition);
      }
      case "Aggregate": {
        const groupBy = fixAll(p.groupBy);
        const aggs = fixAll(p.aggs);
        return groupBy === p.groupBy && aggs === p.aggs ? p : aggregate(p.input, groupBy, aggs);
      }
      default:
        // Other operators keep their calls, which the kernel evaluates at run time.
        return p;
    }
  });
}
