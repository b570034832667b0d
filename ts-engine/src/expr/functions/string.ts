import { IntegerType, StringType, arrayType } from "../../types/data-type.js";
import { exprNullable, exprType } from "../expr-type.js";
import { coerceArgs } from "./row-function.js";
import type { Expr, Literal } from "../expr.js";
import { checkArity, implicitCast, scalarCall, type ScalarFunctionDef, doc, type FunctionDoc } from "./function-def.js";
import { mapRows } from "./row-map.js";
import { utf8Concat, utf8ConcatWs } from "../kernels/string-concat.js";
import { utf8Substring, utf8Trim } from "../kernels/string-slice.js";
import { javaSplit, literalSplitText, utf8SplitLiteral } from "../kernels/string-split.js";
import { expectStorage, makeVector, type Vector } from "../../columnar/vector.js";
import { constantNumber, constantString } from "../eval/vectors.js";
import type { RegexCase } from "../kernels/java-regex.js";
import { checkRegexCollation, regexCase } from "./collation.js";

const strings = (args: readonly Expr[]): Expr[] => args.map((a) => implicitCast(a, StringType));

/** Strips the characters of `chars` (code points) from the chosen ends of `s`. */
function trimChars(s: string, chars: string, left: boolean, right: boolean): string {
  const set = new Set(Array.from(chars));
  const cps = Array.from(s);
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && set.has(cps[a]!)) a++;
  if (right) while (b > a && set.has(cps[b - 1]!)) b--;
  return cps.slice(a, b).join("");
}

/**
 * trim / ltrim / rtrim / btrim: with one argument, ASCII spaces over the UTF-8 bytes; with a
 * trim string, its characters (Spark prints `TRIM(BOTH t FROM s)`, expr-string.ts).
 */
function trimFn(name: string, left: boolean, right: boolean, doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc,
    resolve(_n, args) {
      checkArity(name, args, 1, 2);
      return scalarCall(name, strings(args), StringType, args.some(exprNullable));
    },
    eval(args, call) {
      if (args.length === 1) return utf8Trim(args[0]!, left, right);
      return mapRows(args, call.dataType, ([s, t]) => trimChars(s as string, t as string, left, right));
    },
  };
}

/** reverse: a string by code points, or an array's elements. */
const REVERSE: ScalarFunctionDef = {
  kind: "scalar",
  name: "reverse",
  doc: doc("reverse(expr)", "Returns the string with its characters in reverse order, or the array with its elements reversed."),
  resolve(_n, args) {
    checkArity("reverse", args, 1);
    const t = exprType(args[0]!);
    if (t.kind === "array") return scalarCall("reverse", args, t, exprNullable(args[0]!));
    const [a] = coerceArgs("reverse", args, ["string"]);
    return scalarCall("reverse", [a!], StringType, exprNullable(a!));
  },
  eval([a], call) {
    return mapRows([a!], call.dataType, ([v]) => (typeof v === "string" ? Array.from(v).reverse().join("") : [...(v as unknown[])].reverse()));
  },
};

/** sentences(str, lang, country): words (letters and digits) per sentence, by ICU's segmentation as Java's BreakIterator. */
const SENTENCES: ScalarFunctionDef = {
  kind: "scalar",
  name: "sentences",
  doc: doc("sentences(str[, lang, country])", "Splits `str` into an array of sentences, each an array of words."),
  resolve(_n, given) {
    checkArity("sentences", given, 1, 3);
    const empty: Literal = { kind: "Literal", value: "", dataType: StringType };
    const args = coerceArgs("sentences", [...given, ...[empty, empty].slice(given.length - 1)], ["string", "string", "string"]);
    return scalarCall("sentences", args, arrayType(arrayType(StringType, true), true), exprNullable(args[0]!));
  },
  eval(args, call) {
    return mapRows(
      args,
      call.dataType,
      ([s, lang, country]) => {
        if (s === null) return null;
        const locale = lang === null || lang === "" ? "en" : country === null || country === "" ? String(lang) : `${String(lang)}-${String(country)}`;
        const out: string[][] = [];
        for (const sent of new Intl.Segmenter(locale, { granularity: "sentence" }).segment(s as string)) {
          const words = [...new Intl.Segmenter(locale, { granularity: "word" }).segment(sent.segment)].filter((w) => w.isWordLike).map((w) => w.segment);
          if (words.length > 0) out.push(words);
        }
        return out;
      },
      false,
    );
  },
};

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

