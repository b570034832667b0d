import { AnalysisException } from "../../../errors/spark-exception.js";
import { DoubleType, LongType, decimalType, isNumeric, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import type { AggCall, Expr } from "../../expr.js";
import { checkArity, implicitCast, unexpectedInputType, type AggFunctionDef } from "../function-def.js";

function agg(fn: string, args: readonly Expr[], isDistinct: boolean, dataType: DataType, nullable: boolean): AggCall {
  return { kind: "AggCall", fn, args, isDistinct, dataType, nullable };
}

/** sum: integral → bigint, fractional → double, decimal(p,s) → decimal(p+10,s); strings are cast to double (ANSI). */
const SUM: AggFunctionDef = {
  kind: "agg",
  name: "sum",
  resolve(name, args, isDistinct) {
    checkArity(name, args, 1);
    let a = args[0]!;
    let t = exprType(a);
    if (t.kind === "string" || t.kind === "null") {
      a = implicitCast(a, DoubleType);
      t = DoubleType;
    }
    if (!isNumeric(t)) throw unexpectedInputType(agg("sum", args, isDistinct, t, true), 0, a, '"NUMERIC" or "ANSI INTERVAL"');
    const out =
      t.kind === "decimal" ? decimalType(Math.min(38, t.precision + 10), t.scale) : t.kind === "float" || t.kind === "double" ? DoubleType : LongType;
    return agg("sum", [a], isDistinct, out, true);
  },
};

/** avg/mean: double (decimal(p,s) → decimal(p+4,s+4)). */
function avg(fnName: string): AggFunctionDef {
  return {
    kind: "agg",
    name: fnName,
    resolve(name, args, isDistinct) {
      checkArity(name, args, 1);
      let a = args[0]!;
      let t = exprType(a);
      if (t.kind === "string" || t.kind === "null") {
        a = implicitCast(a, DoubleType);
        t = DoubleType;
      }
      if (!isNumeric(t)) throw unexpectedInputType(agg(fnName, args, isDistinct, t, true), 0, a, '"NUMERIC" or "ANSI INTERVAL"');
      const out = t.kind === "decimal" ? decimalType(Math.min(38, t.precision + 4), Math.min(38, t.scale + 4)) : DoubleType;
      return agg(fnName, [a], isDistinct, out, true);
    },
  };
}

/** count: bigint, never null; count(*) arrives as count(1). */
const COUNT: AggFunctionDef = {
  kind: "agg",
  name: "count",
  resolve(name, args, isDistinct) {
    if (args.length === 0) throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", { functionName: "`count`", expectedNum: ">= 1", actualNum: "0", docroot: "https://spark.apache.org/docs/latest" });
    return agg(name === "count" ? "count" : name, args, isDistinct, LongType, false);
  },
};

/** min/max/first/last/any_value: the argument's type. */
function sameType(fnName: string): AggFunctionDef {
  return {
    kind: "agg",
    name: fnName,
    resolve(name, args, isDistinct) {
      checkArity(name, args, 1, fnName === "first" || fnName === "last" ? 2 : 1);
      return agg(fnName, args, isDistinct, exprType(args[0]!), true);
    },
  };
}

/** Registry entries for the basic aggregates. */
export const BASIC_AGGREGATES: readonly AggFunctionDef[] = [
  SUM,
  avg("avg"),
  avg("mean"),
  COUNT,
  sameType("min"),
  sameType("max"),
  sameType("first"),
  sameType("last"),
  sameType("any_value"),
];
