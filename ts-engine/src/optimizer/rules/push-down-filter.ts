import type { AttributeRef, Expr } from "../../expr/expr.js";
import { isNondeterministicFunction } from "../../expr/functions/registry.js";
import type { Filter, LogicalPlan } from "../../plan/logical-plan.js";
import { expand, filter, join, project, repartition } from "../../plan/nodes/index.js";
import { outputOf } from "../../plan/output.js";
import { andAll, splitConjuncts } from "../join-keys.js";
import type { OptimizerRule } from "../rule.js";
import { exprExists, referencedIds, transformExprUp, transformPlanDown } from "../../plan/transform.js";

function readsOnly(e: Expr, attrs: readonly AttributeRef[]): boolean {
  const ids = new Set(attrs.map((a) => a.exprId));
  for (const id of referencedIds(e)) if (!ids.has(id)) return false;
  return true;
}

function deterministic(e: Expr): boolean {
  return !exprExists(e, (x) => x.kind === "PythonUDF" || (x.kind === "ScalarCall" && isNondeterministicFunction(x.fn)));
}

/** Filter over Project: substitute the projected expressions and filter first. */
function throughProject(f: Filter): LogicalPlan {
  const p = f.input;
  if (p.kind !== "Project" || !deterministic(f.condition) || !p.exprs.every(deterministic)) return f;
  const defs = new Map<number, Expr>();
  for (const e of p.exprs) if (e.kind === "Alias" && e.exprId !== undefined) defs.set(e.exprId, e.child);
  // Filters on an aggregate-free projection only; substituting keeps names of the inner attributes.
  const cond = transformExprUp(f.condition, (x) => (x.kind === "AttributeRef" ? (defs.get(x.exprId) ?? x) : x));
  return project(filter(p.input, cond), p.exprs);
}

/**
 * Filter over Expand (Spark's PushPredicateThroughNonJoin): the conjuncts that read only
 * columns every projection passes through unchanged hold for each copy of a row exactly when
 * they hold for the row, so they filter below the Expand (a sliding window's isnotnull(ts)).
 */
function throughExpand(f: Filter): LogicalPlan {
  const ex = f.input;
  if (ex.kind !== "Expand") return f;
  const passed = ex.output.filter((a, i) => ex.projections.every((proj) => proj[i]?.kind === "AttributeRef" && proj[i].exprId === a.exprId));
  const down: Expr[] = [];
  const stay: Expr[] = [];
  for (const c of splitConjuncts(f.condition)) (deterministic(c) && readsOnly(c, passed) ? down : stay).push(c);
  const cond = andAll(down);
  if (cond === undefined) return f;
  const pushed = expand(filter(ex.input, cond), ex.projections, ex.output);
  const rest = andAll(stay);
  return rest === undefined ? pushed : filter(pushed, rest);
}

/** Filter over Join: conjuncts that read one side only move below the join where that keeps its meaning. */
function intoJoin(f: Filter): LogicalPlan {
  const j = f.input;
  if (j.kind !== "Join") return f;
  const la = outputOf(j.left);
  const ra = outputOf(j.right);
  const toLeft: Expr[] = [];
  const toRight: Expr[] = [];
  const stay: Expr[] = [];
  const leftOk = j.joinType === "inner" || j.joinType === "cross" || j.joinType === "left" || j.joinType === "left_semi" || j.joinType === "left_anti";
  const rightOk = j.joinType === "inner" || j.joinType === "cross" || j.joinType === "right";
  // Spark's PushPredicateThroughJoin: over an inner (or cross) join, a conjunct that reads both
  // sides becomes part of the join condition, so `FROM a, b WHERE a.k = b.k` is an equi-join.
  const inner = j.joinType === "inner" || j.joinType === "cross";
  const both = [...la, ...ra];
  const toJoin: Expr[] = [];
  for (const c of splitConjuncts(f.condition)) {
    if (!deterministic(c)) stay.push(c);
    else if (leftOk && readsOnly(c, la)) toLeft.push(c);
    else if (rightOk && readsOnly(c, ra)) toRight.push(c);
    else if (inner && readsOnly(c, both)) toJoin.push(c);
    else stay.push(c);
  }
  if (toLeft.length === 0 && toRight.length === 0 && toJoin.length === 0) return f;
  const lc = andAll(toLeft);
  const rc = andAll(toRight);
  const jc = andAll([...(j.condition === undefined ? [] : splitConjuncts(j.condition)), ...toJoin]);
  const pushed = join(
    lc === undefined ? j.left : filter(j.left, lc),
    rc === undefined ? j.right : filter(j.right, rc),
    toJoin.length > 0 && j.joinType === "cross" ? "inner" : j.joinType,
    jc,
    j.hint,
  );
  const rest = andAll(stay);
  return rest === undefined ? pushed : filter(pushed, rest);
}

/**
 * An inner (or semi) join's condition conjuncts that read one side only filter that side
 * (Spark's PushPredicateThroughJoin on a join's condition): `a JOIN b ON a.k = b.k AND a.x > 1`
 * filters a first. An outer join's condition must see every row of its preserved side.
 */
function conditionIntoSides(j: LogicalPlan & { kind: "Join" }): LogicalPlan {
  if (j.condition === undefined || !(j.joinType === "inner" || j.joinType === "cross" || j.joinType === "left_semi")) return j;
  const la = outputOf(j.left);
  const ra = outputOf(j.right);
  const toLeft: Expr[] = [];
  const toRight: Expr[] = [];
  const stay: Expr[] = [];
  for (const c of splitConjuncts(j.condition)) {
    const refs = referencedIds(c);
    if (refs.size === 0 || !deterministic(c)) stay.push(c);
    else if (readsOnly(c, la)) toLeft.push(c);
    else if (readsOnly(c, ra)) toRight.push(c);
    else stay.push(c);
  }
  if (toLeft.length === 0 && toRight.length === 0) return j;
  const lc = andAll(toLeft);
  const rc = andAll(toRight);
  return join(lc === undefined ? j.left : filter(j.left, lc), rc === undefined ? j.right : filter(j.right, rc), j.joinType, andAll(stay), j.hint);
}

/** Moves filters below projections and into the sides of joins, so fewer rows flow up. */
export const pushDownFilter: OptimizerRule = {
  name: "PushDownPredicates",
  apply(plan: LogicalPlan): LogicalPlan {
    return transformPlanDown(plan, (p) => {
      if (p.kind === "Join") return conditionIntoSides(p);
      if (p.kind !== "Filter") return p;
      if (p.input.kind === "Project") return throughProject(p);
      if (p.input.kind === "Join") return intoJoin(p);
      if (p.input.kind === "Expand") return throughExpand(p);
      // Spark's PushPredicateThroughNonJoin: a repartition keeps every row, so filter first
      if (p.input.kind === "Repartition" && deterministic(p.condition)) return repartition(filter(p.input.input, p.condition), p.input.scheme, p.input.numPartitions);
      return p;
    });
  },
};
