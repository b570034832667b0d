import { AnalysisException, SparkException } from "../../errors/spark-exception.js";
import { markWithoutPlan } from "../../errors/without-plan.js";
import { asDecimal } from "../../types/coercion.js";
import { StringType, decimalType, type DataType } from "../../types/data-type.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr, ScalarCall } from "../expr.js";
import { checkNumberFormat, compileNumberFormat, formatNumber, parseNumber, type NumberFormat } from "../kernels/number-format.js";
import { DATETIME_FORMAT_FUNCTIONS } from "./datetime-format.js";
import { foldedValue } from "./foldable.js";
import { checkArity, implicitCast, quotedSql, quotedType, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";
import { MATH_INTEGRAL_FUNCTIONS } from "./math-integral.js";
import { coerceArg, doc, rowFunction } from "./row-function.js";
import { STRING_CODEC_FUNCTIONS } from "./string-codec.js";

// to_number / try_to_number (string → decimal) and to_char / to_varchar (decimal, datetime or
// binary → string) with Spark's number format strings (kernels/number-format.ts).

/**
 * The decimal an argument of to_char is implicitly cast to (Spark's DecimalType.forType for
 * numbers: FLOAT as DECIMAL(14,7), DOUBLE as DECIMAL(30,15)); null when Spark rejects its type.
 */
function decimalFor(t: DataType): DataType | null {
  if (t.kind === "float") return decimalType(14, 7);
  if (t.kind === "double") return decimalType(30, 15);
  if (t.kind === "string" || t.kind === "null") return decimalType(38, 18);
  return asDecimal(t);
}

/** Spark's DecimalType.USER_DEFAULT: to_number's type when the format is null. */
const USER_DEFAULT = decimalType(10, 0);

/** Spark's prettyName of an expression, which NON_FOLDABLE_INPUT names (`attributereference` for a column). */
function prettyName(e: Expr): string {
  switch (e.kind) {
    case "AttributeRef":
    case "BoundRef":
      return "attributereference";
    case "ScalarCall":
    case "AggCall":
      return e.fn.toLowerCase();
    default:
      return e.kind.toLowerCase();
  }
}

/** The compiled format of a call's literal format argument, or null for a null format. */
function formatOf(call: Expr, fmt: Expr): NumberFormat | null {
  const folded = foldedValue(fmt);
  if (folded === null) {
    throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", {
      sqlExpr: quotedSql(call),
      inputName: `\`${prettyName(fmt)}\``,
      inputType: quotedType(exprType(fmt)),
      inputExpr: quotedSql(fmt),
    });
  }
  if (folded.value === null) return null;
  const f = compileNumberFormat(String(folded.value));
  const problem = checkNumberFormat(f);
  if (problem !== null) {
    throw new AnalysisException(`INVALID_FORMAT.${problem.subClass}`, { format: `'${f.text}'`, token: problem.token ?? "" });
  }
  if (f.precision > 38) {
    throw new SparkException("ArithmeticException", "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", { precision: String(f.precision), maxPrecision: "38" });
  }
  return f;
}

/** The format compiled once per expression (it is a literal, checked at analysis). */
function preparedFormat(call: ScalarCall): NumberFormat | null {
  const folded = foldedValue(call.args[1]!);
  return folded === null || folded.value === null ? null : compileNumberFormat(String(folded.value));
}

/** INVALID_FORMAT.MISMATCH_INPUT: the input does not match the format (Spark quotes neither). */
function mismatch(f: NumberFormat, inputType: DataType, input: string): SparkException {
  return new SparkException("IllegalArgumentException", "INVALID_FORMAT.MISMATCH_INPUT", { format: f.text, inputType: quotedType(inputType), input });
}

/**
 * An input with no digit at all (only blanks): Spark 4.0's parser hands BigDecimal an empty
 * string, whose NumberFormatException has no message; try_to_number does not catch it either.
 */
function noDigits(): SparkException {
  return new SparkException("NumberFormatException", "", {}, { rawMessage: "", sqlState: "" });
}

function toNumber(name: string, errorOnFail: boolean): ScalarFunctionDef {
  const inner = rowFunction<NumberFormat | null>({
    name,
    doc: doc(
      `${name}(expr, fmt)`,
      errorOnFail
        ? "Converts the string `expr` to a decimal by the number format `fmt` (0 9 . D , G $ S MI PR); raises INVALID_FORMAT.MISMATCH_INPUT when it does not match."
        : "Converts the string `expr` to a decimal by the number format `fmt`, as to_number, but gives null when it does not match.",
    ),
    params: ["string", "string"],
    result: StringType,
    mayReturnNull: !errorOnFail,
    prepare: (call) => preparedFormat(call),
    row: ([s], f) => {
      if (f === null) return null;
      const v = parseNumber(f, s as string);
      if (v === "") throw noDigits();
      if (v === null && errorOnFail) throw mismatch(f, StringType, s as string);
      return v;
    },
  });
  return {
    ...inner,
    resolve(n, given) {
      const draft = inner.resolve(n, given);
      if (draft.kind !== "ScalarCall") return draft;
      const f = formatOf(draft, draft.args[1]!);
      const type = f === null ? USER_DEFAULT : decimalType(f.precision, f.scale);
      return { ...draft, dataType: type, nullable: draft.nullable || f === null };
    },
  };
}

