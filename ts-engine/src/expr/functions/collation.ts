import { AnalysisException } from "../../errors/spark-exception.js";
import { markWithoutPlan } from "../../errors/without-plan.js";
import { StringType, collatedStringType, collationOf } from "../../types/data-type.js";
import { collationName, collationOfType, isBinaryEquality, type Collation } from "../../types/collation.js";
import { retypeVector } from "../../columnar/vector.js";
import { utf8FromStrings } from "../../columnar/utf8.js";
import { makeVector } from "../../columnar/vector.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr, ScalarCall } from "../expr.js";
import { foldedValue } from "./foldable.js";
import type { RegexCase } from "../kernels/java-regex.js";
import { checkArity, doc, quotedSql, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";

/**
 * `collate(str, name)` (SQL `str COLLATE name`): the string with collation `name` (Spark's
 * Collate, an explicit collation). The name must be a foldable string; it is kept as the
 * user wrote it in the call (Spark's column name `collate(a, unicode_ci)`), canonical in the type.
 */
const COLLATE: ScalarFunctionDef = {
  kind: "scalar",
  name: "collate",
  doc: doc("collate(str, collationName)", "Returns `str` marked with the collation `collationName` (UTF8_BINARY, UTF8_LCASE, UNICODE, UNICODE_CI, or an ICU locale with _CI / _AI)."),
  resolve(name, args) {
    checkArity(name, args, 2);
    const [s, n] = args as [Expr, Expr];
    const draft = scalarCall("collate", args, StringType, true);
    const st = exprType(s);
    if (st.kind !== "string" && st.kind !== "null") throw unexpectedInputType(draft, 0, s, '"STRING"');
    const folded = foldedValue(n);
    if (folded === null || typeof folded.value !== "string") throw unexpectedInputType(draft, 1, n, '"STRING"');
    const type = collatedStringType(withoutPlan(() => collationName(folded.value as string)));
    return scalarCall("collate", [s, n], type, exprNullable(s));
  },
  eval([s], call) {
    return retypeVector(s!, call.dataType);
  },
};

/** Spark resolves the collation name while building the expression: its errors carry no plan. */
function withoutPlan<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw e instanceof AnalysisException ? markWithoutPlan(e) : e;
  }
}

/** `collation(str)`: the fully qualified name of the collation of `str`'s type (`SYSTEM.BUILTIN.UTF8_LCASE`). */
const COLLATION: ScalarFunctionDef = {
  kind: "scalar",
  name: "collation",
  doc: doc("collation(expr)", "Returns the qualified name of the collation of the string `expr` (SYSTEM.BUILTIN.<name>)."),
  resolve(name, args) {
    checkArity(name, args, 1);
    const t = exprType(args[0]!);
    if (t.kind !== "string") throw unexpectedInputType(scalarCall("collation", args, StringType, false), 0, args[0]!, '"STRING"');
    return scalarCall("collation", args, StringType, false);
  },
  eval([s], call, _ctx, n) {
    const name = `SYSTEM.BUILTIN.${collationOf(exprType(call.args[0]!))}`;
    return makeVector(StringType, utf8FromStrings(new Array<string>(n).fill(name)), null, n);
  },
};

/** Registry entries for collations. */
export const COLLATION_FUNCTIONS: readonly ScalarFunctionDef[] = [COLLATE, COLLATION];

// --- collation type coercion (Spark's CollationTypeCoercion) ---

/** How strongly an argument's collation binds (Spark's CollationStrength). */
type Strength = 0 | 1 | 2; // default (literals), implicit (columns, expressions), explicit (COLLATE)

function strengthOf(e: Expr): Strength {
  switch (e.kind) {
    case "Literal":
      return 0;
    case "Alias":
      return strengthOf(e.child);
    case "ScalarCall": {
      if (e.fn === "collate") return 2;
      // an expression of strings takes its strongest string input's strength (upper(collate(…)))
      let best: Strength = 0;
      let anyString = false;
      for (const a of e.args) {
        if (exprType(a).kind !== "string") continue;
        anyString = true;
        const s = strengthOf(a);
        if (s > best) best = s;
      }
      return anyString ? best : 1;
    }
    default:
      return 1;
  }
}

/**
 * The functions whose string arguments all take one collation (Spark casts each to the
 * collation its CollationTypeCoercion settles on): comparisons, IN, the conditional and
 * collection constructors, and the collation-aware string functions. Other functions keep
 * their arguments; a string result takes the first string argument's collation.
 */
const ALL_STRING_ARGS = new Set([
  "==", "<", "<=", ">", ">=", "<=>", "in", "coalesce", "nvl", "ifnull", "nullif", "nvl2", "greatest", "least",
  "array", "concat", "concat_ws", "lpad", "rpad", "translate", "replace", "contains", "startswith", "endswith",
  "instr", "locate", "position", "substring_index", "split_part", "find_in_set", "elt", "array_contains", "array_position", "array_remove",
  "regexp_replace",
]);

