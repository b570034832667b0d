import { IntegerType, StringType, arrayType } from "../../types/data-type.js";
import { exprNullable } from "../expr-type.js";
import type { Expr, Literal } from "../expr.js";
import { checkArity, implicitCast, scalarCall, type ScalarFunctionDef, doc, type FunctionDoc } from "./function-def.js";
import { mapRows } from "./row-map.js";
import { utf8Concat, utf8ConcatWs } from "../kernels/string-concat.js";
import { utf8Substring, utf8Trim } from "../kernels/string-slice.js";
import { javaSplit } from "../kernels/string-split.js";

const strings = (args: readonly Expr[]): Expr[] => args.map((a) => implicitCast(a, StringType));

function trimFn(name: string, left: boolean, right: boolean, doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc,
    resolve(_n, args) {
      checkArity(name, args, 1);
      return scalarCall(name, strings(args), StringType, exprNullable(args[0]!));
    },
    eval(args) {
      return utf8Trim(args[0]!, left, right);
    },
  };
}

/** concat: null if any argument is null. */
const CONCAT: ScalarFunctionDef = {
  kind: "scalar",
  name: "concat",
  doc: doc("concat(col1, col2, ...)", "Returns the concatenation of the arguments, null if any is null."),
  resolve(_n, args) {
    return scalarCall("concat", strings(args), StringType, args.some(exprNullable));
  },
  eval(args) {
    return utf8Concat(args, args[0]?.length ?? 0);
  },
};

/** concat_ws(sep, ...): null arguments are skipped; never null unless the separator is. */
const CONCAT_WS: ScalarFunctionDef = {
  kind: "scalar",
  name: "concat_ws",
  doc: doc("concat_ws(sep, str1, str2, ...)", "Returns the arguments joined by `sep`, skipping nulls."),
  resolve(_n, args) {
    checkArity("concat_ws", args, 1, Infinity);
    return scalarCall("concat_ws", strings(args), StringType, exprNullable(args[0]!));
  },
  eval([sep, ...rest]) {
    return utf8ConcatWs(sep!, rest, sep!.length);
  },
};

/**
 * substring(str, pos, len) on a JS string: 1-based, pos 0 acts as 1, negative pos counts from the
 * end (code points). The reference the UTF-8 kernel (utf8Substring) is tested against.
 */
export function sparkSubstring(s: string, pos: number, len: number): string {
  const cps = [...s];
  let start = pos > 0 ? pos - 1 : pos < 0 ? cps.length + pos : 0;
  let end = pos === 0 || pos > 0 ? start + len : start + len;
  if (start < 0) start = 0;
  if (end > cps.length) end = cps.length;
  return len <= 0 || start >= end ? "" : cps.slice(start, end).join("");
}

/** substring / substr (the column name keeps the spelling used). */
const substringDef = (fnName: "substring" | "substr", doc: FunctionDoc): ScalarFunctionDef => ({
  kind: "scalar",
  name: fnName,
  doc,
  resolve(_n, args) {
    checkArity(fnName, args, 2, 3);
    const len: Expr = args[2] ?? { kind: "Literal", value: 2147483647, dataType: IntegerType };
    const all = [implicitCast(args[0]!, StringType), implicitCast(args[1]!, IntegerType), implicitCast(len, IntegerType)];
    return scalarCall(fnName, all, StringType, all.some(exprNullable));
  },
  eval(args) {
    return utf8Substring(args[0]!, args[1]!, args[2]!);
  },
});

/** split(str, regex, limit = -1) → array<string>, Java's String.split semantics for the limit. */
const SPLIT: ScalarFunctionDef = {
  kind: "scalar",
  name: "split",
  doc: doc("split(str, regex[, limit])", "Splits `str` around matches of `regex` into an array of at most `limit` elements (all when limit <= 0)."),
  resolve(_n, args) {
    checkArity("split", args, 2, 3);
    const limit: Literal = { kind: "Literal", value: -1, dataType: IntegerType };
    const all = [implicitCast(args[0]!, StringType), implicitCast(args[1]!, StringType), implicitCast(args[2] ?? limit, IntegerType)];
    return scalarCall("split", all, arrayType(StringType, false), all.some(exprNullable));
  },
  eval(args) {
    return mapRows(args, arrayType(StringType, false), ([s, p, l]) => javaSplit(s as string, p as string, l as number));
  },
};

/** Registry entries for string functions. */
export const STRING_FUNCTIONS: readonly ScalarFunctionDef[] = [
  trimFn("trim", true, true, doc("trim(str)", "Removes the leading and trailing space characters from `str`.")),
  trimFn("ltrim", true, false, doc("ltrim(str)", "Removes the leading space characters from `str`.")),
  trimFn("rtrim", false, true, doc("rtrim(str)", "Removes the trailing space characters from `str`.")),
  CONCAT,
  CONCAT_WS,
  substringDef("substring", doc("substring(str, pos[, len])", "Returns the substring of `str` from 1-based `pos` (from the end when negative), of length `len` or to the end.")),
  substringDef("substr", doc("substr(str, pos[, len])", "Returns the substring of `str` from 1-based `pos`, as substring.")),
  SPLIT,
];
