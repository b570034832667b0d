import type { AttributeRef, Expr } from "../../expr/expr.js";
import { exprExists } from "../../expr/transform.js";
import type { LogicalPlan } from "../logical-plan.js";
import { project } from "../nodes/index.js";
import { outputOf } from "../output.js";
import type { Resolved } from "./context.js";

/**
 * The child's plan with the hidden columns that `exprs` name added to its projection, as
 * Spark's AddMetadataColumns adds a Project's hidden output (a using-join's keys of both
 * sides) when a parent refers to it: `df1.join(df2, "k").select(df2["k"])`. The child itself
 * when nothing hidden is named.
 */
export function exposeHidden(child: Resolved, exprs: readonly Expr[]): LogicalPlan {
  const hidden = child.hidden;
  const p = child.plan;
  if (hidden === undefined || hidden.length === 0 || p.kind !== "Project") return p;
  const shown = new Set(outputOf(p).map((a) => a.exprId));
  const byId = new Map(hidden.map((a) => [a.exprId, a]));
  const used = new Map<number, AttributeRef>();
  for (const e of exprs) {
    exprExists(e, (x) => {
      const h = x.kind === "AttributeRef" && !shown.has(x.exprId) ? byId.get(x.exprId) : undefined;
      if (h !== undefined) used.set(h.exprId, h);
      return false;
    });
  }
  return used.size === 0 ? p : project(p.input, [...p.exprs, ...used.values()]);
}
