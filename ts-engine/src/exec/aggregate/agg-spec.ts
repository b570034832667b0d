import type { AggCall, Expr } from "../../expr/expr.js";
import { exprSemanticEquals } from "../../expr/expr-equals.js";
import { InternalError } from "../../errors/spark-exception.js";
import { exprType } from "../../expr/expr-type.js";
import type { Aggregate } from "../../plan/logical-plan.js";
import { transformExprDown } from "../../plan/transform.js";
import type { Accumulator } from "./accumulator.js";
import { AvgAcc, CountAcc } from "./count-avg-acc.js";
import { CountDistinctAcc } from "./count-distinct-acc.js";
import { CollectAcc } from "./collect-acc.js";
import { DecimalAcc } from "./decimal-acc.js";
import { FirstLastAcc } from "./first-last-acc.js";
import { STAT_KINDS, StatAcc } from "./stat-acc.js";
import { MinMaxAcc } from "./min-max-acc.js";
import { SumAcc } from "./sum-acc.js";

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
  // count(DISTINCT …) and approx_count_distinct run in one step (no partial form)
  const hasDistinct = calls.some((c) => (c.isDistinct && c.fn.toLowerCase() === "count") || c.fn.toLowerCase() === "approx_count_distinct");
  return { groupBy: agg.groupBy, calls, results, hasDistinct };
}

/** first/last's optional second argument (a boolean literal): skip nulls. */
function ignoreNulls(call: AggCall): boolean {
  const a = call.args[1];
  return a !== undefined && a.kind === "Literal" && a.value === true;
}

/** Whether a count call counts rows regardless of its arguments (count(*) / count(1)). */
function countsAllRows(call: AggCall): boolean {
  return call.args.every((a) => a.kind === "Literal" && a.value !== null);
}

/** The accumulator for one aggregate call (Spark result types come from the analyzer's dataType). */
export function makeAccumulator(call: AggCall, ansi: boolean): Accumulator {
  const fn = call.fn.toLowerCase();
  if ((call.isDistinct && fn === "count") || fn === "approx_count_distinct") return new CountDistinctAcc();
  if (call.isDistinct && (fn === "collect_set" || fn === "min" || fn === "max")) return makeAccumulator({ ...call, isDistinct: false }, ansi);
  if (call.isDistinct) throw new InternalError(`${fn}(DISTINCT ...) is not supported yet`);
  const argType = call.args[0] === undefined ? undefined : exprType(call.args[0]);
  if (argType?.kind === "decimal" && (fn === "sum" || fn === "avg" || fn === "mean" || fn === "min" || fn === "max")) {
    return new DecimalAcc(fn === "mean" ? "avg" : fn, argType, call.dataType);
  }
  switch (fn) {
    case "sum":
      return new SumAcc(call.dataType, ansi);
    case "count":
      return new CountAcc();
    case "avg":
    case "mean":
      return new AvgAcc();
    case "min":
      return new MinMaxAcc(call.dataType, false);
    case "max":
      return new MinMaxAcc(call.dataType, true);
    case "first":
    case "last":
    case "any_value":
    case "first_value":
    case "last_value":
      return new FirstLastAcc(call.dataType, fn.startsWith("last"), ignoreNulls(call));
    case "collect_list":
    case "collect_set":
      return new CollectAcc(call.dataType, fn === "collect_set");
    default: {
      const stat = STAT_KINDS[fn];
      if (stat !== undefined) return new StatAcc(stat);
      throw new InternalError(`aggregate function ${fn} is not supported yet`);
    }
  }
}

/** The arguments an accumulator's `update` reads: count(*) reads none. */
export function updateArgs(call: AggCall): readonly Expr[] {
  const fn = call.fn.toLowerCase();
  if (fn === "count" && !call.isDistinct && countsAllRows(call)) return [];
  // first/last take ignoreNulls, approx_count_distinct its relative error: not data
  if (fn === "approx_count_distinct" || fn.startsWith("first") || fn.startsWith("last") || fn === "any_value") return call.args.slice(0, 1);
  return call.args;
}
