import { assertNever } from "../errors/assert-never.js";
import type { Expr } from "../expr/expr.js";
import { exprChildren, exprExists, transformExpr, withNewChildren } from "../expr/transform.js";
import type { LogicalPlan } from "./logical-plan.js";
import { aggregate, batchEvalPython, expand, filter, generate, insertIntoFiles, join, limit, offset, project, repartition, sample, sort, union, window, collectMetrics, pythonCoGroup, pythonMapGroups, pythonUdtf } from "./nodes/index.js";

function sameArray<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** `e` with `f` applied to each direct child; the same reference when no child changed. */
export function mapExprChildren(e: Expr, f: (c: Expr) => Expr): Expr {
  const kids = exprChildren(e);
  return kids.length === 0 ? e : withNewChildren(e, kids.map(f));
}

/** Bottom-up rewrite of an expression tree. */
export const transformExprUp: (e: Expr, f: (e: Expr) => Expr) => Expr = transformExpr;

/** Top-down rewrite: `f` returns a replacement or undefined to recurse into the children. */
export function transformExprDown(e: Expr, f: (e: Expr) => Expr | undefined): Expr {
  const r = f(e);
  if (r !== undefined) return r;
  return mapExprChildren(e, (c) => transformExprDown(c, f));
}

/** Whether any node of `e` satisfies `p` (expr/transform.ts's, re-exported for rules). */
export { exprExists };

/** exprIds of the AttributeRefs `e` reads. */
export function referencedIds(e: Expr, into: Set<number> = new Set()): Set<number> {
  if (e.kind === "AttributeRef") into.add(e.exprId);
  for (const c of exprChildren(e)) referencedIds(c, into);
  return into;
}

/** The direct inputs of a plan node. */
export function planChildren(p: LogicalPlan): readonly LogicalPlan[] {
  switch (p.kind) {
    case "Range":
    case "LocalRelation":
    case "InMemoryRelation":
    case "FileScan":
      return [];
    case "Join":
    case "PythonCoGroup":
      return [p.left, p.right];
    case "Union":
      return p.inputs;
    case "Project":
    case "Filter":
    case "Aggregate":
    case "Sort":
    case "Limit":
    case "BatchEvalPython":
    case "Generate":
    case "InsertIntoFiles":
    case "Expand":
    case "Sample":
    case "Window":
    case "Offset":
    case "Repartition":
    case "CollectMetrics":
    case "PythonMapGroups":
    case "PythonUDTF":
      return [p.input];
    default:
      return assertNever(p);
  }
}

/** `p` with `f` applied to each direct input; the same reference when none changed. */
export function mapPlanChildren(p: LogicalPlan, f: (c: LogicalPlan) => LogicalPlan): LogicalPlan {
  switch (p.kind) {
    case "Range":
    case "LocalRelation":
    case "InMemoryRelation":
    case "FileScan":
      return p;
    case "Join": {
      const l = f(p.left);
      const r = f(p.right);
      return l === p.left && r === p.right ? p : join(l, r, p.joinType, p.condition, p.hint);
    }
    case "Union": {
      const inputs = p.inputs.map(f);
      return sameArray(inputs, p.inputs) ? p : union(inputs);
    }
    case "Project": {
      const c = f(p.input);
      return c === p.input ? p : project(c, p.exprs);
    }
    case "Filter": {
      const c = f(p.input);
      return c === p.input ? p : filter(c, p.condition);
    }
    case "Aggregate": {
      const c = f(p.input);
      return c === p.input ? p : aggregate(c, p.groupBy, p.aggs);
    }
    case "Sort": {
      const c = f(p.input);
      return c === p.input ? p : sort(c, p.orders, p.global);
    }
    case "Limit": {
      const c = f(p.input);
      return c === p.input ? p : limit(c, p.n);
    }
    case "BatchEvalPython": {
      const c = f(p.input);
      return c === p.input ? p : batchEvalPython(c, p.udfs, p.resultAttrs);
    }
    case "Generate": {
      const c = f(p.input);
      return c === p.input ? p : generate(c, p.generator, p.outer, p.generatorOutput);
    }
    case "InsertIntoFiles": {
      const c = f(p.input);
      return c === p.input ? p : insertIntoFiles(c, p.format, p.path, p.mode, p.options, p.partitionBy, p.bucketId);
    }
    case "Expand": {
      const c = f(p.input);
      return c === p.input ? p : expand(c, p.projections, p.output);
    }
    case "Sample": {
      const c = f(p.input);
      return c === p.input ? p : sample(c, p.lowerBound, p.upperBound, p.withReplacement, p.seed);
    }
    case "Window": {
      const c = f(p.input);
      return c === p.input ? p : window(c, p.windowExprs, p.partitionSpec, p.orderSpec);
    }
    case "Offset": {
      const c = f(p.input);
      return c === p.input ? p : offset(c, p.n);
    }
    case "Repartition": {
      const c = f(p.input);
      return c === p.input ? p : repartition(c, p.scheme, p.numPartitions);
    }
    case "CollectMetrics": {
      const c = f(p.input);
      return c === p.input ? p : collectMetrics(c, p.name, p.metrics, p.observationId);
    }
    case "PythonMapGroups": {
      const c = f(p.input);
      return c === p.input ? p : pythonMapGroups(c, p.groupBy, p.udf, p.output, p.isBarrier);
    }
    case "PythonCoGroup": {
      const l = f(p.left);
      const r = f(p.right);
      return l === p.left && r === p.right ? p : pythonCoGroup(l, r, p.leftGroupBy, p.rightGroupBy, p.udf, p.output);
    }
    case "PythonUDTF": {
      const c = f(p.input);
      return c === p.input ? p : pythonUdtf(c, p);
    }
    default:
      return assertNever(p);
  }
}

/** Bottom-up rewrite of a plan tree; identity is kept where `f` changes nothing. */
export function transformPlanUp(p: LogicalPlan, f: (p: LogicalPlan) => LogicalPlan): LogicalPlan {
  return f(mapPlanChildren(p, (c) => transformPlanUp(c, f)));
}

/** Top-down rewrite of a plan tree. */
export function transformPlanDown(p: LogicalPlan, f: (p: LogicalPlan) => LogicalPlan): LogicalPlan {
  const q = f(p);
  return mapPlanChildren(q, (c) => transformPlanDown(c, f));
}

/** Whether any node of the plan tree satisfies `pred`. */
export function planExists(p: LogicalPlan, pred: (p: LogicalPlan) => boolean): boolean {
  return pred(p) || planChildren(p).some((c) => planExists(c, pred));
}
