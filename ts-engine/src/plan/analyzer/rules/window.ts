import { AnalysisException } from "../../../errors/spark-exception.js";
import { newExprId, type Alias, type AttributeRef, type Expr, type SortOrder, type WindowExpression } from "../../../expr/expr.js";
import { exprSemanticEquals } from "../../../expr/expr-equals.js";
import { exprPrettySql } from "../../../expr/expr-string.js";
import { exprChildren, exprExists, withNewChildren } from "../../../expr/transform.js";
import type { LogicalPlan } from "../../logical-plan.js";
import { project, window } from "../../nodes/index.js";
import { outputOf, toAttribute } from "../../output.js";
import { isWindowFunctionCall } from "../window-spec.js";
import { noPlan } from "../no-plan.js";

/** Whether `e` holds a window expression anywhere. */
export function hasWindow(e: Expr): boolean {
  return exprExists(e, (x) => x.kind === "WindowExpression");
}

function sameSpec(a: WindowExpression, b: WindowExpression): boolean {
  const same = (x: readonly Expr[], y: readonly Expr[]): boolean => x.length === y.length && x.every((e, i) => exprSemanticEquals(e, y[i]!));
  // pandas UDFs and SQL window functions never share a node (Spark's WindowFunctionType split)
  const python = (w: WindowExpression): boolean => w.fn.kind === "PythonUDF";
  return python(a) === python(b) && same(a.partitionSpec, b.partitionSpec) && same(a.orderSpec, b.orderSpec);
}

/** WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE for a window function called outside OVER. */
function checkNoBareWindowFunction(x: Expr): void {
  if (x.kind === "WindowExpression") {
    // the function itself is the window's; its arguments and spec are plain expressions
    for (const a of [...x.fn.args, ...x.partitionSpec, ...x.orderSpec]) checkNoBareWindowFunction(a);
    return;
  }
  if (isWindowFunctionCall(x)) throw new AnalysisException("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", { funcName: `"${exprPrettySql(x)}"` });
  for (const c of exprChildren(x)) checkNoBareWindowFunction(c);
}

/**
 * Throws Spark's error when a plain list or condition holds a window expression: in WHERE
 * (_LEGACY_ERROR_TEMP_1034), or as a grouping key, which Spark reports as the window's
 * first column missing from the GROUP BY (MISSING_AGGREGATION).
 */
export function checkNoWindow(exprs: readonly Expr[], where: "filter" | "group"): void {
  for (const e of exprs) {
    const w = firstWindow(e);
    if (w !== undefined) {
      if (where === "filter") throw noPlan(new AnalysisException("_LEGACY_ERROR_TEMP_1034", {}));
      let first: Expr | undefined;
      exprExists(w, (x) => {
        if (x.kind === "AttributeRef" && first === undefined) first = x;
        return first !== undefined;
      });
      const sql = first === undefined ? exprPrettySql(w) : exprPrettySql(first);
      throw new AnalysisException("MISSING_AGGREGATION", { expression: `"${sql}"`, expressionAnyValue: `"any_value(${sql})"` });
    }
    checkNoBareWindowFunction(e);
  }
}

function firstWindow(e: Expr): WindowExpression | undefined {
  let hit: WindowExpression | undefined;
  exprExists(e, (x) => {
    if (x.kind === "WindowExpression" && hit === undefined) hit = x;
    return hit !== undefined;
  });
  return hit;
}

/**
 * Spark's ExtractWindowExpressions: the window expressions of an output list become Window
 * nodes over `input` (one per distinct partition/order spec, chained in order of first use),
 * and the list refers to their columns instead. A whole aliased item keeps its name and
 * exprId (`row_number().over(w).alias("rn")`); a window inside a larger expression gets a
 * fresh `_we<n>` column. Returns the input and list unchanged when there is none.
 */
export function extractWindows(input: LogicalPlan, exprs: readonly Expr[]): { plan: LogicalPlan; exprs: Expr[] } {
  for (const e of exprs) checkNoBareWindowFunction(e);
  let plan = input;
  let out = [...exprs];
  let counter = 0;
  // windows nested in a window's arguments or spec run first: one layer of Window nodes per depth
  while (out.some(hasWindow)) {
    const groups: { spec: WindowExpression; items: Alias[] }[] = [];
    const add = (w: WindowExpression, alias: Alias): void => {
      const g = groups.find((x) => sameSpec(x.spec, w));
      if (g === undefined) groups.push({ spec: w, items: [alias] });
      else g.items.push(alias);
    };
    const innermost = (x: Expr): Expr => {
      if (x.kind === "WindowExpression" && !exprChildren(x).some(hasWindow)) {
        const alias: Alias = { kind: "Alias", child: x, name: `_we${counter++}`, exprId: newExprId() };
        add(x, alias);
        return toAttribute(alias);
      }
      const kids = exprChildren(x);
      return kids.length === 0 ? x : withNewChildren(x, kids.map(innermost));
    };
    out = out.map((e): Expr => {
      if (e.kind === "Alias" && e.child.kind === "WindowExpression" && !exprChildren(e.child).some(hasWindow)) {
        add(e.child, e);
        return toAttribute(e);
      }
      return innermost(e);
    });
    const pre = preProjection(plan, out, groups);
    plan = pre.plan;
    for (const g of pre.groups) plan = window(plan, g.items, g.partitionSpec, g.orderSpec);
  }
  return { plan, exprs: out };
}

