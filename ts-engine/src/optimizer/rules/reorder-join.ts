import type { Expr } from "../../expr/expr.js";
import type { Join, JoinType, LogicalPlan } from "../../plan/logical-plan.js";
import { filter, join, project } from "../../plan/nodes/index.js";
import { outputOf } from "../../plan/output.js";
import { referencedIds, transformPlanDown } from "../../plan/transform.js";
import { deterministic } from "../constraints.js";
import { andAll, splitConjuncts } from "../join-keys.js";
import type { OptimizerRule } from "../rule.js";

/** One input of a run of inner joins, with the join type that attached it. */
interface Item {
  readonly plan: LogicalPlan;
  readonly joinType: JoinType;
}

function innerRun(p: LogicalPlan): p is Join {
  return p.kind === "Join" && (p.joinType === "inner" || p.joinType === "cross") && p.hint === undefined;
}

/**
 * A left-deep run of inner / cross joins without hints, and the filters right over it, as
 * its inputs in FROM order and all their conditions (Spark's ExtractFiltersAndInnerJoins).
 */
function flatten(p: LogicalPlan, parentType: JoinType = "inner"): { items: Item[]; conditions: Expr[] } {
  if (p.kind === "Filter" && innerRun(p.input)) {
    const inner = flatten(p.input, parentType);
    return { items: inner.items, conditions: [...inner.conditions, ...splitConjuncts(p.condition)] };
  }
  if (!innerRun(p)) return { items: [{ plan: p, joinType: parentType }], conditions: [] };
  const left = flatten(p.left, p.joinType);
  return { items: [...left.items, { plan: p.right, joinType: p.joinType }], conditions: [...left.conditions, ...(p.condition === undefined ? [] : splitConjuncts(p.condition))] };
}

function ids(p: LogicalPlan): Set<number> {
  return new Set(outputOf(p).map((a) => a.exprId));
}

function within(e: Expr, set: ReadonlySet<number>): boolean {
  const refs = referencedIds(e);
  return [...refs].every((id) => set.has(id));
}

/**
 * Spark's ReorderJoin (createOrderedJoin): from the first input, joins next the first input
 * that a condition connects to what is joined so far (one not evaluable on either alone), a
 * cross product only when none is; each condition goes to the first join that has its columns.
 */
function orderedJoin(items: readonly Item[], conditions: readonly Expr[]): LogicalPlan {
  let left = items[0]!.plan;
  let rest = items.slice(1);
  let pending = [...conditions];
  while (rest.length > 0) {
    const leftIds = ids(left);
    const connected = rest.find((it) => {
      const itIds = ids(it.plan);
      const both = new Set([...leftIds, ...itIds]);
      return pending.some((c) => referencedIds(c).size > 0 && !within(c, leftIds) && !within(c, itIds) && within(c, both));
    });
    const next = connected ?? rest[0]!;
    const joined = new Set([...leftIds, ...ids(next.plan)]);
    const here = pending.filter((c) => within(c, joined) && deterministic(c));
    pending = pending.filter((c) => !here.includes(c));
    const innerType: JoinType = next.joinType === "cross" && here.length === 0 ? "cross" : "inner";
    left = join(left, next.plan, innerType, andAll(here));
    rest = rest.filter((it) => it !== next);
  }
  const others = andAll(pending);
  return others === undefined ? left : filter(left, others);
}

/** Where a run's items and conditions sit (items by their index in `items`), to tell a reordering from the plan it came from. */
function shape(p: LogicalPlan, items: readonly Item[]): string {
  if (p.kind === "Filter" && innerRun(p.input)) return `${shape(p.input, items)},F${splitConjuncts(p.condition).length}`;
  if (innerRun(p)) return `${shape(p.left, items)},J${items.findIndex((it) => it.plan === p.right)}:${p.condition === undefined ? 0 : splitConjuncts(p.condition).length}`;
  return `I${items.findIndex((it) => it.plan === p)}`;
}

/**
 * Puts the joins of a multi-way inner join that have a join condition before cross products
 * (Spark's ReorderJoin): `FROM a, b, c WHERE a.x = c.x AND c.y = b.y` joins a with c, then b,
 * instead of a cartesian product of a and b. A projection keeps the original column order.
 */
export const reorderJoin: OptimizerRule = {
  name: "ReorderJoin",
  apply(plan: LogicalPlan): LogicalPlan {
    return transformPlanDown(plan, (p) => {
      if (!innerRun(p) && !(p.kind === "Filter" && innerRun(p.input))) return p;
      const f = flatten(p);
      if (f.items.length <= 2 || f.conditions.length === 0) return p;
      const reordered = orderedJoin(f.items, f.conditions);
      if (shape(reordered, f.items) === shape(p, f.items)) return p;
      const before = outputOf(p);
      const after = outputOf(reordered);
      const same = before.length === after.length && before.every((a, i) => a.exprId === after[i]!.exprId);
      return same ? reordered : project(reordered, before);
    });
  },
};
