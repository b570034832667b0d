import { AnalysisException, InternalError } from "../../../errors/spark-exception.js";
import { newExprId, type Expr } from "../../../expr/expr.js";
import { exprType } from "../../../expr/expr-type.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import type { ParsedExpr, ParsedSortOrder } from "../../../expr/parsed-expr.js";
import { BooleanType } from "../../../types/data-type.js";
import { join, project } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import type { LogicalPlan } from "../../logical-plan.js";
import type { ParsedPlan } from "../../parsed-plan.js";
import { scopeOf, type AnalyzerCtx, type Resolved } from "../context.js";
import { containsAgg, resolveExpr } from "../resolve-expr.js";
import type { Scope } from "../scope.js";

function call(name: string, args: readonly Expr[]): Expr {
  const def = lookupFunction(name);
  if (def?.kind !== "scalar") throw new InternalError(`missing scalar function ${name}`);
  return def.resolve(name, args);
}

function fn(name: string, args: readonly ParsedExpr[]): ParsedExpr {
  return { kind: "UnresolvedFunction", name, args, isDistinct: false };
}

function ref(name: string): ParsedExpr {
  return { kind: "UnresolvedAttribute", nameParts: [name] };
}

function notImplemented(feature: string): AnalysisException {
  return new AnalysisException("NOT_IMPLEMENTED", { feature });
}

/**
 * The body of a lateral subquery that aggregates, deduplicates or limits: `SELECT [DISTINCT]
 * items FROM rel [WHERE cond] [GROUP BY g] [ORDER BY o] [LIMIT n]` as the query parser builds it.
 */
export interface GroupedLateral {
  readonly items: readonly ParsedExpr[];
  readonly rel: ParsedPlan;
  /** GROUP BY's expressions; absent for a select list without GROUP BY. */
  readonly groupBy?: readonly ParsedExpr[];
  readonly distinct: boolean;
  readonly limit?: { readonly n: number; readonly orders: readonly ParsedSortOrder[] };
}

/** Peels `Limit(Sort(Distinct(Project | Aggregate)))` off a lateral body (under its alias); undefined for other shapes. */
export function groupedLateralOf(body: ParsedPlan): (GroupedLateral & { readonly condition?: ParsedExpr }) | undefined {
  let p = body;
  let limit: GroupedLateral["limit"];
  if (p.kind === "Limit") {
    const n = p.n;
    let orders: readonly ParsedSortOrder[] = [];
    p = p.input;
    if (p.kind === "Sort" && p.global) {
      orders = p.orders;
      p = p.input;
    }
    limit = { n, orders };
  }
  let distinct = false;
  if (p.kind === "Distinct" && p.columns === undefined) {
    distinct = true;
    p = p.input;
  }
  let items: readonly ParsedExpr[];
  let groupBy: readonly ParsedExpr[] | undefined;
  if (p.kind === "Aggregate" && p.sqlSelect === true && p.groupingAnalytics === undefined && p.pivot === undefined && p.groupByAll !== true) {
    items = p.aggs;
    groupBy = p.groupBy;
  } else if (p.kind === "Project") items = p.exprs;
  else return undefined;
  const input = p.input;
  const rel = input.kind === "Filter" ? input.input : input;
  const condition = input.kind === "Filter" ? input.condition : undefined;
  return { items, rel, ...(groupBy === undefined ? {} : { groupBy }), distinct, ...(limit === undefined ? {} : { limit }), ...(condition === undefined ? {} : { condition }) };
}

/**
 * Whether the lateral body needs grouping per correlated key: LIMIT, DISTINCT, GROUP BY, or a
 * select list that aggregates (a global aggregate: one row per outer row).
 */
export function isGrouped(shape: GroupedLateral, innerScope: Scope): boolean {
  return shape.limit !== undefined || shape.distinct || shape.groupBy !== undefined || aggregatesOver(shape.items, innerScope);
}

