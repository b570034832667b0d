import { StringType, type DataType } from "../../types/data-type.js";
import { doubleToString, floatToString } from "../eval/to-string.js";
import { exprNullable, exprType } from "../expr-type.js";
import { javaFormat } from "../kernels/java-format.js";
import { roundDecimalText } from "../kernels/decimal-round.js";
import { checkArity, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";
import { coerceArg, coerceArgs, doc, rowFunction } from "./row-function.js";

// format_string / printf (java.util.Formatter) and format_number (java.text.DecimalFormat).

function formatString(name: string): ScalarFunctionDef {
  const inner = rowFunction({
    name,
    doc: doc(`${name}(strfmt, obj, ...)`, "Returns the arguments formatted by the printf-style (java.util.Formatter) format string; null only when the format is null."),
    params: ["string", "any"],
    minArgs: 1,
    maxArgs: Infinity,
    result: StringType,
    nullSafe: true,
    mayReturnNull: true,
    row: ([fmt, ...rest]) => (fmt === null ? null : javaFormat(fmt as string, rest)),
  });
  return {
    ...inner,
    resolve(n, given) {
      const call = inner.resolve(n, given);
      // Spark's FormatString is nullable only through its format argument.
      return call.kind === "ScalarCall" ? { ...call, nullable: exprNullable(call.args[0]!) } : call;
    },
  };
}

/** The decimal text DecimalFormat starts from: Java's Double.toString digits for doubles. */
function decimalText(x: unknown, t: DataType): string | null {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) return null;
    return t.kind === "float" ? floatToString(x) : Number.isInteger(x) && t.kind !== "double" ? String(x) : doubleToString(x);
  }
  return String(x);
}

/** format_number(x, d): `#,###,##0.00…` with d decimals, HALF_EVEN (DecimalFormat's default), null for d < 0. */
function formatNumber(x: unknown, d: number, t: DataType): string | null {
  if (d < 0) return null;
  if (typeof x === "number" && Number.isNaN(x)) return "NaN";
  if (typeof x === "number" && !Number.isFinite(x)) return x > 0 ? "\u221e" : "-\u221e";
  const text = decimalText(x, t);
  if (text === null) return null;
  const r = roundDecimalText(text, d, "HALF_EVEN");
  // DecimalFormat keeps the sign of a negative value that rounds to zero (-0.001 → "-0.00").
  const neg = text.startsWith("-");
  const [i, f] = r.replace(/^-/, "").split(".") as [string, string | undefined];
  const body = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (f === undefined ? "" : `.${f}`);
  return neg ? `-${body}` : body;
}

const FORMAT_NUMBER: ScalarFunctionDef = (() => {
  const make = (t: DataType): ScalarFunctionDef =>
    rowFunction({
      name: "format_number",
      doc: doc("format_number(expr, d)", "Formats the number like '#,###,###.##' rounded (HALF_EVEN) to `d` decimal places; null for d < 0."),
      params: ["any", "int"],
      result: StringType,
      mayReturnNull: true,
      row: ([x, d]) => formatNumber(x, d as number, t),
    });
  const template = make(StringType);
  return {
    ...template,
    resolve(_n, given) {
      checkArity("format_number", given, 2);
      const x = coerceArg(given[0]!, "numeric");
      if (x === null) throw unexpectedInputType(scalarCall("format_number", given, StringType, true), 0, given[0]!, '"NUMERIC"');
      const [d] = coerceArgs("format_number", given.slice(1), ["int"]);
      return scalarCall("format_number", [x, d!], StringType, true);
    },
    eval(args, call, ctx, numRows) {
      return make(exprType(call.args[0]!)).eval(args, call, ctx, numRows);
    },
  };
})();

/** Registry entries for formatting functions. */
export const STRING_FORMAT_FUNCTIONS: readonly ScalarFunctionDef[] = [formatString("format_string"), formatString("printf"), FORMAT_NUMBER];
