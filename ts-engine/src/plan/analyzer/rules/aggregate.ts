import { withOperatorText } from "../missing-operator.js";
import { isGroupedAggPandasUdf } from "../../../expr/python-eval-type.js";
import { AnalysisException, InternalError, SparkException } from "../../../errors/spark-exception.js";
import { newExprId, type AttributeRef, type Expr } from "../../../expr/expr.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import { BooleanType, IntegerType } from "../../../types/data-type.js";
import { markWithoutPlan } from "../../../errors/without-plan.js";
import { exprSemanticEquals } from "../../../expr/expr-equals.js";
import { exprChildren, exprExists } from "../../../expr/transform.js";
import { exprPrettySql, exprToString } from "../../../expr/expr-string.js";
import type { Distinct, GroupingAnalytics, ParsedAggregate } from "../../parsed-plan.js";
import type { ParsedExpr } from "../../../expr/parsed-expr.js";
import type { Scope } from "../scope.js";
import { aggregate, project } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import { sameName, scopeOf, type AnalyzerCtx, type Resolved } from "../context.js";
import { named } from "../naming.js";
import { containsAgg } from "../resolve-expr.js";
import { resolveExpanding } from "../resolve-expanding.js";
import { resolveGroupingSets } from "./grouping-analytics.js";
import { implicitPivotGroupBy, pivotOutputs } from "./pivot.js";
import { resolvePivotAgg } from "./pivot-agg-plan.js";
import { checkNoWindow, extractWindows, hasWindow, liftWindowsOverAggregate } from "./window.js";
import { extractTimeWindows, hasTimeWindow } from "./time-window.js";
import { exprType } from "../../../expr/expr-type.js";
import { sqlTypeName } from "../../../types/type-names.js";

function unalias(e: Expr): Expr {
  return e.kind === "Alias" ? unalias(e.child) : e;
}

