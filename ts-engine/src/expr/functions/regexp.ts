import { expectStorage, makeVector } from "../../columnar/vector.js";
import { Utf8Builder, utf8Strings } from "../../columnar/utf8.js";
import { AnalysisException, SparkException } from "../../errors/spark-exception.js";
import { BooleanType, IntegerType, StringType, arrayType } from "../../types/data-type.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr, ScalarCall } from "../expr.js";
import { checkRegexCollation, regexCase } from "./collation.js";
import { andValidityAll, constantNumber, constantString } from "../eval/vectors.js";
import { asciiClassPattern, replaceAsciiClass } from "../kernels/ascii-class-replace.js";
import { javaRegExp, translateJavaRegex, type RegexCase } from "../kernels/java-regex.js";
import { javaReplacement, type Replacement } from "../kernels/java-replacement.js";
import { checkArity, doc, quotedSql, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArgs, lit, rowFunction } from "./row-function.js";

/**
 * The regexp_* family over Java regular expressions (kernels/java-regex.ts): a literal pattern
 * is translated and compiled once per expression; a pattern that varies by row is compiled
 * once per distinct value (javaRegExp's cache). A UTF8_LCASE subject matches case-insensitively
 * (Spark's collation-aware regex flags); other collations are rejected at analysis.
 */

/** The rowFunction check of a regex function's subject collation (checkRegexCollation). */
function regexSubject(args: readonly Expr[], display: string): void {
  checkRegexCollation(scalarCall(display, args, StringType, true));
}

/** The compiled pattern of row i: the expression's constant one, else the row's. */
function patternFor(constant: RegExp | null, pats: readonly string[] | null, i: number, global: boolean, fn: string, caseMode: RegexCase): RegExp {
  if (constant !== null) {
    constant.lastIndex = 0;
    return constant;
  }
  return javaRegExp(pats![i]!, global, fn, caseMode);
}

/** The Java group `idx` of a match, as Spark: IllegalArgumentException-like error past the group count. */
function checkGroup(pattern: string, idx: number, fn: string): number {
  const t = translateJavaRegex(pattern, fn);
  if (idx < 0) {
    throw new SparkException("SparkRuntimeException", "INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX", {
      parameter: "`idx`",
      functionName: `\`${fn}\``,
      groupCount: String(t.groupCount),
      groupIndex: String(idx),
    });
  }
  if (idx > t.groupCount) {
    throw new SparkException("SparkRuntimeException", "INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX", {
      parameter: "`idx`",
      functionName: `\`${fn}\``,
      groupCount: String(t.groupCount),
      groupIndex: String(idx),
    });
  }
  return idx === 0 ? 0 : t.groupMap[idx]!;
}

/**
 * regexp_replace(str, regexp, rep[, position]): every match from 1-based `position` on replaced
 * by `rep`, where `$n` names a group and `\` escapes, as Java's Matcher.replaceAll. The whole
 * batch is decoded once, replaced with V8's regex engine, and written back as UTF-8.
 */
