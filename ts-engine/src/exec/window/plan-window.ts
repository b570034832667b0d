import { bindReferences } from "../../expr/bind.js";
import type { Expr, SortOrder, WindowExpression } from "../../expr/expr.js";
import { windowLine } from "../../plan/explain-logical.js";
import type { Window } from "../../plan/logical-plan.js";
import { outputOf } from "../../plan/output.js";
import { exprList } from "../explain-detail.js";
import type { PhysicalPlan } from "../physical-plan.js";
import { schemaOfAttrs } from "../util.js";

/** The exchange that clusters `input` on `keys` (bound) when it is not yet, as EnsureRequirements adds it. */
export type ClusterOn = (input: PhysicalPlan, keys: readonly Expr[], shownKeys: readonly Expr[]) => PhysicalPlan;

/**
 * Spark's WindowExec as EnsureRequirements places it: the input clustered on the partition
 * keys (a hash exchange, or one partition without keys), sorted within each partition by the
 * partition keys ascending then the window's order, and the window over that.
 */
export function planWindow(p: Window, child: PhysicalPlan, clusterOn: ClusterOn): PhysicalPlan {
  const attrs = outputOf(p.input);
  const bind = (e: Expr): Expr => bindReferences(e, attrs);
  const partitionSpec = p.partitionSpec.map(bind);
  const orderSpec = p.orderSpec.map((o) => bind(o) as SortOrder);
  const sortShown: SortOrder[] = [...p.partitionSpec.map((child): SortOrder => ({ kind: "SortOrder", child, ascending: true, nullsFirst: true })), ...p.orderSpec];
  const sortBound: SortOrder[] = [...partitionSpec.map((child): SortOrder => ({ kind: "SortOrder", child, ascending: true, nullsFirst: true })), ...orderSpec];
  const clustered = clusterOn(child, partitionSpec, p.partitionSpec);
  const sorted: PhysicalPlan =
    sortBound.length === 0 ? clustered : { kind: "Sort", input: clustered, orders: sortBound, detail: ` ${exprList(sortShown)}, false, 0` };
  const windowExprs = p.windowExprs.map((a) => bind(a.child) as WindowExpression);
  const line = windowLine(p);
  return {
    kind: "Window",
    input: sorted,
    windowExprs,
    partitionSpec,
    orderSpec,
    schema: schemaOfAttrs(outputOf(p)),
    detail: line.slice("Window".length),
  };
}
