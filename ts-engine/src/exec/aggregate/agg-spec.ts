import type { AggCall, Expr } from "../../expr/expr.js";
import { exprSemanticEquals } from "../../expr/expr-equals.js";
import { exprType } from "../../expr/expr-type.js";
import type { Accumulator } from "../../expr/functions/aggregate/accumulator.js";
import { accumulatorFor, aggregateDefOf } from "../../expr/functions/aggregate/accumulator-for.js";
import type { Aggregate } from "../../plan/logical-plan.js";
import { transformExprDown } from "../../plan/transform.js";

/**
 * An Aggregate taken apart for execution: the grouping expressions, the distinct
 * aggregate calls, and the output expressions rewritten over the row
 * [group keys…, aggregate results…] (as BoundRefs), which the final step evaluates.
 */
export interface AggSpec {
  readonly groupBy: readonly Expr[];
  readonly calls: readonly AggCall[];
  readonly results: readonly Expr[];
  readonly hasDistinct: boolean;
}

/** Splits a resolved Aggregate into an AggSpec. */
export function aggSpecOf(agg: Aggregate): AggSpec {
  const calls: AggCall[] = [];
  const k = agg.groupBy.length;
  const results = agg.aggs.map((out) =>
    transformExprDown(out, (e) => {
      if (e.kind === "Alias") return undefined;
      const gi = agg.groupBy.findIndex((g) => exprSemanticEquals(g, e));
      if (gi >= 0) {
        const g = agg.groupBy[gi]!;
        return { kind: "BoundRef", ordinal: gi, dataType: exprType(g), nullable: true, name: `_k${gi}` };
      }
      if (e.kind === "AggCall") {
        let ci = calls.findIndex((c) => exprSemanticEquals(c, e));
        if (ci < 0) ci = calls.push(e) - 1;
        return { kind: "BoundRef", ordinal: k + ci, dataType: e.dataType, nullable: e.nullable, name: `_a${ci}` };
      }
      return undefined;
    }),
  );
  // DISTINCT calls run in one step after an exchange (their DistinctAcc could split, but the
  // planner keeps Spark's shape until distinct aggregates get their own two-phase plan)
  const hasDistinct = calls.some(distinctMatters);
  return { groupBy: agg.groupBy, calls, results, hasDistinct };
}

/** The accumulator for one aggregate call, from the call's registry entry (types come from the analyzer). */
export function makeAccumulator(call: AggCall, ansi: boolean): Accumulator {
  return accumulatorFor(call, ansi);
}

/** The arguments an accumulator's `update` reads, from the call's registry entry (count(*) reads none). */
export function updateArgs(call: AggCall): readonly Expr[] {
  // FILTER's condition is read last, by the FilteredAcc around the call's accumulator.
  if (call.filter !== undefined) {
    const { filter, ...unfiltered } = call;
    return [...updateArgs(unfiltered), filter];
  }
  return aggregateDefOf(call).updateArgs(call);
}

/** Whether the call's DISTINCT changes its result, from its registry entry (not for min, max, collect_set …). */
export function distinctMatters(call: AggCall): boolean {
  return call.isDistinct && aggregateDefOf(call).ignoresDistinct !== true;
}
