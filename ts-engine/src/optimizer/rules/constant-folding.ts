import { makeBatch } from "../../columnar/batch.js";
import { vectorToValues } from "../../columnar/rows.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { Alias, Expr } from "../../expr/expr.js";
import { isNondeterministicFunction, lookupFunction } from "../../expr/functions/registry.js";
import { exprType } from "../../expr/expr-type.js";
import type { LogicalPlan } from "../../plan/logical-plan.js";
import { aggregate, filter, project, window, collectMetrics } from "../../plan/nodes/index.js";
import { structType } from "../../types/data-type.js";
import type { OptimizerRule } from "../rule.js";
import { mapExprChildren, transformPlanUp } from "../../plan/transform.js";

const EMPTY = makeBatch(structType([]), [], 1);

const ZONE_FREE = new Set(["boolean", "byte", "short", "integer", "long", "float", "double", "decimal"]);

// Casts fold only where Spark's Cast.needsTimeZone is false: between zone-free types, and
// between strings and dates (a date has no time zone; timestamps do).
function foldable(e: Expr): boolean {
  if (e.kind === "Cast") {
    if (e.child.kind !== "Literal") return false;
    const from = e.child.dataType.kind;
    const to = e.dataType.kind;
    return (ZONE_FREE.has(to) && ZONE_FREE.has(from)) || (from === "string" && to === "date") || (from === "date" && to === "string");
  }
  if (e.kind !== "ScalarCall") return false;
  const def = lookupFunction(e.fn);
  if (def?.kind === "scalar" && def.sessionDependent === true) return false;
  return !isNondeterministicFunction(e.fn) && e.args.every((a) => a.kind === "Literal");
}

function fold(e: Expr): Expr {
  const x = mapExprChildren(e, fold);
  if (!foldable(x)) return x;
  try {
    // session-independent defaults; a failure (e.g. ANSI overflow) is left for run time
    const v = evaluate(x, EMPTY, { ansi: true, timeZone: "UTC" });
    return { kind: "Literal", value: vectorToValues(v)[0] ?? null, dataType: exprType(x) };
  } catch {
    return x;
  }
}

function foldAll(es: readonly Expr[]): readonly Expr[] {
  const out = es.map(fold);
  return out.every((e, i) => e === es[i]) ? es : out;
}

/** Evaluates scalar calls (and numeric and string↔date casts) whose inputs are all literals once, at plan time, in Project, Filter, Aggregate, Window arguments and observed metrics. */
export const constantFolding: OptimizerRule = {
  name: "ConstantFolding",
  apply(plan: LogicalPlan): LogicalPlan {
    return transformPlanUp(plan, (p) => {
      if (p.kind === "Project") {
        const exprs = foldAll(p.exprs);
        return exprs === p.exprs ? p : project(p.input, exprs);
      }
      if (p.kind === "Filter") {
        const condition = fold(p.condition);
        return condition === p.condition ? p : filter(p.input, condition);
      }
      if (p.kind === "Window") {
        // Literal sub-expressions of window functions' arguments (lead(x, 1, 5)'s cast of 5), never the window calls themselves.
        const windowExprs = p.windowExprs.map((a) => {
          const w = a.child;
          if (w.kind !== "WindowExpression") return a;
          const args = foldAll(w.fn.args);
          return args === w.fn.args ? a : { ...a, child: { ...w, fn: { ...w.fn, args } } };
        });
        return windowExprs.every((a, i) => a === p.windowExprs[i]) ? p : window(p.input, windowExprs, p.partitionSpec, p.orderSpec);
      }
      if (p.kind === "Aggregate") {
        // Literal sub-expressions inside aggregate arguments (sum(price * (1 - disc))'s cast of 1).
        const groupBy = foldAll(p.groupBy);
        const aggs = foldAll(p.aggs);
        return groupBy === p.groupBy && aggs === p.aggs ? p : aggregate(p.input, groupBy, aggs);
      }
      if (p.kind === "CollectMetrics") {
        // observed metrics are aggregate expressions too ((sum(x) * cast(2 as double)) prints as * 2.0)
        const metrics = foldAll(p.metrics);
        return metrics === p.metrics ? p : collectMetrics(p.input, p.name, metrics.filter((m): m is Alias => m.kind === "Alias"), p.observationId);
      }
      return p;
    });
  },
};