/** Finds an attribute used outside aggregate calls and outside grouping expressions (MISSING_AGGREGATION). */
function ungrouped(e: Expr, groups: readonly Expr[]): Expr | null {
  if (e.kind === "AggCall" || isGroupedAggPandasUdf(e)) return null;
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
export function resolveAggregate(input: Resolved, groupByIn: readonly Expr[], aggsIn: readonly Expr[], ctx: AnalyzerCtx, prependGroups = false): Resolved {
  void ctx;
  let child = input;
  let groupBy = groupByIn;
  let aggs = aggsIn;
  if (hasTimeWindow([...groupBy, ...aggs])) {
    // Spark's TimeWindowing / SessionWindowing over the Aggregate: grouping by the window column computed below
    const tw = extractTimeWindows(child.plan, [...groupBy, ...aggs]);
    child = { ...child, plan: tw.plan };
    groupBy = tw.exprs.slice(0, groupBy.length);
    aggs = tw.exprs.slice(groupBy.length);
  }
  checkNoWindow(groupBy, "group");
  for (const g of groupBy) {
    if (containsAgg(g)) throw new AnalysisException("GROUP_BY_AGGREGATE", { sqlExpr: `"${exprPrettySql(g)}"` });
    const t = exprType(g);
    if (t.kind === "variant") {
      // Spark's CheckAnalysis: grouping keys must be orderable (VARIANT is not).
      throw new AnalysisException("GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE", { sqlExpr: `"${exprPrettySql(unalias(g))}"`, dataType: `"${sqlTypeName(t)}"` });
    }
  }
  const all = [...(prependGroups ? groupBy.map(named) : []), ...aggs.map(named)];
  // windows over the aggregated rows: the aggregate computes what they read, they run above it
  const lifted = all.some(hasWindow) ? liftWindowsOverAggregate(all, groupBy) : undefined;
  const outputs = lifted?.aggOutputs ?? all;
  if (outputs.some(usesGroupingFunction)) throw new AnalysisException("UNSUPPORTED_GROUPING_EXPRESSION", {});
  checkGrouped(outputs, groupBy);
  checkPandasPlacement(outputs);
  const agg = aggregate(child.plan, groupBy.map(unalias), outputs);
  if (lifted === undefined) return { plan: agg, planIds: child.planIds };
  const w = extractWindows(agg, lifted.project);
  return { plan: project(w.plan, w.exprs), planIds: child.planIds };
}

/** Non-aggregate parts of outputs must be grouping expressions (MISSING_AGGREGATION; MISSING_GROUP_BY without any). */
function checkGrouped(outputs: readonly Expr[], groupBy: readonly Expr[]): void {
  for (const o of outputs) {
    const bad = ungrouped(unalias(o), groupBy);
    if (bad === null) continue;
    if (groupBy.length === 0) throw new AnalysisException("MISSING_GROUP_BY", {});
    const sql = exprPrettySql(bad);
    throw new AnalysisException("MISSING_AGGREGATION", { expression: `"${sql}"`, expressionAnyValue: `"any_value(${sql})"` });
  }
}

/**
 * Spark's CheckAnalysis: grouped-aggregate pandas UDFs run in their own operator, so they
 * cannot share an aggregate with SQL aggregate functions (INVALID_PANDAS_UDF_PLACEMENT).
 */
function checkPandasPlacement(outputs: readonly Expr[]): void {
  const names: string[] = [];
  for (const o of outputs) {
    exprExists(o, (x) => {
      if (x.kind === "PythonUDF" && isGroupedAggPandasUdf(x) && !names.includes(x.name)) names.push(x.name);
      return false;
    });
  }
  if (names.length === 0 || !outputs.some((o) => exprExists(o, (x) => x.kind === "AggCall"))) return;
  // raised with no plan appended, as Spark's message shows it
  throw markWithoutPlan(new AnalysisException("INVALID_PANDAS_UDF_PLACEMENT", { functionList: names.map((n) => `\`${n}\``).join(", ") }));
}

/** grouping()/grouping_id() (registry calls that only grouping sets give a meaning). */
function usesGroupingFunction(e: Expr): boolean {
  return exprExists(e, (x) => x.kind === "ScalarCall" && (x.fn === "grouping" || x.fn === "grouping_id"));
}

/**
 * An aggregate over grouping sets (cube, rollup, groupingSets): the Expand and Aggregate of
 * rules/grouping-analytics.ts, then the same checks as a plain aggregate's over its keys.
 */
function resolveGroupingAggregate(
  child: Resolved,
  groupBy: readonly Expr[],
  analytics: GroupingAnalytics,
  sets: readonly (readonly Expr[])[],
  aggs: readonly Expr[],
  prependGroups: boolean,
): Resolved {
  for (const g of groupBy) {
    if (containsAgg(g)) throw new AnalysisException("GROUP_BY_AGGREGATE", { sqlExpr: `"${exprPrettySql(g)}"` });
  }
  const outputs = [...(prependGroups ? groupBy.map(named) : []), ...aggs.map(named)];
  const plan = resolveGroupingSets(child, groupBy.map(unalias), analytics, sets, outputs);
  checkGrouped(plan.aggs, plan.groupBy);
  return { plan, planIds: child.planIds };
}

/** groupBy(...).agg(...) from the wire: resolves both lists, then prepends the grouping columns. */
export function resolveAggregateNode(p: ParsedAggregate, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const scope = scopeOf(child, ctx);
  let aggs: Expr[];
  try {
    aggs = resolveExpanding(p.aggs, scope);
  } catch (err) {
    const windowed = p.sqlSelect === true && p.groupingAnalytics === undefined && p.pivot === undefined && err instanceof AnalysisException ? resolveOverGroupedWindow(p, child, scope, ctx) : null;
    if (windowed === null) throw err;
    return windowed;
  }
  if (p.pivot !== undefined) {
    // Spark's ResolvePivot: the pivoted aggregates follow the grouping columns; numeric
    // aggregate calls in one pass over slots (pivot-agg-plan.ts), others one CASE per value
    const groupBy = p.pivot.implicitGroupBy === true ? implicitPivotGroupBy(child, p.pivot, aggs, scope) : resolveExpanding(p.groupBy, scope);
    const slotted = resolvePivotAgg(child, groupBy, p.pivot, aggs, scope, ctx, (c, g, a) => resolveAggregate(c, g, a, ctx, true));
    if (slotted !== undefined) return slotted;
    return resolveAggregate(child, groupBy, pivotOutputs(p.pivot, aggs, scope, ctx), ctx, true);
  }
  if (p.groupingAnalytics !== undefined) {
    const ga = p.groupingAnalytics;
    // SQL's grouping sets may name select-list aliases and ordinals, as its plain GROUP BY
    const item = (g: ParsedExpr): Expr[] => (p.sqlSelect === true ? groupByItem(g, p.aggs, aggs, scope) : resolveExpanding([g], scope));
    const groupBy = p.groupBy.flatMap(item);
    const sets = ga.type === "groupingSets" ? ga.sets.map((s) => s.flatMap(item)) : [];
    return resolveGroupingAggregate(child, groupBy, ga, sets, aggs, p.sqlSelect !== true);
  }
  if (p.sqlSelect !== true) {
    // Spark's message names the Aggregate: its grouping expressions, then the grouping columns and aggregates
    const both = withOperatorText(
      scope,
      (s) => ({ groupBy: resolveExpanding(p.groupBy, s), aggs: resolveExpanding(p.aggs, s) }),
      (r) => `Aggregate [${r.groupBy.map((g) => exprToString(unalias(g))).join(", ")}], [${[...r.groupBy, ...r.aggs].map((e) => exprToString(named(e))).join(", ")}]`,
    );
    return resolveAggregate(child, both.groupBy, both.aggs, ctx, true);
  }
  // GROUP BY ALL groups by every select item that holds no aggregate (Spark 3.4+).
  if (p.groupByAll === true) return resolveAggregate(child, aggs.filter((a) => !containsAgg(a)).map(unalias), aggs, ctx, false);
  const groupBy = p.groupBy.flatMap((g) => groupByItem(g, p.aggs, aggs, scope));
  return resolveAggregate(child, groupBy, aggs, ctx, false);
}

/**
 * SQL's `SELECT window.start … GROUP BY window(ts, …)`: the select list reads the column the
 * grouping's time window becomes (Spark's TimeWindowing runs before the list resolves), so
 * the window is computed first and the list resolved over it; null when the grouping holds none.
 */
function resolveOverGroupedWindow(p: ParsedAggregate, child: Resolved, scope: Scope, ctx: AnalyzerCtx): Resolved | null {
  let groupBy: Expr[];
  try {
    groupBy = resolveExpanding(p.groupBy, scope);
  } catch {
    return null;
  }
  if (!hasTimeWindow(groupBy)) return null;
  const tw = extractTimeWindows(child.plan, groupBy);
  const windowed: Resolved = { ...child, plan: tw.plan };
  const aggs = resolveExpanding(p.aggs, scopeOf(windowed, ctx)).map(tw.substitute);
  return resolveAggregate(windowed, tw.exprs, aggs, ctx, false);
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

/**
 * distinct(): an Aggregate grouping by every output column. dropDuplicates(subset) as Spark's
 * ReplaceDeduplicateWithAggregate: grouped by every column of those names (each name once, in
 * the order given; an unknown one is _LEGACY_ERROR_TEMP_1201), the others `first(col)`.
 */
export function resolveDistinct(p: Distinct, ctx: AnalyzerCtx): Resolved {
  const child = ctx.resolve(p.input);
  const attrs = outputOf(child.plan);
  if (p.withinWatermark === true) {
    // Spark's UnsupportedOperationChecker on a batch plan (an AnalysisException without error class)
    const keys = p.columns === undefined ? attrs : attrs.filter((a) => p.columns!.some((c) => sameName(a.name, c, ctx.caseSensitive)));
    const rawMessage = `dropDuplicatesWithinWatermark is not supported with batch DataFrames/DataSets;\nDeduplicateWithinWatermark [${keys.map(exprToString).join(", ")}]`;
    throw new SparkException("AnalysisException", "_LEGACY_ERROR_TEMP_3102", {}, { rawMessage, sqlState: "" });
  }
  if (p.columns === undefined) return { plan: aggregate(child.plan, attrs, attrs), planIds: child.planIds };
  const keys: AttributeRef[] = [];
  for (const name of new Set(p.columns)) {
    const hits = attrs.filter((a) => sameName(a.name, name, ctx.caseSensitive));
    // raised by Dataset.dropDuplicates before analysis: no plan appended
    if (hits.length === 0) throw markWithoutPlan(new AnalysisException("_LEGACY_ERROR_TEMP_1201", { colName: name, fieldNames: attrs.map((a) => a.name).join(", ") }));
    for (const h of hits) if (!keys.includes(h)) keys.push(h);
  }
  const first = lookupFunction("first");
  if (first?.kind !== "agg") throw new InternalError("missing aggregate function first");
  const ignoreNulls: Expr = { kind: "Literal", value: false, dataType: BooleanType };
  const outputs: Expr[] = attrs.map((a) => (keys.includes(a) ? a : { kind: "Alias", child: first.resolve("first", [a, ignoreNulls], false), name: a.name, exprId: newExprId() }));
  // no keys: Spark groups by a literal so that an empty input gives no row
  const groupBy: Expr[] = keys.length === 0 ? [{ kind: "Literal", value: 1, dataType: IntegerType }] : keys;
  return { plan: aggregate(child.plan, groupBy, outputs), planIds: child.planIds };
}
