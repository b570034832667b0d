import { DoubleType, LongType, arrayType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import type { AggCall, Expr } from "../../expr.js";
import { checkArity, implicitCast, type AggFunctionDef } from "../function-def.js";

function agg(fn: string, args: readonly Expr[], isDistinct: boolean, dataType: DataType, nullable: boolean): AggCall {
  return { kind: "AggCall", fn, args, isDistinct, dataType, nullable };
}

/** collect_list / collect_set: array of the argument type without nulls; never null. */
function collect(name: string): AggFunctionDef {
  return {
    kind: "agg",
    name,
    resolve(_n, args, isDistinct) {
      checkArity(name, args, 1);
      return agg(name, args, isDistinct, arrayType(exprType(args[0]!), false), false);
    },
  };
}

/** Statistical aggregates over doubles (stddev, variance, ...): double, nullable. */
function stat(name: string): AggFunctionDef {
  return {
    kind: "agg",
    name,
    resolve(_n, args, isDistinct) {
      checkArity(name, args, 1);
      return agg(name, [implicitCast(args[0]!, DoubleType)], isDistinct, DoubleType, true);
    },
  };
}

const APPROX_COUNT_DISTINCT: AggFunctionDef = {
  kind: "agg",
  name: "approx_count_distinct",
  resolve(_n, args, isDistinct) {
    checkArity("approx_count_distinct", args, 1, 2);
    return agg("approx_count_distinct", args, isDistinct, LongType, false);
  },
};

/** Registry entries for further aggregates (types only; the aggregate operator implements them). */
export const MORE_AGGREGATES: readonly AggFunctionDef[] = [
  collect("collect_list"),
  collect("collect_set"),
  stat("stddev"),
  stat("stddev_samp"),
  stat("stddev_pop"),
  stat("std"),
  stat("variance"),
  stat("var_samp"),
  stat("var_pop"),
  APPROX_COUNT_DISTINCT,
];