function named(defs: readonly ScalarFunctionDef[], name: string): ScalarFunctionDef {
  const d = defs.find((x) => x.name === name);
  if (d === undefined) throw new Error(`no ${name} entry`);
  return d;
}

/**
 * to_char over a binary: the literal format picks base64, hex or a UTF-8 decode (Spark's
 * ToCharacterBuilder). The decode keeps the function's own name (`to_char(b, utf-8)`), as
 * Spark's alias tag does, so it stays this entry's call and decodes in its eval.
 */
function binaryToChar(name: string, input: Expr, fmt: Expr): Expr {
  const folded = foldedValue(fmt);
  if (folded === null || exprType(fmt).kind !== "string") {
    throw markWithoutPlan(new AnalysisException("NON_FOLDABLE_ARGUMENT", { funcName: `\`${name}\``, paramName: "`format`", paramType: quotedType(StringType) }));
  }
  if (folded.value === null) throw markWithoutPlan(new AnalysisException("INVALID_PARAMETER_VALUE.NULL", { parameter: "`format`", functionName: `\`${name}\`` }));
  const which = String(folded.value).toLowerCase().trim();
  switch (which) {
    case "base64":
      return named(STRING_CODEC_FUNCTIONS, "base64").resolve("base64", [input]);
    case "hex":
      return named(MATH_INTEGRAL_FUNCTIONS, "hex").resolve("hex", [input]);
    case "utf-8":
      return scalarCall(name, [input, fmt], StringType, exprNullable(input));
    default:
      // Raised while building the expression, before any plan: no plan in the message.
      throw markWithoutPlan(new AnalysisException("INVALID_PARAMETER_VALUE.BINARY_FORMAT", { parameter: "`format`", functionName: `\`${name}\``, invalidFormat: `'${which}'` }));
  }
}

function toChar(name: string): ScalarFunctionDef {
  const inner = rowFunction<NumberFormat | null>({
    name,
    doc: doc(
      `${name}(expr, format)`,
      "Converts a number to a string by the number format `format` (0 9 . D , G $ S MI PR; `#` where the value has more digits), a date or timestamp by a datetime pattern, a binary as 'base64', 'hex' or 'utf-8'.",
    ),
    params: ["any", "string"],
    result: StringType,
    prepare: (call) => preparedFormat(call),
    row: ([x], f) => (f === null ? null : formatNumber(f, x as string)),
  });
  const decode = named(STRING_CODEC_FUNCTIONS, "decode");
  return {
    ...inner,
    eval(args, call, ctx, numRows) {
      // A binary input is to_char(b, 'utf-8') (see binaryToChar): decode's UTF-8 decoding.
      if (args[0]!.type.kind === "binary") return decode.eval(args, scalarCall("decode", call.args, StringType, call.nullable), ctx, numRows);
      return inner.eval(args, call, ctx, numRows);
    },
    resolve(_n, given) {
      if (given.length !== 2) checkArity(name, given, 2);
      const [input, fmt] = given as [Expr, Expr];
      const t = exprType(input);
      if (t.kind === "date" || t.kind === "timestamp" || t.kind === "timestamp_ntz") return named(DATETIME_FORMAT_FUNCTIONS, "date_format").resolve("date_format", given);
      if (t.kind === "binary") return binaryToChar(name, input, fmt);
      // Spark's ToCharacter is `to_char` whichever name called it.
      const draft = scalarCall("to_char", given, StringType, true);
      const dec = decimalFor(t);
      if (dec === null) throw unexpectedInputType(draft, 0, input, '"DECIMAL"');
      const format = coerceArg(fmt, "string");
      if (format === null) throw unexpectedInputType(draft, 1, fmt, '"STRING"');
      const call = scalarCall("to_char", [implicitCast(input, dec), format], StringType, exprNullable(input) || exprNullable(format));
      const f = formatOf(call, format);
      return f === null ? { ...call, nullable: true } : call;
    },
  };
}

/** Registry entries for the number format functions. */
export const NUMBER_FORMAT_FUNCTIONS: readonly ScalarFunctionDef[] = [toNumber("to_number", true), toNumber("try_to_number", false), toChar("to_char"), toChar("to_varchar")];
