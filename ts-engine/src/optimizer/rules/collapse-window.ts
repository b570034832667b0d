import { exprSemanticEquals } from "../../expr/expr-equals.js";
import type { AttributeRef, Expr } from "../../expr/expr.js";
import type { LogicalPlan, Window } from "../../plan/logical-plan.js";
import { project, window } from "../../plan/nodes/index.js";
import { outputOf } from "../../plan/output.js";
import type { OptimizerRule } from "../rule.js";
import { referencedIds, transformPlanUp } from "../../plan/transform.js";

function sameList(a: readonly Expr[], b: readonly Expr[]): boolean {
  return a.length === b.length && a.every((e, i) => exprSemanticEquals(e, b[i]!));
}

/** Whether `exprs` are exactly the attributes `attrs`, in order. */
function sameAttrs(exprs: readonly Expr[], attrs: readonly AttributeRef[]): boolean {
  return exprs.length === attrs.length && exprs.every((e, i) => e.kind === "AttributeRef" && e.exprId === attrs[i]!.exprId);
}

function isPythonWindow(w: Window): boolean {
  return w.windowExprs.some((a) => a.child.kind === "WindowExpression" && a.child.fn.kind === "PythonUDF");
}

function collapse(p: LogicalPlan): LogicalPlan {
  // a projection of exactly a window's columns is no-op (Spark's RemoveNoopOperators)
  if (p.kind === "Project" && p.input.kind === "Window" && sameAttrs(p.exprs, outputOf(p.input))) {
    return p.input;
  }
  if (p.kind !== "Window") return p;
  // a projection of plain columns between the two windows (withColumn's) moves above them
  const between = p.input.kind === "Project" && p.input.exprs.every((e) => e.kind === "AttributeRef") ? p.input : undefined;
  const below = between === undefined ? p.input : between.input;
  if (below.kind !== "Window" || !sameList(p.partitionSpec, below.partitionSpec) || !sameList(p.orderSpec, below.orderSpec)) return p;
  // Spark's CollapseWindow keeps pandas UDF windows and SQL windows apart (WindowFunctionType)
  if (isPythonWindow(p) !== isPythonWindow(below)) return p;
  const lowerIds = new Set(below.windowExprs.map((a) => a.exprId));
  for (const a of p.windowExprs) for (const id of referencedIds(a)) if (lowerIds.has(id)) return p;
  const merged: Window = window(below.input, [...below.windowExprs, ...p.windowExprs], p.partitionSpec, p.orderSpec);
  if (between === undefined) return merged;
  const want = outputOf(p);
  return sameAttrs(want, outputOf(merged)) ? merged : project(merged, want);
}

/**
 * Spark's CollapseWindow: a Window directly over another with the same partition and order
 * keys (through a projection of plain columns), whose expressions do not read the lower
 * one's, becomes one Window computing both, so the rows are sorted and walked once.
 */
export const collapseWindow: OptimizerRule = {
  name: "CollapseWindow",
  apply(plan: LogicalPlan): LogicalPlan {
    return transformPlanUp(plan, collapse);
  },
};
