import { InternalError, SparkException } from "../../errors/spark-exception.js";
import type { Vector } from "../../columnar/vector.js";
import { concatVectors, sliceVector } from "../../columnar/rows.js";
import { nullVector } from "../eval/vectors.js";
import type { ScalarCall } from "../expr.js";
import { checkArity, doc, scalarCall, type FunctionDoc, type ScalarFunctionDef } from "./function-def.js";
import { ARITHMETIC_FUNCTIONS } from "./arithmetic.js";

/** The errors a try_* function turns into null (Spark's TryEval catches these). */
const TOLERATED: ReadonlySet<string> = new Set([
  "ARITHMETIC_OVERFLOW",
  "DIVIDE_BY_ZERO",
  "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
  "INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION",
  "INTERVAL_DIVIDED_BY_ZERO",
]);

/** The operator entry a try_* function computes with. */
function operator(op: string): ScalarFunctionDef {
  const def = ARITHMETIC_FUNCTIONS.find((f) => f.name === op);
  if (def === undefined) throw new InternalError(`no arithmetic operator ${op}`);
  return def;
}

/**
 * try_add, try_subtract, try_multiply, try_divide, try_mod: the operator's typing (numbers,
 * decimals, intervals) evaluated as under ANSI, with the rows that overflow or divide by zero
 * null whatever spark.sql.ansi.enabled says (Spark's TryEval over the ANSI operator; legacy
 * mode would wrap instead).
 */
function tryArith(name: string, op: string, d: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: d,
    resolve(_n, args) {
      checkArity(name, args, 2);
      const inner = operator(op).resolve(op, args);
      // date + int resolves to date_add, which has no overflow to tolerate.
      if (inner.kind !== "ScalarCall" || !ARITHMETIC_FUNCTIONS.some((f) => f.name === inner.fn)) return inner;
      // Keep the operator's coerced arguments (so the column is named try_add(a, b), as Spark's).
      return scalarCall(name, inner.args, inner.dataType, true);
    },
    eval(args, call, ctx, numRows) {
      const def = operator(op);
      const inner: ScalarCall = { ...call, fn: op };
      const strict = { ...ctx, ansi: true };
      try {
        return def.eval(args, inner, strict, numRows);
      } catch (e) {
        if (!(e instanceof SparkException) || !TOLERATED.has(e.errorClass)) throw e;
      }
      // Some row failed: evaluate row by row so only the failing rows become null (TryEval).
      const parts: Vector[] = [];
      for (let i = 0; i < numRows; i++) {
        const row = args.map((a) => sliceVector(a, i, i + 1));
        try {
          parts.push(def.eval(row, inner, strict, 1));
        } catch (e) {
          if (!(e instanceof SparkException) || !TOLERATED.has(e.errorClass)) throw e;
          parts.push(nullVector(call.dataType, 1));
        }
      }
      return parts.length === 0 ? nullVector(call.dataType, 0) : concatVectors(parts);
    },
  };
}

/** Registry entries for the try_* arithmetic family (try_to_number is the string family's). */
export const TRY_ARITHMETIC_FUNCTIONS: readonly ScalarFunctionDef[] = [
  tryArith("try_add", "+", doc("try_add(expr1, expr2)", "Returns `expr1 + expr2`, or null where the sum overflows.")),
  tryArith("try_subtract", "-", doc("try_subtract(expr1, expr2)", "Returns `expr1 - expr2`, or null where the difference overflows.")),
  tryArith("try_multiply", "*", doc("try_multiply(expr1, expr2)", "Returns `expr1 * expr2`, or null where the product overflows.")),
  tryArith("try_divide", "/", doc("try_divide(dividend, divisor)", "Returns `dividend / divisor`, or null where the divisor is 0 or the result overflows.")),
  tryArith("try_mod", "%", doc("try_mod(dividend, divisor)", "Returns the remainder of `dividend / divisor`, or null where the divisor is 0.")),
];
