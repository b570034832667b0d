import { AnalysisException, InternalError } from "../../../errors/spark-exception.js";
import type { Expr } from "../../../expr/expr.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import type { ParsedExpr } from "../../../expr/parsed-expr.js";
import { filter, join } from "../../nodes/index.js";
import type { LogicalPlan } from "../../logical-plan.js";
import type { ParsedPlan, PredicateSubquery } from "../../parsed-plan.js";
import { outputOf } from "../../output.js";
import { mergePlanIds, scopeOf, type AnalyzerCtx, type Resolved } from "../context.js";
import { resolveExpr } from "../resolve-expr.js";
import type { Scope } from "../scope.js";

function call(name: string, args: readonly Expr[]): Expr {
  const def = lookupFunction(name);
  if (def?.kind !== "scalar") throw new InternalError(`missing scalar function ${name}`);
  return def.resolve(name, args);
}

function conjuncts(e: ParsedExpr): ParsedExpr[] {
  if (e.kind === "UnresolvedFunction" && e.name === "and" && e.args.length === 2) return [...conjuncts(e.args[0]!), ...conjuncts(e.args[1]!)];
  return [e];
}

function isUnresolved(err: unknown): boolean {
  return err instanceof AnalysisException && err.errorClass.startsWith("UNRESOLVED_COLUMN");
}

/** The subquery's plan and its correlated predicates (resolved over outer + inner columns). */
interface Decorrelated {
  readonly plan: LogicalPlan;
  readonly planIds: Resolved["planIds"];
  /** The subquery's select list over `plan` (IN compares the values with it). */
  readonly items: readonly Expr[];
  readonly correlated: readonly Expr[];
}

/**
 * Decorrelates `SELECT items FROM rel WHERE c1 AND c2 …`: conjuncts that resolve over `rel` alone
 * stay a Filter; conjuncts that need the outer query's columns become join predicates, as
 * Spark's PullupCorrelatedPredicates does. Any other shape must be uncorrelated.
 */
function decorrelate(sub: ParsedPlan, outer: Resolved, ctx: AnalyzerCtx): Decorrelated {
  try {
    const r = ctx.resolve(sub);
    return { plan: r.plan, planIds: r.planIds, items: outputOf(r.plan), correlated: [] };
  } catch (err) {
    if (!isUnresolved(err) || sub.kind !== "Project" || sub.input.kind !== "Filter") throw err;
    const inner = ctx.resolve(sub.input.input);
    const innerScope = scopeOf(inner, ctx);
    const both: Scope = { ...innerScope, attrs: [...outputOf(inner.plan), ...outputOf(outer.plan)], planIds: mergePlanIds(inner.planIds, outer.planIds) };
    const local: Expr[] = [];
    const correlated: Expr[] = [];
    for (const c of conjuncts(sub.input.condition)) {
      try {
        local.push(resolveExpr(c, innerScope));
      } catch (e) {
        if (!isUnresolved(e)) throw e;
        correlated.push(resolveExpr(c, both));
      }
    }
    const plan = local.length === 0 ? inner.plan : filter(inner.plan, local.reduce((a, b) => call("and", [a, b])));
    const scope = scopeOf({ plan, planIds: inner.planIds }, ctx);
    const items = sub.exprs.some((e) => e.kind === "UnresolvedStar") ? outputOf(plan) : sub.exprs.map((e) => resolveExpr(e.kind === "Alias" ? e.child : e, scope));
    return { plan, planIds: inner.planIds, items, correlated };
  }
}

/**
 * `[NOT] EXISTS (q)` → left semi (anti) join of the outer rows with q on q's correlated
 * predicates; `v IN (q)` → a semi join on `v = q's column` as well; `v NOT IN (q)` → an anti
 * join on `v = col OR isnull(v = col)`, which keeps SQL's three-valued logic (no row passes when
 * q holds a null), as Spark's RewritePredicateSubquery does.
 */
export function resolvePredicateSubquery(p: PredicateSubquery, ctx: AnalyzerCtx): Resolved {
  const outer = ctx.resolve(p.input);
  const d = decorrelate(p.subquery, outer, ctx);
  const preds: Expr[] = [...d.correlated];
  if (p.values.length > 0) {
    if (d.items.length !== p.values.length) {
      throw new AnalysisException("DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH", {
        sqlExpr: "\"IN subquery\"",
        leftLength: String(p.values.length),
        rightLength: String(d.items.length),
        leftColumns: "",
        rightColumns: "",
      });
    }
    const outerScope = scopeOf(outer, ctx);
    const eqs = p.values.map((v, i) => call("==", [resolveExpr(v, outerScope), d.items[i]!]));
    const eq = eqs.reduce((a, b) => call("and", [a, b]));
    preds.push(p.negated ? call("or", [eq, call("isnull", [eq])]) : eq);
  }
  const condition = preds.length === 0 ? ({ kind: "Literal", value: true, dataType: { kind: "boolean" } } as const) : preds.reduce((a, b) => call("and", [a, b]));
  const plan = join(outer.plan, d.plan, p.negated ? "left_anti" : "left_semi", condition);
  return { plan, planIds: outer.planIds };
}