/**
 * Spark's UTF8String.split: Java's String.split, except that an empty pattern gives one part
 * per character without Java's trailing empty string.
 */
function sparkSplit(s: string, pattern: string, limit: number, caseMode: RegexCase): string[] {
  // a pattern that matches only its own text splits literally (Java's own fast path, extended)
  const literal = caseMode === "sensitive" && limit <= 0 && s !== "" ? literalSplitText(pattern) : null;
  if (literal !== null) return s.split(literal);
  // under UTF8_LCASE Spark splits around `(?ui)` + pattern, so an empty pattern is Java's too
  if (pattern !== "" || s === "" || caseMode !== "sensitive") return javaSplit(s, pattern, limit, caseMode);
  const cps = Array.from(s);
  if (limit > 0 && cps.length > limit) return [...cps.slice(0, limit - 1), cps.slice(limit - 1).join("")];
  return cps;
}

/** split(str, regex, limit = -1) → array<string>, Java's String.split semantics for the limit. */
const SPLIT: ScalarFunctionDef = {
  kind: "scalar",
  name: "split",
  doc: doc("split(str, regex[, limit])", "Splits `str` around matches of `regex` into an array of at most `limit` elements (all when limit <= 0)."),
  resolve(_n, args) {
    checkArity("split", args, 2, 3);
    const limit: Literal = { kind: "Literal", value: -1, dataType: IntegerType };
    const all = [implicitCast(args[0]!, StringType), implicitCast(args[1]!, StringType), implicitCast(args[2] ?? limit, IntegerType)];
    // the parts keep the subject's collation (Spark's ArrayType(str.dataType))
    return checkRegexCollation(scalarCall("split", all, arrayType(exprType(all[0]!), false), all.some(exprNullable)));
  },
  eval(args, call) {
    const [str, pat, lim] = args as [Vector, Vector, Vector];
    const sep = constantString(pat);
    const limit = constantNumber(lim);
    const caseMode = regexCase(call);
    const literal = sep === null || caseMode !== "sensitive" ? null : literalSplitText(sep);
    if (literal !== null && limit !== null) {
      // a literal separator (split(s, '_'), split(s, ', ')): cut in place from the UTF-8 bytes
      const d = expectStorage(str, "utf8").data;
      const parts = utf8SplitLiteral(d.offsets, d.bytes, str.length, literal, limit, str.validity);
      if (parts !== null) return makeVector(call.dataType, parts, str.validity, str.length);
    }
    return mapRows(args, call.dataType, ([s, p, l]) => sparkSplit(s as string, p as string, l as number, caseMode));
  },
};

/** Registry entries for string functions. */
export const STRING_FUNCTIONS: readonly ScalarFunctionDef[] = [
  trimFn("trim", true, true, doc("trim(str)", "Removes the leading and trailing space characters from `str`.")),
  trimFn("ltrim", true, false, doc("ltrim(str)", "Removes the leading space characters from `str`.")),
  trimFn("rtrim", false, true, doc("rtrim(str)", "Removes the trailing space characters from `str`.")),
  trimFn("btrim", true, true, doc("btrim(str[, trimStr])", "Removes the leading and trailing characters of `trimStr` (spaces by default) from `str`.")),
  REVERSE,
  SENTENCES,
  CONCAT,
  CONCAT_WS,
  substringDef("substring", doc("substring(str, pos[, len])", "Returns the substring of `str` from 1-based `pos` (from the end when negative), of length `len` or to the end.")),
  substringDef("substr", doc("substr(str, pos[, len])", "Returns the substring of `str` from 1-based `pos`, as substring.")),
  SPLIT,
];