/** Functions whose string result never carries an input's collation (Spark types them with the default StringType). */
const DEFAULT_RESULT = new Set([
  "collation", "typeof", "md5", "sha", "sha1", "sha2", "hex", "base64", "to_json", "to_csv", "to_xml", "schema_of_json", "schema_of_csv",
  "schema_of_xml", "schema_of_variant", "date_format", "to_char", "format_number", "uuid", "current_user", "user", "session_user", "version",
]);

/**
 * Settles the collation of a call's string arguments before its type rule runs, as Spark's
 * CollationTypeCoercion: one explicit collation wins (two differ: COLLATION_MISMATCH.EXPLICIT),
 * else the implicit ones (columns) must agree (else INDETERMINATE_COLLATION_IN_EXPRESSION),
 * literals take whichever collation that is. Returns the arguments unchanged when every string
 * is UTF8_BINARY (the common case costs one pass over the arguments).
 */
export function coerceCollations(fn: string, args: readonly Expr[]): { readonly args: readonly Expr[]; readonly collation: string | null } {
  let collated = false;
  for (const a of args) if (exprType(a).kind === "string" && collationOf(exprType(a)) !== "UTF8_BINARY") collated = true;
  if (!collated) return { args, collation: null };
  const explicit: string[] = [];
  const implicit: string[] = [];
  for (const a of args) {
    const t = exprType(a);
    if (t.kind !== "string") continue;
    const s = strengthOf(a);
    const list = s === 2 ? explicit : s === 1 ? implicit : null;
    if (list !== null && !list.includes(collationOf(t))) list.push(collationOf(t));
  }
  if (!ALL_STRING_ARGS.has(fn)) {
    const first = args.find((a) => exprType(a).kind === "string");
    return { args, collation: first === undefined || DEFAULT_RESULT.has(fn) ? null : collationOf(exprType(first)) };
  }
  let target: string;
  if (explicit.length > 1) {
    throw new AnalysisException("COLLATION_MISMATCH.EXPLICIT", {
      explicitTypes: explicit.map((c) => `"${c === "UTF8_BINARY" ? "STRING" : `STRING COLLATE ${c}`}"`).join(", "),
    });
  } else if (explicit.length === 1) target = explicit[0]!;
  else if (implicit.length > 1) {
    throw new AnalysisException("INDETERMINATE_COLLATION_IN_EXPRESSION", { expr: quotedSql(scalarCall(fn, args, StringType, true)) });
  } else target = implicit[0] ?? "UTF8_BINARY";
  const to = collatedStringType(target);
  const out = args.map((a): Expr => {
    const t = exprType(a);
    if (t.kind !== "string" || collationOf(t) === target) return a;
    if (a.kind === "Literal") return { ...a, dataType: to };
    return { kind: "Cast", child: a, dataType: to, implicit: true };
  });
  return { args: out, collation: target };
}

/**
 * The resolved call with its string result in `collation` (Spark types upper(l), substring(l,
 * …), concat(l, …) with their input's collation); other results are left as they are.
 */
export function withResultCollation(fn: string, resolved: Expr, collation: string | null): Expr {
  if (collation === null || collation === "UTF8_BINARY" || DEFAULT_RESULT.has(fn)) return resolved;
  if (resolved.kind !== "ScalarCall" || resolved.dataType.kind !== "string" || collationOf(resolved.dataType) !== "UTF8_BINARY") return resolved;
  return { ...resolved, dataType: collatedStringType(collation) };
}

/**
 * The collation a collation-aware string function works under: its first argument's, or
 * null for UTF8_BINARY (the byte kernels then run as before).
 */
export function callCollation(call: ScalarCall, arg = 0): Collation | null {
  const a = call.args[arg];
  if (a === undefined) return null;
  const c = collationOfType(exprType(a));
  return isBinaryEquality(c) ? null : c;
}

/**
 * How a regex function matches strings of its subject's collation: UTF8_LCASE with
 * CASE_INSENSITIVE | UNICODE_CASE (Spark's CollationSupport.collationAwareRegexFlags), every
 * other accepted collation as written.
 */
export function regexCase(call: ScalarCall, arg = 0): RegexCase {
  const a = call.args[arg];
  if (a === undefined) return "sensitive";
  const c = collationOfType(exprType(a));
  return c.provider === "spark" && c.lcase ? "unicodeInsensitive" : "sensitive";
}

/**
 * Spark's regex functions (rlike, regexp_*, split, like) take UTF8_BINARY and UTF8_LCASE
 * strings only (StringTypeBinaryLcase): any other collation of argument `arg` is
 * DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE. Returns the call.
 */
export function checkRegexCollation(call: ScalarCall, arg = 0): ScalarCall {
  const a = call.args[arg];
  if (a === undefined || exprType(a).kind !== "string") return call;
  const c = collationOfType(exprType(a));
  if (c.provider === "icu" || c.rtrim) throw unexpectedInputType(call, arg, a, '"STRING"');
  return call;
}
