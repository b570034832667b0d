import { InternalError } from "../../../errors/spark-exception.js";
import { exprType } from "../../expr-type.js";
import type { AggCall } from "../../expr.js";
import type { AggFunctionDef } from "../function-def.js";
import { lookupFunction } from "../registry.js";
import type { Accumulator } from "./accumulator.js";
import { DistinctAcc } from "./distinct-acc.js";
import { FilteredAcc } from "./filtered-acc.js";

/** The registry entry of a resolved aggregate call (an engine bug if there is none). */
export function aggregateDefOf(call: AggCall): AggFunctionDef {
  const def = lookupFunction(call.fn);
  if (def === undefined || def.kind !== "agg") throw new InternalError(`no aggregate function ${call.fn}`);
  return def;
}

/**
 * The accumulator of a resolved aggregate call, from its registry entry. A DISTINCT call
 * wraps the entry's plain accumulator in a DistinctAcc, unless DISTINCT cannot change the
 * function's result; a call with FILTER wraps that in a FilteredAcc.
 */
export function accumulatorFor(call: AggCall, ansi: boolean): Accumulator {
  if (call.filter !== undefined) {
    const { filter: _filter, ...unfiltered } = call;
    return new FilteredAcc(accumulatorFor(unfiltered, ansi));
  }
  const def = aggregateDefOf(call);
  if (!call.isDistinct || def.ignoresDistinct === true) return def.accumulator(call, ansi);
  const inner = def.accumulator({ ...call, isDistinct: false }, ansi);
  return new DistinctAcc(inner, def.updateArgs(call).map(exprType));
}
