import { isGroupedAggPandasUdf } from "../../expr/python-eval-type.js";
import { newExprId, type AttributeRef, type Expr, type PythonUDF, type SortOrder } from "../../expr/expr.js";
import type { LogicalPlan } from "../../plan/logical-plan.js";
import { aggregate, batchEvalPython, filter, join, project, sort } from "../../plan/nodes/index.js";
import { outputOf } from "../../plan/output.js";
import type { OptimizerRule } from "../rule.js";
import { exprExists, mapExprChildren, transformExprDown, transformPlanUp } from "../../plan/transform.js";

function hasUdf(e: Expr): boolean {
  return exprExists(e, (x) => x.kind === "PythonUDF" && !isGroupedAggPandasUdf(x));
}

function hasAgg(e: Expr): boolean {
  return exprExists(e, (x) => x.kind === "AggCall");
}

/** Structural identity of a UDF call: the same function over the same arguments is evaluated once. */
function udfKey(u: PythonUDF): string {
  return JSON.stringify(u, (_k, v: unknown) => typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? Buffer.from(v).toString("base64") : v);
}

/** Whether every column `e` reads is one of `ids` (the output of the node it would run over). */
function readsOnly(e: Expr, ids: ReadonlySet<number>): boolean {
  return !exprExists(e, (x) => x.kind === "AttributeRef" && !ids.has(x.exprId));
}

/**
 * UDFs in `exprs` whose arguments hold no other UDF and no aggregate and read only `ids`
 * (evaluable below the node now, over that input), each once by structure, in first-seen order.
 */
function innermostUdfs(exprs: readonly Expr[], ids?: ReadonlySet<number>): PythonUDF[] {
  const found: PythonUDF[] = [];
  const keys = new Set<string>();
  const visit = (e: Expr): void => {
    // a grouped-aggregate pandas UDF is an aggregate, run by its own operator (only scalar UDFs in its arguments run here)
    if (e.kind === "PythonUDF" && !isGroupedAggPandasUdf(e) && !e.args.some(hasUdf) && !e.args.some(hasAgg) && (ids === undefined || readsOnly(e, ids))) {
      const k = udfKey(e);
      if (!keys.has(k)) {
        keys.add(k);
        found.push(e);
      }
      return;
    }
    mapExprChildren(e, (c) => {
      visit(c);
      return c;
    });
  };
  exprs.forEach(visit);
  return found;
}

/**
 * Stacks BatchEvalPython nodes over `input` until no UDF is left in `exprs` (a UDF whose
 * argument is another UDF's result gets a node above the inner one), and returns the
 * rewritten expressions that read the UDF results as attributes.
 */
function extract(input: LogicalPlan, exprs: readonly Expr[]): { input: LogicalPlan; exprs: readonly Expr[] } {
  let child = input;
  let current = exprs;
  let counter = 0;
  for (;;) {
    const udfs = innermostUdfs(current, new Set(outputOf(child).map((a) => a.exprId)));
    if (udfs.length === 0) break;
    const keys = udfs.map(udfKey);
    const resultAttrs: AttributeRef[] = udfs.map((u) => ({
      kind: "AttributeRef",
      name: `pythonUDF${counter++}`,
      dataType: u.returnType,
      nullable: true,
      exprId: newExprId(),
    }));
    child = batchEvalPython(child, udfs, resultAttrs);
    current = current.map((e) =>
      transformExprDown(e, (x) => {
        const i = x.kind === "PythonUDF" ? keys.indexOf(udfKey(x)) : -1;
        return i >= 0 ? resultAttrs[i] : undefined;
      }),
    );
  }
  return { input: child, exprs: current };
}

/** A top-level UDF in a projection keeps its output name as an alias of its result. */
function keepNames(before: readonly Expr[], after: readonly Expr[]): Expr[] {
  return after.map((e, i) => {
    const orig = before[i]!;
    if (orig.kind === "PythonUDF" && e.kind === "AttributeRef") return { kind: "Alias", child: e, name: orig.name, exprId: newExprId() };
    return e;
  });
}

function rewrite(plan: LogicalPlan): LogicalPlan {
  if (plan.kind === "Project" && plan.exprs.some(hasUdf)) {
    const r = extract(plan.input, plan.exprs);
    return project(r.input, keepNames(plan.exprs, r.exprs));
  }
  if (plan.kind === "Filter" && hasUdf(plan.condition)) {
    const r = extract(plan.input, [plan.condition]);
    // The UDF result columns are internal: project them away again.
    return project(filter(r.input, r.exprs[0]!), outputOf(plan.input));
  }
  if (plan.kind === "Sort" && plan.orders.some(hasUdf)) {
    const r = extract(plan.input, plan.orders);
    return project(sort(r.input, r.exprs as readonly SortOrder[], plan.global), outputOf(plan.input));
  }
  if (plan.kind === "Join" && plan.condition !== undefined && hasUdf(plan.condition)) {
    // Spark's ExtractPythonUDFs runs a UDF over the join side whose columns it reads; one
    // reading both sides makes an inner join a filter over the unconditioned join (Spark's
    // ExtractPythonUDFFromJoinCondition).
    const l = extract(plan.left, [plan.condition]);
    const r = extract(plan.right, l.exprs);
    const cond = r.exprs[0]!;
    if (hasUdf(cond) && (plan.joinType === "inner" || plan.joinType === "cross")) {
      const crossed = join(l.input, r.input, plan.joinType, undefined, plan.hint);
      return project(rewrite(filter(crossed, cond)), outputOf(plan));
    }
    return project(join(l.input, r.input, plan.joinType, cond, plan.hint), outputOf(plan));
  }
  if (plan.kind === "Aggregate") {
    // UDFs over grouping columns or aggregate inputs run below the Aggregate (Spark's
    // ExtractPythonUDFFromAggregate); one grouping key and its use in the output become
    // the same result attribute. UDFs over aggregate results are not extracted here.
    const n = plan.groupBy.length;
    const all = [...plan.groupBy, ...plan.aggs];
    if (innermostUdfs(all).length === 0) return plan;
    const r = extract(plan.input, all);
    return aggregate(r.input, r.exprs.slice(0, n), r.exprs.slice(n));
  }
  return plan;
}

/**
 * Spark's ExtractPythonUDFs: pulls PythonUDF calls out of Project, Filter, Sort, Join
 * conditions and Aggregate (grouping keys, aggregate inputs) expressions
 * into a BatchEvalPython node below them, which appends one result column per UDF, and
 * replaces each call by an AttributeRef to its result. Returns the same plan when there
 * is no UDF.
 */
export const extractPythonUdfs: OptimizerRule = {
  name: "ExtractPythonUDFs",
  apply(plan: LogicalPlan): LogicalPlan {
    return transformPlanUp(plan, rewrite);
  },
};
