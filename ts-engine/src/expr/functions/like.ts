import { expectStorage, makeVector, type Vector } from "../../columnar/vector.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { markWithoutPlan } from "../../errors/without-plan.js";
import { BooleanType, StringType } from "../../types/data-type.js";
import { collationOfType } from "../../types/collation.js";
import { changeCase } from "../kernels/string-case.js";
import { utf8Like } from "../kernels/string-match.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr, ScalarCall } from "../expr.js";
import { callCollation, checkRegexCollation } from "./collation.js";
import { checkArity, doc, implicitCast, quotedSql, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";

/** Spark's default LIKE escape character. */
export const DEFAULT_LIKE_ESCAPE = "\\";

/** A string as Spark's toSQLValue quotes it in messages: `'a\\b'`. */
function sqlValue(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/**
 * A SQL LIKE pattern as a RegExp, as Spark's StringUtils.escapeLikeRegex reads it: `%` any run,
 * `_` one character, and `escape` makes the `_`, `%` or escape after it literal. The escape before
 * any other character, or at the end, is Spark's INVALID_FORMAT error.
 */
export function likeToRegExp(pattern: string, escape: string = DEFAULT_LIKE_ESCAPE): RegExp {
  let re = "";
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === escape) {
      const next = chars[i + 1];
      if (next === undefined) throw new AnalysisException("INVALID_FORMAT.ESC_AT_THE_END", { format: sqlValue(pattern) });
      if (next !== "_" && next !== "%" && next !== escape) {
        throw new AnalysisException("INVALID_FORMAT.ESC_IN_THE_MIDDLE", { format: sqlValue(pattern), char: sqlValue(next) });
      }
      re += quoteRegExp(next);
      i++;
    } else if (c === "%") re += "[\\s\\S]*";
    else if (c === "_") re += "[\\s\\S]";
    else re += quoteRegExp(c);
  }
  return new RegExp(`^${re}$`, "u");
}

function quoteRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const likeCache = new Map<string, RegExp>();

/** likeToRegExp, compiled once per distinct (escape, pattern). */
function cachedLikeRegExp(pattern: string, escape: string): RegExp {
  const key = escape + pattern;
  let re = likeCache.get(key);
  if (re === undefined) {
    if (likeCache.size > 1000) likeCache.clear();
    likeCache.set(key, (re = likeToRegExp(pattern, escape)));
  }
  return re;
}

/** `str LIKE pattern [ESCAPE c]` over vectors; `lower` compares both lowercased (ILIKE, UTF8_LCASE). */
function likeVector(s: Vector, p: Vector, escape: string, lower: boolean): Vector {
  const toRegExp = (pattern: string): RegExp => cachedLikeRegExp(pattern, escape);
  return lower ? utf8Like(changeCase(s, false), changeCase(p, false), toRegExp, escape) : utf8Like(s, p, toRegExp, escape);
}

/** The escape character of a like/ilike call: its third argument, a one-character string literal (INVALID_ESCAPE_CHAR otherwise). */
function escapeArg(e: Expr | undefined): string {
  if (e === undefined) return DEFAULT_LIKE_ESCAPE;
  if (e.kind === "Literal" && typeof e.value === "string" && [...e.value].length === 1) return e.value;
  throw markWithoutPlan(new AnalysisException("INVALID_ESCAPE_CHAR", { sqlExpr: quotedSql(e) }));
}

/** The escape of a resolved call (checked at resolution). */
export function likeEscape(call: ScalarCall): string {
  const e = call.args[2];
  return e !== undefined && e.kind === "Literal" && typeof e.value === "string" ? e.value : DEFAULT_LIKE_ESCAPE;
}

/** like(str, pattern[, escape]) and ilike(str, pattern[, escape]), the functions behind LIKE and ILIKE. */
function likeFunction(name: "like" | "ilike"): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: name === "like"
      ? doc("str like pattern[ ESCAPE escape]", "Returns true if `str` matches the SQL pattern (`_` one character, `%` any sequence, the escape character — `\\\\` by default — makes the next `_`, `%` or escape literal), null if either is null.")
      : doc("str ilike pattern[ ESCAPE escape]", "Returns true if `str` matches the SQL pattern `pattern` ignoring case."),
    resolve(n, args) {
      checkArity(n, args, 2, 3);
      escapeArg(args[2]);
      const call = scalarCall(name, args.map((a: Expr) => implicitCast(a, StringType)), BooleanType, args.slice(0, 2).some(exprNullable));
      if (name === "ilike") return checkRegexCollation(call);
      const c = collationOfType(exprType(call.args[0]!));
      // Spark's LIKE takes UTF8_BINARY and UTF8_LCASE strings only
      if (c.provider === "icu" || c.rtrim) throw unexpectedInputType(call, 0, call.args[0]!, '"STRING"');
      return call;
    },
    eval([s, p], call) {
      // UTF8_LCASE: the value and the pattern compare lowercased (Spark's collation-aware Like)
      return likeVector(s!, p!, likeEscape(call), name === "ilike" || callCollation(call) !== null);
    },
  };
}

type Quantified = "likeany" | "likeall" | "notlikeany" | "notlikeall";

/**
 * Spark's LikeAny / LikeAll / NotLikeAny / NotLikeAll: `str [NOT] LIKE ANY|SOME|ALL (p, …)` with
 * string-literal patterns (the parser builds ORs and ANDs of LIKEs for any other list). Three-valued:
 * ANY is true when a pattern matches, else null when a pattern is null; ALL is false when one does
 * not match, else null when one is null.
 */
function quantifiedLike(name: Quantified): ScalarFunctionDef {
  const all = name === "likeall" || name === "notlikeall";
  const negate = name.startsWith("not");
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}(str, pattern, ...)`, `Whether \`str\` ${negate ? "does not match" : "matches"} ${all ? "every" : "some"} SQL pattern; \`str ${negate ? "NOT " : ""}LIKE ${all ? "ALL" : "ANY"} (pattern, ...)\` in SQL.`),
    resolve(n, args) {
      if (args.length < 2) checkArity(n, args, 2);
      return scalarCall(name, args.map((a: Expr) => implicitCast(a, StringType)), BooleanType, args.some(exprNullable));
    },
    eval(args) {
      const str = args[0]!;
      const n = str.length;
      const matches = args.slice(1).map((p) => likeVector(str, p, DEFAULT_LIKE_ESCAPE, false));
      const out = new Uint8Array(n);
      const validity = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        if (str.validity !== null && str.validity[i] === 0) continue;
        let sawNull = false;
        let decided = false;
        for (const m of matches) {
          if (m.validity !== null && m.validity[i] === 0) {
            sawNull = true;
            continue;
          }
          const hit = (expectStorage(m, "bool").data[i] === 1) !== negate;
          if (hit !== all) {
            decided = true;
            break;
          }
        }
        if (decided) {
          out[i] = all ? 0 : 1;
          validity[i] = 1;
        } else if (!sawNull) {
          out[i] = all ? 1 : 0;
          validity[i] = 1;
        }
      }
      return makeVector(BooleanType, out, validity, n);
    },
  };
}

/** Registry entries for LIKE and its relatives. */
export const LIKE_FUNCTIONS: readonly ScalarFunctionDef[] = [
  likeFunction("like"),
  likeFunction("ilike"),
  quantifiedLike("likeany"),
  quantifiedLike("likeall"),
  quantifiedLike("notlikeany"),
  quantifiedLike("notlikeall"),
];