/**
 * Spark's ExtractWindowExpressions pre-projection: below the windows, a Project of what the
 * rest needs, in Spark's order (the list's other columns, then each window's function
 * arguments, partition keys and order keys), where a computed argument or key becomes a
 * `_w<n>` column and the window reads that. Left out when it would keep the input as it is.
 */
function preProjection(
  input: LogicalPlan,
  out: readonly Expr[],
  groups: readonly { spec: WindowExpression; items: Alias[] }[],
): { plan: LogicalPlan; groups: { items: Alias[]; partitionSpec: Expr[]; orderSpec: SortOrder[] }[] } {
  const inAttrs = outputOf(input);
  const inIds = new Set(inAttrs.map((a) => a.exprId));
  const needed: Expr[] = [];
  const haveIds = new Set<number>();
  const addAttr = (a: AttributeRef): void => {
    if (inIds.has(a.exprId) && !haveIds.has(a.exprId)) {
      haveIds.add(a.exprId);
      needed.push(a);
    }
  };
  const visitAttrs = (e: Expr): void => {
    exprExists(e, (x) => {
      if (x.kind === "AttributeRef") addAttr(x);
      return false;
    });
  };
  for (const e of out) visitAttrs(e);
  let counter = 0;
  const computed: { e: Expr; attr: AttributeRef }[] = [];
  const extract = (e: Expr): Expr => {
    if (e.kind === "AttributeRef") {
      addAttr(e);
      return e;
    }
    if (!exprExists(e, (x) => x.kind === "AttributeRef")) return e;
    const hit = computed.find((c) => exprSemanticEquals(c.e, e));
    if (hit !== undefined) return hit.attr;
    const alias: Alias = { kind: "Alias", child: e, name: `_w${counter++}`, exprId: newExprId() };
    needed.push(alias);
    const attr = toAttribute(alias);
    computed.push({ e, attr });
    return attr;
  };
  const rewritten = groups.map((g) => {
    const items = g.items.map((a): Alias => {
      const w = a.child as WindowExpression;
      const fn = { ...w.fn, args: w.fn.args.map(extract) };
      return { ...a, child: { ...w, fn } };
    });
    const partitionSpec = g.spec.partitionSpec.map(extract);
    const orderSpec = g.spec.orderSpec.map((o): SortOrder => ({ ...o, child: extract(o.child) }));
    const withSpec = items.map((a): Alias => ({ ...a, child: { ...(a.child as WindowExpression), partitionSpec, orderSpec } }));
    return { items: withSpec, partitionSpec, orderSpec };
  });
  const same = needed.length === inAttrs.length && needed.every((e, i) => e.kind === "AttributeRef" && e.exprId === inAttrs[i]!.exprId);
  if (same || needed.length === 0) {
    // no pre-projection: the windows read the input's columns, computed arguments in place
    return { plan: input, groups: groups.map((g) => ({ items: g.items, partitionSpec: [...g.spec.partitionSpec], orderSpec: [...g.spec.orderSpec] })) };
  }
  return { plan: project(input, needed), groups: rewritten };
}

/**
 * Spark's ExtractWindowExpressions over an aggregate whose outputs hold windows
 * (`groupBy("k").agg(sum("v"), rank().over(Window.orderBy(sum("v"))))`): the aggregate
 * computes the grouping values and every aggregate call outside the windows' own functions
 * (as `_w<n>` columns), the windows run over its rows, and a projection gives the outputs.
 * `aggOutputs` are the Aggregate's named outputs; `project` the final list over the windows.
 */
export function liftWindowsOverAggregate(outputs: readonly Expr[], groupBy: readonly Expr[]): { aggOutputs: Expr[]; project: Expr[] } {
  const aggOutputs: Expr[] = [];
  let counter = 0;
  // computed values are shared among the windows only, not with the outputs (Spark's _w<n> columns)
  const liftedAliases: Alias[] = [];
  const lifted = (e: Expr): Expr => {
    const hit = liftedAliases.find((a) => exprSemanticEquals(a.child, e));
    if (hit !== undefined) return toAttribute(hit);
    const alias: Alias = { kind: "Alias", child: e, name: `_w${counter++}`, exprId: newExprId() };
    liftedAliases.push(alias);
    aggOutputs.push(alias);
    return toAttribute(alias);
  };
  const lift = (e: Expr): Expr =>
    transformExprDownLocal(e, (x) => {
      if (x.kind === "WindowExpression") {
        // the window's own aggregate runs over the aggregated rows; its arguments are lifted
        const fn = { ...x.fn, args: x.fn.args.map(lift) };
        return { ...x, fn, partitionSpec: x.partitionSpec.map(lift), orderSpec: x.orderSpec.map((o) => ({ ...o, child: lift(o.child) })) };
      }
      if (x.kind === "AggCall") return lifted(x);
      if (groupBy.some((g) => exprSemanticEquals(g, x))) {
        if (x.kind !== "AttributeRef") return lifted(x);
        if (!aggOutputs.some((a) => a.kind === "AttributeRef" && a.exprId === x.exprId)) aggOutputs.push(x);
        return x;
      }
      return undefined;
    });
  const project = outputs.map((o) => {
    if (!hasWindow(o)) {
      aggOutputs.push(o);
      return toAttribute(o);
    }
    return lift(o);
  });
  return { aggOutputs, project };
}

function transformExprDownLocal(e: Expr, f: (e: Expr) => Expr | undefined): Expr {
  const r = f(e);
  if (r !== undefined) return r;
  const kids = exprChildren(e);
  return kids.length === 0 ? e : withNewChildren(e, kids.map((k) => transformExprDownLocal(k, f)));
}
