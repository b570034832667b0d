import { AnalysisException } from "../../../errors/spark-exception.js";
import type { Expr } from "../../../expr/expr.js";
import { exprSemanticEquals } from "../../../expr/expr-equals.js";
import { exprChildren } from "../../../expr/transform.js";
import { exprPrettySql } from "../../../expr/expr-string.js";
import type { Distinct, ParsedAggregate } from "../../parsed-plan.js";
import type { ParsedExpr } from "../../../expr/parsed-expr.js";
import type { Scope } from "../scope.js";
import { aggregate, project } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import { scopeOf, type AnalyzerCtx, type Resolved } from "../context.js";
import { named } from "../naming.js";
import { containsAgg } from "../resolve-expr.js";
import { resolveExpanding } from "../resolve-expanding.js";
import { checkNoWindow, extractWindows, hasWindow, liftWindowsOverAggregate } from "./window.js";

function unalias(e: Expr): Expr {
  return e.kind === "Alias" ? unalias(e.child) : e;
}

/** Finds an attribute used outside aggregate calls and outside grouping expressions (MISSING_AGGREGATION). */
function ungrouped(e: Expr, groups: readonly Expr[]): Expr | null {
  if (e.kind === "AggCall") return null;
  if (groups.some((g) => exprSemanticEquals(g, e))) return null;
  if (e.kind === "AttributeRef") return e;
  for (const c of exprChildren(e)) {
    const bad = ungrouped(c, groups);
    if (bad !== null) return bad;
  }
  return null;
}

/**
 * Builds a resolved Aggregate. `groupBy` holds the grouping expressions (unnamed); `aggs` is the
 * output list: grouping columns first when `prependGroups` (groupBy().agg()), then the named
 * aggregate expressions. Non-aggregate parts of outputs must be grouping expressions.
 */
export function resolveAggregate(child: Resolved, groupBy: readonly Expr[], aggs: readonly Expr[], ctx: AnalyzerCtx, prependGroups = false): Resolved {
  void ctx;
  checkNoWindow(groupBy, "group");
  for (const g of groupBy) {
    if (containsAgg(g)) throw new AnalysisException("GROUP_BY_AGGREGATE", { sqlExpr: `"${exprPrettySql(g)}"` });
  }
  const all = [...(prependGroups ? groupBy.map(named) : []), ...aggs.map(named)];
  // windows over the aggregated rows: the aggregate computes what they read, they run above it
  const lifted = all.some(hasWindow) ? liftWindowsOverAggregate(all, groupBy) : undefined;
  const outputs = lifted?.aggOutputs ?? all;
  for (const o of outputs) {
    const bad = ungrouped(unalias(o), groupBy);
    if (bad === null) continue;
    if (groupBy.length === 0) throw new AnalysisException("MISSING_GROUP_BY", {});
    const sql = exprPrettySql(bad);
    throw new AnalysisException("MISSING_AGGREGATION", { expression: `"${sql}"`, expressionAnyValue: `"any_value(${sql})"` });
  }
  const agg = aggregate(child.plan, groupBy.map(unalias), outputs);
  if (lifted === undefined) return { plan: agg, planIds: child.planIds };
  const w = extractWindows(agg, lifted.project);
  return { plan: project(w.plan, w.exprs), planIds: child.planIds };
}

/** groupBy(...).agg(...) from the wire: resolves both lists, then prepends the grouping columns. */
export function resolveAggregateNode(p: ParsedAggregate, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const scope = scopeOf(child, ctx);
  const aggs = resolveExpanding(p.aggs, scope);
  if (p.sqlSelect !== true) return resolveAggregate(child, resolveExpanding(p.groupBy, scope), aggs, ctx, true);
  // GROUP BY ALL groups by every select item that holds no aggregate (Spark 3.4+).
  if (p.groupByAll === true) return resolveAggregate(child, aggs.filter((a) => !containsAgg(a)).map(unalias), aggs, ctx, false);
  const groupBy = p.groupBy.flatMap((g) => groupByItem(g, p.aggs, aggs, scope));
  return resolveAggregate(child, groupBy, aggs, ctx, false);
}

/**
 * One SQL GROUP BY item: a column of the input, else a select-list alias (Spark's
 * spark.sql.groupByAliases, on by default), which groups by the aliased expression.
 */
function groupByItem(g: ParsedExpr, parsedAggs: readonly ParsedExpr[], aggs: readonly Expr[], scope: Scope): Expr[] {
  try {
    return resolveExpanding([g], scope);
  } catch (err) {
    if (!(err instanceof AnalysisException) || !err.errorClass.startsWith("UNRESOLVED_COLUMN") || g.kind !== "UnresolvedAttribute" || g.nameParts.length !== 1) throw err;
    const name = g.nameParts[0]!;
    const i = parsedAggs.findIndex((a) => a.kind === "Alias" && (scope.caseSensitive ? a.name === name : a.name.toLowerCase() === name.toLowerCase()));
    const hit = i < 0 ? undefined : aggs[i];
    if (hit === undefined || containsAgg(hit)) throw err;
    return [unalias(hit)];
  }
}

/** distinct(): an Aggregate grouping by every output column. */
export function resolveDistinct(p: Distinct, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const attrs = outputOf(child.plan);
  return { plan: aggregate(child.plan, attrs, attrs), planIds: child.planIds };
}
