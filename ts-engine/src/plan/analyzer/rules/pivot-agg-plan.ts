import { InternalError } from "../../../errors/spark-exception.js";
import { newExprId, type AggCall, type Expr } from "../../../expr/expr.js";
import { exprPrettySql } from "../../../expr/expr-string.js";
import { exprType } from "../../../expr/expr-type.js";
import { pivotFirstSupports } from "../../../expr/functions/aggregate/pivot-agg.js";
import { lookupFunction } from "../../../expr/functions/registry.js";
import { IntegerType, StringType } from "../../../types/data-type.js";
import type { PivotSpec } from "../../parsed-plan.js";
import { project } from "../../nodes/index.js";
import { outputOf } from "../../output.js";
import type { AnalyzerCtx, Resolved } from "../context.js";
import type { Scope } from "../scope.js";
import { pivotOutputName, resolvePivotValues } from "./pivot.js";

function alias(child: Expr, name: string): Expr {
  return { kind: "Alias", child, name, exprId: newExprId() };
}

/**
 * The aggregate call an aggregate expression is, when it is one call (aliased or not) without
 * FILTER or DISTINCT (a DISTINCT aggregate is planned apart, around its own dedupe).
 */
function plainCall(a: Expr): AggCall | undefined {
  const e = a.kind === "Alias" ? a.child : a;
  return e.kind === "AggCall" && e.filter === undefined && !e.isDistinct ? e : undefined;
}

/**
 * groupBy(g).pivot(p, values).agg(a1 … am) when each aggregate is one aggregate call whose
 * type Spark's PivotFirst takes (numbers, booleans): one Aggregate on g whose pivot_agg calls
 * feed each row to its (group, pivot value) slot of the aggregate, so every row is read once
 * (Spark plans the same values as two aggregates, per (g, p) and then spread into slots by
 * PivotFirst: a slot without rows is null there and here); a Project takes slot i as value
 * i's column. Undefined when an aggregate does not qualify (pivot.ts's one CASE per value and
 * aggregate then serves, as Spark's other plan). `grouped` resolves an Aggregate with its
 * checks (aggregate.ts's resolveAggregate, grouping columns first).
 */
export function resolvePivotAgg(
  child: Resolved,
  groupBy: readonly Expr[],
  pivot: PivotSpec,
  aggs: readonly Expr[],
  scope: Scope,
  ctx: AnalyzerCtx,
  grouped: (child: Resolved, groupBy: readonly Expr[], aggs: readonly Expr[]) => Resolved,
): Resolved | undefined {
  const calls = aggs.map(plainCall);
  if (calls.some((c) => c === undefined || !pivotFirstSupports(c.dataType))) return undefined;
  const { pivotCol, values, names } = resolvePivotValues(pivot, aggs, scope, ctx);
  const pivotAgg = lookupFunction("pivot_agg");
  if (pivotAgg?.kind !== "agg") throw new InternalError("missing aggregate function pivot_agg");
  const slotted = calls.map((c, j) => {
    const call = c!;
    const args: Expr[] = [pivotCol, { kind: "Literal", value: call.fn, dataType: StringType }, { kind: "Literal", value: call.args.length, dataType: IntegerType }, ...call.args, ...values];
    return alias(pivotAgg.resolve("pivot_agg", args, false), `__pivot_${exprPrettySql(aggs[j]!)}`);
  });
  const agg = grouped(child, groupBy, slotted);
  const out = outputOf(agg.plan);
  const keys = out.slice(0, out.length - slotted.length);
  const arrays = out.slice(keys.length);
  const getItem = lookupFunction("get_item");
  if (getItem?.kind !== "scalar") throw new InternalError("missing function get_item");
  const columns = values.flatMap((_, i) =>
    aggs.map((a, j) => alias(getItem.resolve("get_item", [arrays[j]!, { kind: "Literal", value: i, dataType: IntegerType }]), pivotOutputName(aggs, a, names[i]!))),
  );
  return { plan: project(agg.plan, [...keys, ...columns]), planIds: child.planIds };
}
