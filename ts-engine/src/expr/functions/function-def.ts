import type { Vector } from "../../columnar/vector.js";
import type { DataType } from "../../types/data-type.js";
import { typeEquals } from "../../types/data-type.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { sqlTypeName } from "../../types/type-names.js";
import { exprPrettySql } from "../expr-string.js";
import type { AggCall, Expr, ScalarCall } from "../expr.js";
import type { EvalContext } from "../eval/evaluate.js";
import { exprType } from "../expr-type.js";

/** A scalar function: a type rule (with implicit casts) and a vectorized implementation. */
export interface ScalarFunctionDef {
  readonly kind: "scalar";
  readonly name: string;
  /** Type-checks resolved arguments and returns the resolved call (usually a ScalarCall). */
  resolve(name: string, args: readonly Expr[]): Expr;
  /** Evaluates the call over a batch of `numRows` rows; `args` are the evaluated argument vectors. */
  eval(args: readonly Vector[], call: ScalarCall, ctx: EvalContext, numRows: number): Vector;
}

/** An aggregate function: only its type rule lives here; the hash aggregate operator computes it. */
export interface AggFunctionDef {
  readonly kind: "agg";
  readonly name: string;
  resolve(name: string, args: readonly Expr[], isDistinct: boolean): AggCall;
}

export type FunctionDef = ScalarFunctionDef | AggFunctionDef;

/** Wraps `e` in an implicit Cast to `to` unless it already has that type. */
export function implicitCast(e: Expr, to: DataType): Expr {
  const from = exprType(e);
  if (typeEquals(from, to)) return e;
  if (e.kind === "Literal" && e.value === null) return { kind: "Literal", value: null, dataType: to };
  return { kind: "Cast", child: e, dataType: to, implicit: true };
}

/** `"(i + true)"`-style quoting of an expression for error messages. */
export function quotedSql(e: Expr): string {
  return `"${exprPrettySql(e)}"`;
}

/** `"INT"`-style quoting of a type for error messages. */
export function quotedType(t: DataType): string {
  return `"${sqlTypeName(t)}"`;
}

/** DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE for argument `index` (0-based) of `call`. */
export function unexpectedInputType(call: Expr, index: number, arg: Expr, required: string): AnalysisException {
  const ordinals = ["first", "second", "third", "fourth", "fifth"];
  return new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", {
    sqlExpr: quotedSql(call),
    paramIndex: ordinals[index] ?? `${index + 1}th`,
    requiredType: required,
    inputSql: quotedSql(arg),
    inputType: quotedType(exprType(arg)),
  });
}

/** WRONG_NUM_ARGS when a function gets an unsupported number of arguments. */
export function checkArity(name: string, args: readonly Expr[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? String(min) : max === Infinity ? `>= ${min}` : `[${min}, ${max}]`;
    throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", {
      functionName: `\`${name}\``,
      expectedNum: expected,
      actualNum: String(args.length),
      docroot: "https://spark.apache.org/docs/latest",
    });
  }
}

/** A resolved ScalarCall node. */
export function scalarCall(fn: string, args: readonly Expr[], dataType: DataType, nullable: boolean): ScalarCall {
  return { kind: "ScalarCall", fn, args, dataType, nullable };
}
