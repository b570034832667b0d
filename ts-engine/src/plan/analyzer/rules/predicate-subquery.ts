import { AnalysisException, InternalError } from "../../../errors/spark-exception.js";
import type { Expr } from "../../../expr/expr.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import { BooleanType, IntegerType, LongType } from "../../../types/data-type.js";
import type { ParsedExpr } from "../../../expr/parsed-expr.js";
import { filter, join, project, union } from "../../nodes/index.js";
import { newExprId } from "../../../expr/expr.js";
import { exprExists } from "../../../expr/transform.js";
import { resolveAggregate } from "./aggregate.js";
import type { LogicalPlan } from "../../logical-plan.js";
import type { ParsedPlan, PredicateSubquery, ScalarSubqueryJoin } from "../../parsed-plan.js";
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
    const shape = isUnresolved(err) ? correlatedShape(sub) : undefined;
    if (shape === undefined) throw err;
    const inner = ctx.resolve(shape.filter.input);
    const innerScope = scopeOf(inner, ctx);
    // the subquery's own columns shadow the outer query's of the same name (Q2's partsupp inside and out)
    const both: Scope = { ...innerScope, outer: outputOf(outer.plan), planIds: mergePlanIds(inner.planIds, outer.planIds) };
    const local: Expr[] = [];
    const correlated: Expr[] = [];
    for (const c of conjuncts(shape.filter.condition)) {
      try {
        local.push(resolveExpr(c, innerScope));
      } catch (e) {
        if (!isUnresolved(e)) throw e;
        correlated.push(resolveExpr(c, both));
      }
    }
    const plan = local.length === 0 ? inner.plan : filter(inner.plan, local.reduce((a, b) => call("and", [a, b])));
    const scope = scopeOf({ plan, planIds: inner.planIds }, ctx);
    const items = shape.items === undefined || shape.items.some((e) => e.kind === "UnresolvedStar") ? outputOf(plan) : shape.items.map((e) => resolveExpr(e.kind === "Alias" ? e.child : e, scope));
    return { plan, planIds: inner.planIds, items, correlated };
  }
}

/**
 * The shapes a correlated subquery may have: `SELECT items FROM rel WHERE cond` (a Project or
 * a global Aggregate over a Filter, as SQL and `df.where(…).select(…)` build it) or the filter
 * alone (`df.where(…).exists()`, whose items are all its columns).
 */
function correlatedShape(sub: ParsedPlan): { filter: Extract<ParsedPlan, { kind: "Filter" }>; items?: readonly ParsedExpr[] } | undefined {
  if (sub.kind === "Filter") return { filter: sub };
  if (sub.kind === "Project" && sub.input.kind === "Filter") return { filter: sub.input, items: sub.exprs };
  if (sub.kind === "Aggregate" && sub.groupBy.length === 0 && sub.input.kind === "Filter") return { filter: sub.input, items: sub.aggs };
  return undefined;
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
  if (p.existenceColumn !== undefined) return existenceJoin(p.existenceColumn, p.negated, outer, d, p.values.length === 0 ? [] : p.values.map((v) => resolveExpr(v, scopeOf(outer, ctx))), ctx);
  const condition = preds.length === 0 ? ({ kind: "Literal", value: true, dataType: { kind: "boolean" } } as const) : preds.reduce((a, b) => call("and", [a, b]));
  const plan = join(outer.plan, d.plan, p.negated ? "left_anti" : "left_semi", condition);
  return { plan, planIds: outer.planIds };
}

/**
 * A scalar subquery as a joined column. Uncorrelated: `input` left-joined with the subquery's
 * one row (null when it has none). Correlated (`SELECT agg(…) FROM t WHERE t.k = outer.k …`): the aggregate grouped by the
 * inner sides of the correlated equalities, left-joined on them, so outer rows without a match
 * see null, as Spark's RewriteCorrelatedScalarSubquery gives for a non-count aggregate.
 */
