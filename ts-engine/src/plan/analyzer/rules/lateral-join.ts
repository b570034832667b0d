import { AnalysisException, InternalError } from "../../../errors/spark-exception.js";
import { newExprId, type AttributeRef, type Expr } from "../../../expr/expr.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import type { ParsedExpr } from "../../../expr/parsed-expr.js";
import { filter, join, project } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import type { ParsedJoin, ParsedPlan } from "../../parsed-plan.js";
import type { LogicalPlan } from "../../logical-plan.js";
import { mergePlanIds, scopeOf, type AnalyzerCtx, type Resolved } from "../context.js";
import { named } from "../naming.js";
import { resolveExpanding } from "../resolve-expanding.js";
import { resolveExpr } from "../resolve-expr.js";
import type { Scope } from "../scope.js";
import { resolveJoin } from "./join.js";
import { correlatedKey, groupedLateralOf, isGrouped, joinGroupedLateral, type GroupedLateral } from "./lateral-grouped.js";

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

function notImplemented(feature: string): AnalysisException {
  return new AnalysisException("NOT_IMPLEMENTED", { feature });
}

/** The lateral subquery's parts: `SELECT items FROM rel [WHERE cond]` under its optional alias and column names. */
interface LateralShape {
  readonly items: readonly ParsedExpr[];
  readonly rel: ParsedPlan;
  readonly condition?: ParsedExpr;
  readonly alias?: string;
  readonly names?: readonly string[];
  /** The body's LIMIT, DISTINCT and grouping (a plain select has none of them set). */
  readonly grouped?: GroupedLateral;
}

function shapeOf(p: ParsedPlan): LateralShape | undefined {
  let body = p;
  let alias: string | undefined;
  let names: readonly string[] | undefined;
  if (body.kind === "SubqueryAlias") {
    alias = body.alias;
    body = body.input;
  }
  if (body.kind === "ToDF") {
    names = body.names;
    body = body.input;
  }
  const extra = { ...(alias === undefined ? {} : { alias }), ...(names === undefined ? {} : { names }) };
  const grouped = groupedLateralOf(body);
  if (grouped !== undefined) {
    const { condition, ...g } = grouped;
    return { items: g.items, rel: g.rel, ...(condition === undefined ? {} : { condition }), ...extra, grouped: g };
  }
  return undefined;
}

/**
 * `left [INNER|LEFT|CROSS] JOIN LATERAL (subquery)` (and `left, LATERAL (…)`). A subquery that
 * reads no column of the left side is an ordinary join. One that does (a correlated lateral
 * subquery, `SELECT … FROM u WHERE u.k = t.k`) is decorrelated as Spark's
 * DecorrelateInnerQuery does for a plain select: the conditions on left columns join the left
 * side to the subquery's relation, and its select list is computed over the joined rows (the
 * subquery's columns first, then the left's, as its outer references resolve). One that
 * aggregates, deduplicates or limits is grouped per correlated key first (lateral-grouped.ts);
 * set operations in a correlated lateral subquery are not supported yet.
 */
export function resolveLateralJoin(p: ParsedJoin, ctx: AnalyzerCtx): Resolved {
  const plain: ParsedJoin = { kind: "Join", left: p.left, right: p.right, joinType: p.joinType, ...(p.condition === undefined ? {} : { condition: p.condition }) };
  try {
    ctx.resolve(p.right);
    return resolveJoin(plain, ctx);
  } catch (err) {
    if (!isUnresolved(err)) throw err;
  }
  const shape = shapeOf(p.right);
  if (shape === undefined) throw notImplemented("a correlated LATERAL subquery other than SELECT … FROM … WHERE … [GROUP BY …] [ORDER BY …] [LIMIT …]");
  const joinType = p.joinType === "cross" ? "inner" : p.joinType;
  if (joinType !== "inner" && joinType !== "left") throw notImplemented(`${joinType.toUpperCase()} JOIN LATERAL with a correlated subquery`);
  if (joinType === "left" && p.condition !== undefined) throw notImplemented("LEFT JOIN LATERAL … ON with a correlated subquery");
  const left = ctx.resolve(p.left);
  const inner = ctx.resolve(shape.rel);
  const innerScope = scopeOf(inner, ctx);
  const planIds = mergePlanIds(inner.planIds, left.planIds);
  // the subquery's own columns shadow the left side's of the same name (Spark's outer references)
  const both: Scope = { ...innerScope, outer: outputOf(left.plan), planIds };
  const local: Expr[] = [];
  const localParsed: ParsedExpr[] = [];
  const correlated: Expr[] = [];
  const correlatedParsed: ParsedExpr[] = [];
  for (const c of shape.condition === undefined ? [] : conjuncts(shape.condition)) {
    try {
      local.push(resolveExpr(c, innerScope));
      localParsed.push(c);
    } catch (e) {
      if (!isUnresolved(e)) throw e;
      correlated.push(resolveExpr(c, both));
      correlatedParsed.push(c);
    }
  }
  let joined: LogicalPlan;
  let items: readonly Expr[];
  if (shape.grouped !== undefined && isGrouped(shape.grouped, innerScope)) {
    // aggregates, DISTINCT, LIMIT: grouped per correlated key, then joined (lateral-grouped.ts)
    const outerScope = scopeOf(left, ctx);
    const keys = correlatedParsed.map((c) => correlatedKey(c, innerScope, outerScope));
    const r = joinGroupedLateral(left, shape.grouped, localParsed, keys, joinType, innerScope, ctx);
    joined = r.plan;
    items = r.items;
  } else {
    const and = (xs: readonly Expr[]): Expr | undefined => (xs.length === 0 ? undefined : xs.reduce((a, b) => call("and", [a, b])));
    const rel = local.length === 0 ? inner.plan : filter(inner.plan, and(local)!);
    const on = and(correlated) ?? ({ kind: "Literal", value: true, dataType: { kind: "boolean" } } as const);
    joined = join(left.plan, rel, joinType, on);
    // the select list over the joined rows (their nullability after an outer join), inner columns first
    const out = outputOf(joined);
    const leftIds = new Set(outputOf(left.plan).map((a) => a.exprId));
    const itemScope: Scope = { ...innerScope, attrs: out.filter((a) => !leftIds.has(a.exprId)), outer: out.filter((a) => leftIds.has(a.exprId)), planIds };
    items = resolveExpanding(shape.items, itemScope).map(named);
  }
  const out = outputOf(joined);
  const leftIds = new Set(outputOf(left.plan).map((a) => a.exprId));
  if (shape.names !== undefined && shape.names.length !== items.length) {
    throw new AnalysisException("NUM_COLUMNS_MISMATCH", { operator: "toDF", firstNumColumns: String(items.length), invalidOrdinalNum: "second", invalidNumColumns: String(shape.names.length) });
  }
  const renamed = shape.names === undefined ? items : items.map((e, i): Expr => ({ kind: "Alias", child: e.kind === "Alias" ? e.child : e, name: shape.names![i]!, exprId: newExprId() }));
  const leftOut = out.filter((a) => leftIds.has(a.exprId));
  const projected = project(joined, [...leftOut, ...renamed]);
  // the lateral's alias qualifies its columns only
  const all = outputOf(projected);
  const qualified: AttributeRef[] = all.map((a, i) => (i < leftOut.length || shape.alias === undefined ? a : { ...a, qualifier: [shape.alias] }));
  let plan: LogicalPlan = shape.alias === undefined ? projected : project(projected, qualified);
  if (p.condition !== undefined) plan = filter(plan, resolveExpr(p.condition, scopeOf({ plan, planIds }, ctx)));
  return { plan, planIds };
}