const REGEXP_REPLACE: ScalarFunctionDef = {
  kind: "scalar",
  name: "regexp_replace",
  doc: doc("regexp_replace(str, regexp, rep[, position])", "Replaces every substring of `str` that matches the Java regular expression `regexp` (searching from `position`, 1-based) with `rep`, where `$n` refers to a group."),
  resolve(_n, given) {
    checkArity("regexp_replace", given, 3, 4);
    const args = coerceArgs("regexp_replace", [...given, ...(given.length === 3 ? [lit(1, IntegerType)] : [])], ["string", "string", "string", "int"]);
    const pos = args[3]!;
    if (pos.kind === "Literal" && typeof pos.value === "number" && pos.value <= 0) {
      throw new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", {
        sqlExpr: quotedSql(scalarCall("regexp_replace", args, StringType, true)),
        exprName: "`position`",
        valueRange: "(0, 2147483647]",
        currentValue: String(pos.value),
      });
    }
    return checkRegexCollation(scalarCall("regexp_replace", args, StringType, args.some(exprNullable)));
  },
  eval([str, pat, rep, pos], call) {
    const caseMode = regexCase(call);
    const n = str!.length;
    const validity = andValidityAll([str!, pat!, rep!, pos!], n);
    const cp = constantString(pat!);
    const cr = constantString(rep!);
    const constant = cp === null ? null : javaRegExp(cp, true, "regexp_replace", caseMode);
    const constRep = cr === null || cp === null ? null : javaReplacement(cr, translateJavaRegex(cp, "regexp_replace"));
    const pats = cp === null ? utf8Strings(expectStorage(pat!, "utf8").data, n) : null;
    const reps = cr === null ? utf8Strings(expectStorage(rep!, "utf8").data, n) : null;
    const cls = cp === null || cr === null || caseMode !== "sensitive" || constantNumber(pos!) !== 1 || /[$\\]/.test(cr) ? null : asciiClassPattern(cp);
    if (cls !== null) {
      // one ASCII class (`[0-9]+`, `\s+` …) and a plain replacement: matched on the bytes
      const d = expectStorage(str!, "utf8").data;
      return makeVector(StringType, replaceAsciiClass(d, n, cls, Buffer.from(cr!, "utf8"), validity), validity, n);
    }
    const strs = utf8Strings(expectStorage(str!, "utf8").data, n);
    const positions = expectStorage(pos!, "i32").data;
    const b = new Utf8Builder(n, expectStorage(str!, "utf8").data.bytes.length);
    for (let i = 0; i < n; i++) {
      if (validity !== null && validity[i] === 0) {
        b.commit(0);
        continue;
      }
      const p = Math.max(1, positions[i]!);
      const s = strs[i]!;
      const re = patternFor(constant, pats, i, true, "regexp_replace", caseMode);
      const r: Replacement = constRep ?? javaReplacement(reps![i]!, translateJavaRegex(cp ?? pats![i]!, "regexp_replace"));
      if (p === 1) b.appendString(typeof r === "string" ? s.replace(re, r) : s.replace(re, r));
      else if (p > s.length) b.appendString(s);
      else {
        const tail = s.slice(p - 1);
        b.appendString(s.slice(0, p - 1) + (typeof r === "string" ? tail.replace(re, r) : tail.replace(re, r)));
      }
    }
    return makeVector(StringType, b.finish(), validity, n);
  },
};

interface ConstPattern {
  readonly re: RegExp | null;
  readonly caseMode: RegexCase;
}

/** Compiles the call's pattern argument once when it is a literal, in its subject's case mode. */
function constPattern(index: number, global: boolean, fn: string): (call: ScalarCall) => ConstPattern {
  return (call) => {
    const p = call.args[index];
    const caseMode = regexCase(call);
    return { re: p !== undefined && p.kind === "Literal" && typeof p.value === "string" ? javaRegExp(p.value, global, fn, caseMode) : null, caseMode };
  };
}

function regexOf(state: ConstPattern, pattern: string, global: boolean, fn: string): RegExp {
  const re = state.re ?? javaRegExp(pattern, global, fn, state.caseMode);
  re.lastIndex = 0;
  return re;
}

/** Every match of `re` (global) in `s`, stepping past empty matches by one code point as Java's find(). */
function* matches(re: RegExp, s: string, from = 0): Generator<RegExpExecArray> {
  re.lastIndex = from;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0].length === 0) {
      const cp = s.codePointAt(m.index);
      re.lastIndex = m.index + (cp !== undefined && cp > 0xffff ? 2 : 1);
    }
    yield m;
    if (re.lastIndex > s.length) return;
  }
}

const regexpExtract = rowFunction<ConstPattern>({
  name: "regexp_extract",
  doc: doc("regexp_extract(str, regexp[, idx])", "Returns the group `idx` (1 by default, 0 for the whole match) of the first match of the Java regular expression `regexp` in `str`, or an empty string without a match."),
  params: ["string", "string", "int"],
  minArgs: 2,
  defaults: [lit(1, IntegerType)],
  result: StringType,
  check: regexSubject,
  prepare: constPattern(1, false, "regexp_extract"),
  row([s, p, idx], state) {
    const re = regexOf(state, p as string, false, "regexp_extract");
    const g = checkGroup(p as string, idx as number, "regexp_extract");
    const m = re.exec(s as string);
    return m === null ? "" : (m[g] ?? "");
  },
});