export function resolveScalarSubqueryJoin(p: ScalarSubqueryJoin, ctx: AnalyzerCtx): Resolved {
  const outer = ctx.resolve(p.input);
  const sub = p.subquery;
  const only = (items: readonly Expr[]): Expr => {
    if (items.length !== 1) throw new AnalysisException("INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN", { number: String(items.length) });
    return items[0]!;
  };
  try {
    const r = ctx.resolve(sub);
    const col = only(outputOf(r.plan));
    const right = project(r.plan, [{ kind: "Alias", child: col, name: p.name, exprId: newExprId() }]);
    // a left join: a subquery without rows is null for every outer row (Spark's ScalarSubquery)
    const t: Expr = { kind: "Literal", value: true, dataType: { kind: "boolean" } };
    return { plan: join(outer.plan, right, "left", t), planIds: outer.planIds };
  } catch (err) {
    if (!isUnresolved(err) || correlatedShape(sub) === undefined) throw err;
  }
  const d = decorrelate(sub, outer, ctx);
  const keys = equalityKeys(d.correlated, outer);
  const item = only(d.items);
  const keyAliases: Expr[] = keys.map((k, i) => ({ kind: "Alias", child: k.inner, name: `_key${i}`, exprId: newExprId() }));
  const value: Expr = { kind: "Alias", child: item, name: p.name, exprId: newExprId() };
  const agg = resolveAggregate({ plan: d.plan, planIds: d.planIds }, keys.map((k) => k.inner), [...keyAliases, value], ctx, false);
  const aggOut = outputOf(agg.plan);
  const on = keys.map((k, i) => call("==", [k.outer, aggOut[i]!])).reduce((a, b) => call("and", [a, b]));
  const joined = join(outer.plan, agg.plan, "left", on);
  const result = aggOut[aggOut.length - 1]!;
  // an aggregate that is null over no rows (min, max, sum …): the left join's null is its value
  if (nullOnNoRows(item)) return { plan: project(joined, [...outputOf(outer.plan), { kind: "Alias", child: result, name: p.name, exprId: newExprId() }]), planIds: outer.planIds };
  // outer rows without a match take the aggregate's value over no rows (count 0, not null):
  // Spark's RewriteCorrelatedScalarSubquery "count bug" handling, here the subquery's own
  // aggregate over its relation filtered to nothing, crossed in (one row)
  const empty = resolveAggregate({ plan: filter(d.plan, FALSE), planIds: d.planIds }, [], [{ ...value, exprId: newExprId() } as Expr], ctx, false);
  const crossed = join(joined, empty.plan, "inner", TRUE);
  const unmatched = call("isnull", [aggOut[0]!]);
  const fixed: Expr = { kind: "Alias", child: { kind: "CaseWhen", branches: [[unmatched, outputOf(empty.plan)[0]!]], elseValue: result, dataType: result.dataType }, name: p.name, exprId: newExprId() };
  const keep = [...outputOf(outer.plan), fixed];
  return { plan: project(crossed, keep), planIds: outer.planIds };
}