function aggregatesOver(items: readonly ParsedExpr[], scope: Scope): boolean {
  return items.some((item) => {
    try {
      return containsAgg(resolveExpr(item, scope));
    } catch {
      return false;
    }
  });
}

/** A correlated equality `inner = outer` of the subquery's WHERE, as parsed expressions. */
export interface CorrelatedKey {
  readonly inner: ParsedExpr;
  readonly outer: ParsedExpr;
}

/**
 * Splits a correlated conjunct `a = b` into the side over the subquery's relation and the side
 * over the outer query; any other correlated shape is not decorrelated here.
 */
export function correlatedKey(c: ParsedExpr, innerScope: Scope, outerScope: Scope): CorrelatedKey {
  const resolves = (e: ParsedExpr, s: Scope): boolean => {
    try {
      resolveExpr(e, s);
      return true;
    } catch {
      return false;
    }
  };
  if (c.kind === "UnresolvedFunction" && c.name === "==" && c.args.length === 2) {
    // `col.outer()` (lateralJoin) names the outer side explicitly: resolved over the outer scope as it stands
    const [a, b] = (c.args as [ParsedExpr, ParsedExpr]).map((e) => (e.kind === "OuterReference" ? e.child : e)) as [ParsedExpr, ParsedExpr];
    if (resolves(a, innerScope) && resolves(b, outerScope)) return { inner: a, outer: b };
    if (resolves(b, innerScope) && resolves(a, outerScope)) return { inner: b, outer: a };
  }
  throw notImplemented("a correlated LATERAL subquery with GROUP BY, DISTINCT, LIMIT or an aggregate, correlated other than by equalities");
}

/**
 * The select list and the keys of a grouped lateral subquery, decorrelated as Spark's
 * DecorrelateInnerQuery does: the subquery grouped (deduplicated, numbered by row_number for
 * LIMIT) per value of its correlated keys, then joined to the outer rows on `outer = inner`.
 * A global aggregate gives each outer row one row, also when nothing matches: the values the
 * aggregate takes over no rows (count 0, not null: Spark's "count bug" handling) fill them in.
 * Returns the joined plan and the subquery's columns over it, after the left side's.
 */
