import { markWithoutPlan } from "../../../errors/without-plan.js";
import { withOperatorText } from "../missing-operator.js";
import { exprToString } from "../../../expr/expr-string.js";
import { newExprId, type AttributeRef, type Expr } from "../../../expr/expr.js";
import { AnalysisException } from "../../../errors/spark-exception.js";
import type { LogicalPlan } from "../../logical-plan.js";
import type { Drop, ParsedProject, ToDF, WithColumns, WithColumnsRenamed } from "../../parsed-plan.js";
import { project } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import { scopeOf, sameName, type AnalyzerCtx, type Resolved } from "../context.js";
import { containsAgg, resolveExpr } from "../resolve-expr.js";
import { named } from "../naming.js";
import { matchName, resolveColumn } from "../scope.js";
import { resolveExpanding } from "../resolve-expanding.js";
import { exposeHidden } from "../hidden-columns.js";
import { resolveAggregate } from "./aggregate.js";
import { extractGenerators, hasGenerator } from "./generate.js";
import { extractWindows } from "./window.js";
import { extractTimeWindows } from "./time-window.js";

/** Project: stars expanded, expressions resolved and named; aggregates make it a global Aggregate. */
export function resolveProject(p: ParsedProject, ctx: AnalyzerCtx): Resolved {
  const input = ctx.resolve(p.input);
  const scope = scopeOf(input, ctx);
  // Spark's TimeWindowing / SessionWindowing / ResolveWindowTime: window calls become columns computed below
  const tw = extractTimeWindows(input.plan, withOperatorText(scope, (s) => resolveExpanding(p.exprs, s), (r) => `Project ${exprList(r.map(named))}`));
  const child: Resolved = tw.plan === input.plan ? input : { ...input, plan: tw.plan };
  const resolved = tw.exprs;
  if (hasGenerator(resolved)) {
    // Generators are taken out before naming: their columns get the generator's names.
    const g = extractGenerators(child.plan, resolved);
    return { plan: project(g.plan, g.exprs.map(named)), planIds: child.planIds };
  }
  const exprs = resolved.map(named);
  if (exprs.some(containsAgg)) return resolveAggregate(child, [], exprs, ctx);
  // Spark's ExtractWindowExpressions: window expressions become Window nodes under the projection.
  const w = extractWindows(exposeHidden(child, exprs), exprs);
  return { plan: project(w.plan, w.exprs), planIds: child.planIds };
}

/** withColumns: same-named columns are replaced in place, the others appended (all resolved against the input). */
export function resolveWithColumns(p: WithColumns, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const scope = scopeOf(child, ctx);
  const attrs = outputOf(child.plan);
  // Spark's message names the projection withColumns makes: the input's columns, the new ones aliased
  const shown = (vs: readonly Expr[]): string =>
    `Project ${exprList([
      ...attrs.map((a) => {
        const i = p.names.findIndex((n) => sameName(n, a.name, ctx.caseSensitive));
        return i < 0 ? a : ({ kind: "Alias", child: vs[i]!, name: p.names[i]!, exprId: newExprId() } as const);
      }),
      ...p.names.flatMap((n, i) => (attrs.some((a) => sameName(n, a.name, ctx.caseSensitive)) ? [] : [{ kind: "Alias", child: vs[i]!, name: n, exprId: newExprId() } as const])),
    ])}`;
  const tw = extractTimeWindows(child.plan, withOperatorText(scope, (s) => p.exprs.map((e) => resolveExpr(e, s)), shown));
  const values = tw.exprs;
  const used = new Set<number>();
  const exprs: Expr[] = attrs.map((a) => {
    const i = p.names.findIndex((n) => sameName(n, a.name, ctx.caseSensitive));
    if (i < 0) return a;
    used.add(i);
    return { kind: "Alias", child: values[i]!, name: p.names[i]!, exprId: newExprId() };
  });
  p.names.forEach((n, i) => {
    if (!used.has(i)) exprs.push({ kind: "Alias", child: values[i]!, name: n, exprId: newExprId() });
  });
  if (hasGenerator(exprs)) {
    const g = extractGenerators(tw.plan, exprs);
    return { plan: project(g.plan, g.exprs), planIds: child.planIds };
  }
  const w = extractWindows(tw.plan, exprs);
  return { plan: project(w.plan, w.exprs), planIds: child.planIds };
}

/** withColumnsRenamed: matching columns get the new name (new exprId); unknown names are ignored. */
export function resolveRenamed(p: WithColumnsRenamed, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const exprs: Expr[] = outputOf(child.plan).map((a) => {
    const r = p.renames.find(([from]) => sameName(from, a.name, ctx.caseSensitive));
    return r === undefined ? a : { kind: "Alias", child: a, name: r[1], exprId: newExprId() };
  });
  return { plan: project(child.plan, exprs), planIds: child.planIds };
}

/** drop: by name (all matches; unknown names ignored) or by a column reference of this frame. */
export function resolveDrop(p: Drop, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const scope = scopeOf(child, ctx);
  const dropIds = new Set<number>();
  for (const c of p.columns) {
    if (c.kind !== "UnresolvedAttribute") continue;
    if (c.planId !== undefined) {
      try {
        dropIds.add(resolveColumn(c.nameParts, c.planId, scope).exprId);
      } catch {
        // PySpark ignores columns that do not exist.
      }
      continue;
    }
    for (const a of matchName(c.nameParts, scope.attrs, ctx.caseSensitive)) dropIds.add(a.exprId);
  }
  const exprs = scope.attrs.filter((a) => !dropIds.has(a.exprId));
  return { plan: project(child.plan, exprs), planIds: child.planIds };
}

/** toDF(*names): renames all columns by position. */
export function resolveToDF(p: ToDF, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const attrs = outputOf(child.plan);
  if (attrs.length !== p.names.length) {
    // Dataset.toDF checks the names before analysis: no plan appended
    throw markWithoutPlan(new AnalysisException("ASSIGNMENT_ARITY_MISMATCH", { numTarget: String(attrs.length), numExpr: String(p.names.length) }));
  }
  const exprs: Expr[] = attrs.map((a, i) =>
    a.name === p.names[i] ? a : { kind: "Alias", child: a, name: p.names[i]!, exprId: newExprId() },
  );
  return { plan: project(child.plan, exprs), planIds: child.planIds };
}

/** df.alias("t"): the same columns, qualified by `t`. */
export function qualify(child: Resolved, alias: string, qualifier: readonly string[] = [alias]): LogicalPlan {
  const exprs: AttributeRef[] = outputOf(child.plan).map((a) => ({ ...a, qualifier }));
  return project(child.plan, exprs);
}

/** `[a#1, (b#2 + 1) AS c#3]`, as Spark lists an operator's expressions. */
function exprList(es: readonly Expr[]): string {
  return `[${es.map(exprToString).join(", ")}]`;
}