/** Aggregates whose value over no rows is null (Spark's evalAggregateOnZeroTups gives null: no "count bug"). */
const NULL_ON_NO_ROWS = new Set(["min", "max", "sum", "avg", "mean", "first", "last", "any_value", "first_value", "last_value", "max_by", "min_by", "median", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop"]);

function nullOnNoRows(e: Expr): boolean {
  if (e.kind === "Alias" || e.kind === "Cast") return nullOnNoRows(e.child);
  return e.kind === "AggCall" && NULL_ON_NO_ROWS.has(e.fn);
}

function agg(name: string, args: readonly Expr[]): Expr {
  const def = lookupFunction(name);
  if (def?.kind !== "agg") throw new InternalError(`missing aggregate function ${name}`);
  return def.resolve(name, args, false);
}

const TRUE: Expr = { kind: "Literal", value: true, dataType: BooleanType };
const FALSE: Expr = { kind: "Literal", value: false, dataType: BooleanType };

function alias(child: Expr, name: string): Expr {
  return { kind: "Alias", child, name, exprId: newExprId() };
}

/**
 * Joins to `outer` an aggregate of the subquery grouped by `innerKeys` (the whole subquery, one
 * row, without keys), on `outerKeys = innerKeys`; the aggregate's `values` become the last columns.
 */
function joinAggregate(outer: LogicalPlan, d: Decorrelated, outerKeys: readonly Expr[], innerKeys: readonly Expr[], values: readonly Expr[], ctx: AnalyzerCtx): { plan: LogicalPlan; values: readonly Expr[] } {
  const keyAliases = innerKeys.map((k, i) => alias(k, `_key${i}`));
  const a = resolveAggregate({ plan: d.plan, planIds: d.planIds }, innerKeys, [...keyAliases, ...values.map((v, i) => alias(v, `_value${i}`))], ctx, false);
  const out = outputOf(a.plan);
  const on = innerKeys.length === 0 ? TRUE : outerKeys.map((o, i) => call("==", [o, out[i]!])).reduce((x, y) => call("and", [x, y]));
  return { plan: join(outer, a.plan, innerKeys.length === 0 ? "inner" : "left", on), values: out.slice(innerKeys.length) };
}

/**
 * A predicate subquery in any boolean position, as Spark's ExistenceJoin: the outer rows with
 * one more boolean column, true when some subquery row matches them (the correlated
 * equalities, and IN's values equal to its items), else false. Built from joins the engine
 * has: the subquery's distinct matching keys left-joined (uncorrelated EXISTS: its row count
 * crossed in). NOT IN matches null-aware, as Spark rewrites `NOT (v IN q)` under OR: a row
 * also matches when v is null and q has rows, or when q's column holds a null.
 */
function existenceJoin(name: string, negated: boolean, outer: Resolved, d: Decorrelated, values: readonly Expr[], ctx: AnalyzerCtx): Resolved {
  if (negated && values.length > 1) return nullAwareExistence(name, outer, d, values);
  const keys = equalityKeys(d.correlated, outer);
  const innerKeys = keys.map((k) => k.inner);
  const outerKeys = keys.map((k) => k.outer);
  let plan: LogicalPlan;
  let flag: Expr;
  if (keys.length === 0 && values.length === 0) {
    const any = joinAggregate(outer.plan, d, [], [], [call(">", [agg("count", [{ kind: "Literal", value: 1, dataType: IntegerType }]), { kind: "Literal", value: 0, dataType: LongType }])], ctx);
    plan = any.plan;
    flag = any.values[0]!;
  } else {
    const matched = joinAggregate(outer.plan, d, [...outerKeys, ...values], [...innerKeys, ...(values.length === 0 ? [] : d.items)], [TRUE], ctx);
    plan = matched.plan;
    flag = call("coalesce", [matched.values[0]!, FALSE]);
  }
  if (negated && values.length > 0) {
    const item = d.items[0]!;
    const nonEmpty = call(">", [agg("count", [{ kind: "Literal", value: 1, dataType: IntegerType }]), { kind: "Literal", value: 0, dataType: LongType }]);
    const stats = joinAggregate(plan, d, outerKeys, innerKeys, [nonEmpty, agg("bool_or", [call("isnull", [item])])], ctx);
    plan = stats.plan;
    const [rows, hasNull] = stats.values as [Expr, Expr];
    const nullValue = call("and", [call("coalesce", [rows, FALSE]), call("isnull", [values[0]!])]);
    flag = call("or", [call("or", [flag, nullValue]), call("coalesce", [hasNull, FALSE])]);
  }
  return { plan: project(plan, [...outputOf(outer.plan), alias(flag, name)]), planIds: outer.planIds };
}

/**
 * `(a, b) NOT IN (q)` outside a conjunction, null-aware: the outer rows with a boolean column,
 * true when some row of q does not make `a = x AND b = y` false (equal, or null on either side),
 * as Spark's null-aware ExistenceJoin. A semi join on that condition gives the rows it holds
 * for, an anti join the others; their union keeps every outer row once.
 */
function nullAwareExistence(name: string, outer: Resolved, d: Decorrelated, values: readonly Expr[]): Resolved {
  const eq = values.map((v, i) => call("==", [v, d.items[i]!])).reduce((a, b) => call("and", [a, b]));
  const cond = [...d.correlated, call("or", [eq, call("isnull", [eq])])].reduce((a, b) => call("and", [a, b]));
  const outerOut = outputOf(outer.plan);
  const matched = project(join(outer.plan, d.plan, "left_semi", cond), [...outerOut, alias(TRUE, name)]);
  const unmatched = project(join(outer.plan, d.plan, "left_anti", cond), [...outerOut, alias(FALSE, name)]);
  return { plan: union([matched, unmatched]), planIds: outer.planIds };
}

/** Each correlated predicate as `inner = outer`, whose inner side becomes a grouping key; any other shape is Spark's error. */
function equalityKeys(correlated: readonly Expr[], outer: Resolved): { inner: Expr; outer: Expr }[] {
  const outerIds = new Set(outputOf(outer.plan).map((a) => a.exprId));
  return correlated.map((c) => {
    if (c.kind === "ScalarCall" && c.fn === "==" && c.args.length === 2) {
      const [a, b] = c.args as [Expr, Expr];
      const aOuter = refsOnly(a, outerIds);
      const bOuter = refsOnly(b, outerIds);
      if (aOuter && !refsAny(b, outerIds)) return { inner: b, outer: a };
      if (bOuter && !refsAny(a, outerIds)) return { inner: a, outer: b };
    }
    throw new AnalysisException("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_COLUMN_IS_NOT_ALLOWED_IN_PREDICATE", { treeNode: "Filter" });
  });
}

function refsAny(e: Expr, ids: ReadonlySet<number>): boolean {
  return exprExists(e, (x) => x.kind === "AttributeRef" && ids.has(x.exprId));
}

function refsOnly(e: Expr, ids: ReadonlySet<number>): boolean {
  return refsAny(e, ids) && !exprExists(e, (x) => x.kind === "AttributeRef" && !ids.has(x.exprId));
}
