import { LongType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { doc, aggCall, checkArity, firstArg, type AggFunctionDef } from "../function-def.js";
import { CountAcc } from "./count.js";
import { DistinctAcc } from "./distinct-acc.js";

/**
 * approx_count_distinct(x[, relativeSD]): bigint, never null. Counted exactly (count of
 * distinct non-null values), which is within any error bound Spark's HyperLogLog++ allows.
 */
export const APPROX_COUNT_DISTINCT: AggFunctionDef = {
  kind: "agg",
  name: "approx_count_distinct",
  doc: doc("approx_count_distinct(expr[, relativeSD])", "Returns the number of distinct non-null values (Spark estimates it with HyperLogLog++; tspark counts exactly)."),
  resolve(_n, args, isDistinct) {
    checkArity("approx_count_distinct", args, 1, 2);
    return aggCall("approx_count_distinct", args, isDistinct, LongType, false);
  },
  accumulator: (call) => new DistinctAcc(new CountAcc(), [exprType(call.args[0]!)]),
  updateArgs: firstArg,
  ignoresDistinct: true,
};
