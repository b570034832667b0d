import type { Vector } from "../../columnar/vector.js";
import { DateType, IntegerType, StringType, TimestampType, type DataType } from "../../types/data-type.js";
import { exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { constantString } from "../eval/vectors.js";
import { utf8At } from "../../columnar/utf8.js";
import { implicitCast, scalarCall, unexpectedInputType } from "./function-def.js";

/**
 * Argument coercion shared by the datetime functions, as Spark's ImplicitCastInputTypes does
 * it for them: strings and timestamps become dates where a DATE is expected, strings and dates
 * become timestamps where a TIMESTAMP is; anything else is DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE.
 */

/** What a datetime function's argument must become. */
export type DatetimeArgKind = "date" | "timestamp" | "anyTimestamp" | "string" | "int";

const REQUIRED: Readonly<Record<DatetimeArgKind, string>> = {
  date: '"DATE"',
  timestamp: '"TIMESTAMP"',
  anyTimestamp: '("TIMESTAMP" or "TIMESTAMP_NTZ")',
  string: '"STRING"',
  int: '("INT" or "SMALLINT" or "TINYINT")',
};

/** Coerces `args[index]` for function `display` (the name errors show). */
export function coerceArg(display: string, args: readonly Expr[], index: number, kind: DatetimeArgKind, resultType: DataType = StringType): Expr {
  const a = args[index]!;
  const t = exprType(a);
  const fail = (): never => {
    throw unexpectedInputType(scalarCall(display, args, resultType, true), index, a, REQUIRED[kind]);
  };
  switch (kind) {
    case "date":
      if (t.kind === "date") return a;
      if (t.kind === "timestamp" || t.kind === "timestamp_ntz" || t.kind === "string" || t.kind === "null") return implicitCast(a, DateType);
      return fail();
    case "timestamp":
      if (t.kind === "timestamp") return a;
      if (t.kind === "date" || t.kind === "timestamp_ntz" || t.kind === "string" || t.kind === "null") return implicitCast(a, TimestampType);
      return fail();
    case "anyTimestamp":
      if (t.kind === "timestamp" || t.kind === "timestamp_ntz") return a;
      if (t.kind === "date" || t.kind === "string" || t.kind === "null") return implicitCast(a, TimestampType);
      return fail();
    case "string":
      if (t.kind === "string") return a;
      if (t.kind === "binary" || t.kind === "array" || t.kind === "map" || t.kind === "struct") return fail();
      return implicitCast(a, StringType);
    case "int":
      if (t.kind === "integer") return a;
      if (t.kind === "byte" || t.kind === "short" || t.kind === "null") return implicitCast(a, IntegerType);
      if (t.kind === "string") return implicitCast(a, IntegerType);
      return fail();
    default:
      return fail();
  }
}

/** True when every argument is nullable-free (the result may still be null for bad input). */
export function anyNullable(args: readonly Expr[]): boolean {
  return args.some((a) => !("nullable" in a) || a.nullable !== false);
}

/**
 * The string every row of `v` holds when it is a literal (a pattern, a unit, a zone), else
 * null: kernels compile such arguments once per batch instead of per row.
 */
export function constantText(v: Vector): string | null {
  return constantString(v);
}

/** The string at row `i` of a string vector (for per-row patterns and zones). */
export function textAt(v: Vector, i: number): string | null {
  if (v.validity !== null && v.validity[i] === 0) return null;
  if (v.storage !== "utf8") return null;
  return utf8At(v.data, i);
}