export function joinGroupedLateral(
  left: Resolved,
  shape: GroupedLateral,
  local: readonly ParsedExpr[],
  keys: readonly CorrelatedKey[],
  joinType: "inner" | "left",
  innerScope: Scope,
  ctx: AnalyzerCtx,
): { plan: LogicalPlan; items: readonly Expr[] } {
  const and = (xs: readonly ParsedExpr[]): ParsedExpr | undefined => (xs.length === 0 ? undefined : xs.reduce((a, b) => fn("and", [a, b])));
  const cond = and(local);
  const relF: ParsedPlan = cond === undefined ? shape.rel : { kind: "Filter", input: shape.rel, condition: cond };
  const keyNames = keys.map((_, i) => `__lateral_key${i}`);
  const keyItems: ParsedExpr[] = keys.map((k, i) => ({ kind: "Alias", child: k.inner, name: keyNames[i]! }));
  const global = shape.groupBy === undefined && aggregatesOver(shape.items, innerScope);
  const grouped = shape.groupBy !== undefined || global;
  const rn = "__lateral_rn";
  let sub: ParsedPlan;
  if (grouped) sub = { kind: "Aggregate", input: relF, groupBy: [...keys.map((k) => k.inner), ...(shape.groupBy ?? [])], aggs: [...keyItems, ...shape.items], sqlSelect: true };
  else if (shape.limit !== undefined && !shape.distinct) {
    // LIMIT over a plain select: rows numbered per key over the relation, so ORDER BY may name its columns
    const orders = shape.limit.orders.map((o) => ({ ...o, child: itemChild(o.child, shape.items) }));
    sub = { kind: "Project", input: relF, exprs: [...keyItems, ...shape.items, { kind: "Alias", child: rowNumber(keys.map((k) => k.inner), orders, keys.map((k) => k.inner)), name: rn }] };
  } else sub = { kind: "Project", input: relF, exprs: [...keyItems, ...shape.items] };
  if (shape.distinct) sub = { kind: "Distinct", input: sub };
  if (shape.limit !== undefined) {
    const numbered = sub.kind === "Project" && !shape.distinct && !grouped;
    if (!numbered) {
      // over the grouped (distinct) rows, ORDER BY names their columns
      const keyRefs = keyNames.map(ref);
      sub = { kind: "Project", input: sub, exprs: [{ kind: "UnresolvedStar" }, { kind: "Alias", child: rowNumber(keyRefs, shape.limit.orders, keyRefs), name: rn }] };
    }
    sub = { kind: "Filter", input: sub, condition: fn("<=", [ref(rn), { kind: "Literal", value: shape.limit.n, dataType: { kind: "integer" } }]) };
    sub = { kind: "Drop", input: sub, columns: [ref(rn)] };
  }
  const r = ctx.resolve(sub);
  const out = outputOf(r.plan);
  const keysOut = out.slice(0, keys.length);
  const itemsOut = out.slice(keys.length);
  const outerScope = scopeOf(left, ctx);
  const on = keys.map((k, i) => call("==", [resolveExpr(k.outer, outerScope), keysOut[i]!])).reduce((a, b) => call("and", [a, b]));
  // a global aggregate keeps every outer row; LIMIT 0 over it keeps none
  if (!(global && (shape.limit === undefined || shape.limit.n > 0))) {
    const plan = join(left.plan, r.plan, joinType, on);
    // read through the join, whose outer side makes them nullable
    const joinedOut = outputOf(plan);
    return { plan, items: itemsOut.map((a) => joinedOut.find((b) => b.exprId === a.exprId) ?? a) };
  }
  const joined = join(left.plan, r.plan, "left", on);
  const empty = ctx.resolve({ kind: "Aggregate", input: { kind: "Filter", input: shape.rel, condition: { kind: "Literal", value: false, dataType: BooleanType } }, groupBy: [], aggs: shape.items, sqlSelect: true });
  const emptyOut = outputOf(empty.plan);
  const crossed = join(joined, empty.plan, "inner", { kind: "Literal", value: true, dataType: BooleanType });
  const unmatched = call("isnull", [keysOut[0]!]);
  const items = itemsOut.map((a, i): Expr => {
    const e = emptyOut[i]!;
    const t = exprType(a);
    return { kind: "Alias", child: { kind: "CaseWhen", branches: [[unmatched, e]], elseValue: a, dataType: t }, name: a.name, exprId: newExprId() };
  });
  const plan = project(crossed, [...outputOf(left.plan).map((a) => outputOf(crossed).find((b) => b.exprId === a.exprId) ?? a), ...items]);
  return { plan, items: outputOf(plan).slice(outputOf(left.plan).length) };
}

/** `row_number() OVER (PARTITION BY keys ORDER BY orders)`; without ORDER BY the keys order it (any row order is LIMIT's). */
function rowNumber(partition: readonly ParsedExpr[], orders: readonly ParsedSortOrder[], fallback: readonly ParsedExpr[]): ParsedExpr {
  const orderSpec: ParsedSortOrder[] = orders.length > 0 ? [...orders] : fallback.map((child) => ({ kind: "SortOrder", child, ascending: true, nullsFirst: true }));
  return { kind: "Window", windowFunction: fn("row_number", []), partitionSpec: partition, orderSpec };
}

/** `ORDER BY x` where x is a select item's alias: the item's expression (the window runs below the select list). */
function itemChild(e: ParsedExpr, items: readonly ParsedExpr[]): ParsedExpr {
  if (e.kind !== "UnresolvedAttribute" || e.nameParts.length !== 1) return e;
  const name = e.nameParts[0]!.toLowerCase();
  const hit = items.find((i) => i.kind === "Alias" && i.name.toLowerCase() === name);
  return hit?.kind === "Alias" ? hit.child : e;
}
