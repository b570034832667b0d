import { AnalysisException } from "../../../errors/spark-exception.js";
import { newExprId, type AttributeRef, type Expr } from "../../../expr/expr.js";
import { exprSemanticEquals } from "../../../expr/expr-equals.js";
import { exprChildren, exprExists, withNewChildren } from "../../../expr/transform.js";
import type { LogicalPlan } from "../../logical-plan.js";
import { aggregate, project } from "../../nodes/index.js";
import { outputOf, toAttribute } from "../../output.js";
import { sessionFunctionsOf, type AnalyzerCtx, type Resolved } from "../context.js";
import type { Scope } from "../scope.js";
import { callsGrouping, rewriteGroupingCalls } from "./grouping-analytics.js";
import { exposeHidden } from "../hidden-columns.js";

function referenced(exprs: readonly Expr[]): AttributeRef[] {
  const out = new Map<number, AttributeRef>();
  const visit = (e: Expr): boolean => {
    if (e.kind === "AttributeRef") out.set(e.exprId, e);
    return false;
  };
  for (const e of exprs) exprExists(e, visit);
  return [...out.values()];
}

function unalias(e: Expr): Expr {
  return e.kind === "Alias" ? unalias(e.child) : e;
}

/**
 * Spark's ResolveMissingReferences for Sort and Filter: `df.select("name").orderBy("id")` and
 * `groupBy(..).agg(sum(x)).orderBy(sum(x))` resolve against the columns below the projection or
 * aggregate; the missing columns are carried up temporarily and projected away afterwards.
 */
export function resolveWithMissingRefs(
  child: Resolved,
  ctx: AnalyzerCtx,
  resolveAll: (scope: Scope) => readonly Expr[],
  build: (input: LogicalPlan, exprs: readonly Expr[]) => LogicalPlan,
): Resolved {
  const outer = outputOf(child.plan);
  const scope: Scope = { attrs: outer, planIds: child.planIds, caseSensitive: ctx.caseSensitive, ansi: ctx.ansi, ...sessionFunctionsOf(ctx), ...(child.hidden === undefined ? {} : { hidden: child.hidden }) };
  let narrow: readonly Expr[] | undefined;
  let err: unknown;
  try {
    narrow = resolveAll(scope);
  } catch (e) {
    // a frame's column the projection dropped (MISSING_ATTRIBUTES) may still be below it
    if (!(e instanceof AnalysisException) || !(e.errorClass.startsWith("UNRESOLVED_COLUMN") || e.errorClass.startsWith("MISSING_ATTRIBUTES"))) throw e;
    err = e;
  }
  const p = child.plan;
  // SQL's HAVING count(*) > 1: aggregate calls over an Aggregate become its hidden outputs (below).
  // HAVING grouping(k) = 1 over grouping sets: the call reads the aggregate's spark_grouping_id (below)
  const aggregates = narrow !== undefined && p.kind === "Aggregate" && narrow.some((e) => callsGrouping(e) || exprExists(e, (x) => x.kind === "AggCall"));
  if (narrow !== undefined && !aggregates) {
    const input = exposeHidden(child, narrow);
    // a using-join's hidden key named: the widened projection is narrowed again above
    if (input !== child.plan) return { plan: project(build(input, narrow), outer), planIds: child.planIds };
    return { plan: build(child.plan, narrow), planIds: child.planIds };
  }
  {
    if (p.kind !== "Project" && p.kind !== "Aggregate") throw err;
    const below = outputOf(p.input);
    const ids = new Set(outer.map((a) => a.exprId));
    const wide: Scope = { attrs: [...outer, ...below.filter((a) => !ids.has(a.exprId))], planIds: child.planIds, caseSensitive: ctx.caseSensitive, ansi: ctx.ansi, ...(ctx.timeZone === undefined ? {} : { timeZone: ctx.timeZone }), ...sessionFunctionsOf(ctx) };
    let exprs: readonly Expr[];
    if (narrow !== undefined) exprs = narrow;
    else {
      try {
        exprs = resolveAll(wide);
      } catch {
        throw err;
      }
    }
    if (p.kind === "Project") {
      const missing = referenced(exprs).filter((a) => !ids.has(a.exprId));
      const widened = project(p.input, [...p.exprs, ...missing]);
      return { plan: project(build(widened, exprs), outer), planIds: child.planIds };
    }
    // Aggregate: reuse matching outputs, add other aggregate expressions as hidden outputs.
    const extra: Expr[] = [];
    // top down: an aggregate call is computed whole (its argument `k` is the input's column even
    // when `k` is also a grouping key), so nothing inside it is rewritten
    const rewrite = (x: Expr): Expr => {
      if (x.kind === "AttributeRef" && ids.has(x.exprId)) return x;
      const hit = p.aggs.find((o) => exprSemanticEquals(unalias(o), x));
      if (hit !== undefined) return toAttribute(hit);
      // HAVING k > 1 where k is grouped by but not selected (a grouping expression, or a scalar subquery's value)
      const grouping = x.kind !== "Literal" && p.groupBy.some((g) => exprSemanticEquals(unalias(g), x));
      if (x.kind === "AggCall" || grouping) {
        const alias: Expr = { kind: "Alias", child: x, name: `_hidden${extra.length}`, exprId: newExprId() };
        extra.push(alias);
        return toAttribute(alias);
      }
      const kids = exprChildren(x);
      if (kids.length === 0) return x;
      const next = kids.map(rewrite);
      return next.every((k, i) => k === kids[i]) ? x : withNewChildren(x, next);
    };
    const rewritten = exprs.map((e) => rewriteGroupingCalls(e, p)).map(rewrite);
    // HAVING c > 1 over a column neither grouped by nor aggregated: Spark resolves it against the aggregate's output only
    const known = new Set([...ids, ...extra.map((e) => (e.kind === "Alias" ? e.exprId : undefined))]);
    if (err !== undefined && referenced(rewritten).some((a) => !known.has(a.exprId))) throw err;
    const widened = aggregate(p.input, p.groupBy, [...p.aggs, ...extra]);
    return { plan: project(build(widened, rewritten), outer), planIds: child.planIds };
  }
}
