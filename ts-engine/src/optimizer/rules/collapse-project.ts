import type { Expr } from "../../expr/expr.js";
import { isNondeterministicFunction } from "../../expr/functions/registry.js";
import type { LogicalPlan } from "../../plan/logical-plan.js";
import { project } from "../../plan/nodes/index.js";
import type { OptimizerRule } from "../rule.js";
import { exprExists, transformExprUp, transformPlanUp } from "../../plan/transform.js";

function costly(e: Expr): boolean {
  return exprExists(e, (x) => x.kind === "PythonUDF" || x.kind === "AggCall" || (x.kind === "ScalarCall" && isNondeterministicFunction(x.fn)));
}

/**
 * Project over Project becomes one Project: the outer expressions are rewritten over the
 * inner input, so a chain of withColumn calls evaluates in a single pass. Skipped when an
 * inner value is non-deterministic or a Python UDF (it must not be evaluated twice).
 */
export const collapseProject: OptimizerRule = {
  name: "CollapseProject",
  apply(plan: LogicalPlan): LogicalPlan {
    return transformPlanUp(plan, (p) => {
      if (p.kind !== "Project" || p.input.kind !== "Project") return p;
      const inner = p.input;
      if (inner.exprs.some(costly)) return p;
      const defs = new Map<number, Expr>();
      for (const e of inner.exprs) if (e.kind === "Alias" && e.exprId !== undefined) defs.set(e.exprId, e.child);
      const exprs = p.exprs.map((e) => {
        if (e.kind === "AttributeRef" && defs.has(e.exprId)) {
          const alias: Expr = { kind: "Alias", child: defs.get(e.exprId)!, name: e.name, exprId: e.exprId };
          return alias;
        }
        return transformExprUp(e, (x) => (x.kind === "AttributeRef" ? (defs.get(x.exprId) ?? x) : x));
      });
      return project(inner.input, exprs);
    });
  },
};