const regexpExtractAll = rowFunction<ConstPattern>({
  name: "regexp_extract_all",
  doc: doc("regexp_extract_all(str, regexp[, idx])", "Returns the group `idx` (1 by default) of every match of the Java regular expression `regexp` in `str`, as an array."),
  params: ["string", "string", "int"],
  minArgs: 2,
  defaults: [lit(1, IntegerType)],
  // the matches keep the subject's collation (Spark's ArrayType(subject.dataType))
  result: (args) => arrayType(exprType(args[0]!), true),
  check: regexSubject,
  prepare: constPattern(1, true, "regexp_extract_all"),
  row([s, p, idx], state) {
    const re = regexOf(state, p as string, true, "regexp_extract_all");
    const g = checkGroup(p as string, idx as number, "regexp_extract_all");
    const out: (string | null)[] = [];
    for (const m of matches(re, s as string)) out.push(m[g] ?? "");
    return out;
  },
});

const regexpCount = rowFunction<ConstPattern>({
  name: "regexp_count",
  doc: doc("regexp_count(str, regexp)", "Returns how many times the Java regular expression `regexp` matches in `str`."),
  params: ["string", "string"],
  result: IntegerType,
  check: regexSubject,
  prepare: constPattern(1, true, "regexp_count"),
  row([s, p], state) {
    let c = 0;
    for (const _m of matches(regexOf(state, p as string, true, "regexp_count"), s as string)) c++;
    return c;
  },
});

const regexpSubstr = rowFunction<ConstPattern>({
  name: "regexp_substr",
  doc: doc("regexp_substr(str, regexp)", "Returns the first substring of `str` that matches the Java regular expression `regexp`, null without a match."),
  params: ["string", "string"],
  result: StringType,
  mayReturnNull: true,
  check: regexSubject,
  prepare: constPattern(1, false, "regexp_substr"),
  row([s, p], state) {
    const m = regexOf(state, p as string, false, "regexp_substr").exec(s as string);
    return m === null ? null : m[0];
  },
});

/** Code points before UTF-16 index `k` of `s`, plus one (Spark's positions count characters). */
function charPosition(s: string, k: number): number {
  let c = 0;
  for (let j = 0; j < k; j++) {
    const u = s.charCodeAt(j);
    if (u < 0xdc00 || u > 0xdfff) c++;
  }
  return c + 1;
}

const regexpInstr = rowFunction<ConstPattern>({
  name: "regexp_instr",
  doc: doc("regexp_instr(str, regexp[, idx])", "Returns the 1-based position of the first match of the Java regular expression `regexp` in `str` (of group `idx` when given), 0 without one."),
  params: ["string", "string", "int"],
  minArgs: 2,
  defaults: [lit(0, IntegerType)],
  result: IntegerType,
  check: regexSubject,
  prepare: constPattern(1, false, "regexp_instr"),
  row([s, p, idx], state) {
    const re = regexOf(state, p as string, false, "regexp_instr");
    checkGroup(p as string, idx as number, "regexp_instr");
    const m = re.exec(s as string);
    return m === null ? 0 : charPosition(s as string, m.index);
  },
});

/** regexp / regexp_like: rlike under the names Spark prints upper-case (`REGEXP(s, p)`). */
function rlikeAlias(name: string, display: string): ScalarFunctionDef {
  return rowFunction<ConstPattern>({
    name,
    display,
    doc: doc(`${name}(str, regexp)`, "Returns true if some substring of `str` matches the Java regular expression `regexp` (same as rlike)."),
    params: ["string", "string"],
    result: BooleanType,
    check: regexSubject,
    prepare: constPattern(1, false, name),
    row([s, p], state) {
      return regexOf(state, p as string, false, name).test(s as string);
    },
  });
}

/** Registry entries for the regexp_* functions. */
export const REGEXP_FUNCTIONS: readonly ScalarFunctionDef[] = [
  REGEXP_REPLACE,
  regexpExtract,
  regexpExtractAll,
  regexpCount,
  regexpSubstr,
  regexpInstr,
  rlikeAlias("regexp", "REGEXP"),
  rlikeAlias("regexp_like", "REGEXP_LIKE"),
];
