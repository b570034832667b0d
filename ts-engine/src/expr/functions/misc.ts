import { makeVector, numberData, type Vector } from "../../columnar/vector.js";
import { AnalysisException, InternalError } from "../../errors/spark-exception.js";
import { BooleanType, IntegerType, StringType, isNumeric, type DataType } from "../../types/data-type.js";
import { widerTypeOfAll } from "../../types/coercion.js";
import { coalesce } from "../kernels/null.js";
import { changeCase } from "../kernels/string-case.js";
import { utf8Length } from "../kernels/string-slice.js";
import { utf8Like } from "../kernels/string-match.js";
import { arithmetic } from "../kernels/arithmetic.js";
import { broadcast } from "../eval/vectors.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { coerceArgs } from "./row-function.js";
import { collationOfType } from "../../types/collation.js";
import { callCollation } from "./collation.js";
import { checkArity, implicitCast, quotedSql, quotedType, scalarCall, unexpectedInputType, type ScalarFunctionDef, doc, type FunctionDoc } from "./function-def.js";

/** A one-argument string function whose kernel works on the UTF-8 vector. */
function stringKernel(fn: string, kernel: (v: Vector) => Vector, out: DataType, doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name: fn,
    doc,
    resolve(name, args) {
      checkArity(name, args, 1);
      const [a] = coerceArgs(fn, args, ["string"], out);
      return scalarCall(fn, [a!], out, exprNullable(a!));
    },
    eval([a]) {
      return kernel(a!);
    },
  };
}

/** length(expr): characters of a string, bytes of a binary (Spark's Length takes both). */
const LENGTH: ScalarFunctionDef = {
  ...stringKernel("length", utf8Length, IntegerType, doc("length(expr)", "Returns the number of characters of a string (bytes of a binary value).")),
  resolve(name, args) {
    checkArity(name, args, 1);
    const a = args[0]!;
    if (exprType(a).kind === "binary") return scalarCall("length", [a], IntegerType, exprNullable(a));
    const [s] = coerceArgs("length", args, ["string"], IntegerType);
    return scalarCall("length", [s!], IntegerType, exprNullable(s!));
  },
  eval([a]) {
    const v = a!;
    if (v.storage !== "binary") return utf8Length(v);
    const out = new Int32Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = v.data[i]!.length;
    return makeVector(IntegerType, out, v.validity, v.length);
  },
};

const ABS: ScalarFunctionDef = {
  kind: "scalar",
  name: "abs",
  doc: doc("abs(expr)", "Returns the absolute value of `expr`; the minimum integral value overflows under ANSI."),
  resolve(name, args) {
    checkArity(name, args, 1);
    const a = args[0]!;
    const t = exprType(a);
    if (!isNumeric(t)) throw unexpectedInputType(scalarCall("abs", args, t, true), 0, a, '"NUMERIC"');
    return scalarCall("abs", args, t.kind === "decimal" ? t : t, exprNullable(a));
  },
  eval([a], _call, ctx) {
    const v = a!;
    // |x| = x * sign: reuse the overflow-checked multiply so abs(MIN_VALUE) overflows as in Spark.
    const signs = v.type.kind === "decimal" ? null : signVector(v);
    return signs === null ? v : arithmetic("*", v, signs, v.type, ctx.ansi);
  },
};

function signVector(v: Vector): Vector {
  const n = v.length;
  // A broadcast 1 is never BigInt storage, even for longs.
  const s = broadcast(v.type, 1, n);
  const out = numberData(s);
  if (out === null) throw new InternalError(`abs over ${s.storage} storage`);
  if (v.storage === "i64big") {
    for (let i = 0; i < n; i++) if (v.data[i]! < 0n) out[i] = -1;
    return s;
  }
  const src = numberData(v);
  if (src === null) throw new InternalError(`abs over ${v.storage} storage`);
  for (let i = 0; i < n; i++) if (src[i]! < 0) out[i] = -1;
  return s;
}

const COALESCE: ScalarFunctionDef = {
  kind: "scalar",
  name: "coalesce",
  doc: doc("coalesce(expr1, expr2, ...)", "Returns the first non-null argument, or null when all are null."),
  resolve(name, args) {
    checkArity(name, args, 1, Infinity);
    const t = widerTypeOfAll(args.map(exprType));
    if (t === null) {
      throw new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES", {
        sqlExpr: quotedSql(scalarCall("coalesce", args, StringType, true)),
        functionName: "`coalesce`",
        dataType: `(${args.map((a) => quotedType(exprType(a))).join(" or ")})`,
      });
    }
    return scalarCall("coalesce", args.map((a) => implicitCast(a, t)), t, args.every(exprNullable));
  },
  eval(args) {
    return coalesce(args);
  },
};

/** SQL LIKE pattern → RegExp (`%` any run, `_` one char, `\` escapes). */
export function likeToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\" && i + 1 < pattern.length) re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (c === "%") re += "[\\s\\S]*";
    else if (c === "_") re += "[\\s\\S]";
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "u");
}

const LIKE: ScalarFunctionDef = {
  kind: "scalar",
  name: "like",
  doc: doc("str like pattern", "Returns true if `str` matches the SQL pattern (`_` one character, `%` any sequence, `\\\\` escapes), null if either is null."),
  resolve(name, args) {
    checkArity(name, args, 2);
    const call = scalarCall("like", args.map((a: Expr) => implicitCast(a, StringType)), BooleanType, args.some(exprNullable));
    const c = collationOfType(exprType(call.args[0]!));
    // Spark's LIKE takes UTF8_BINARY and UTF8_LCASE strings only
    if (c.provider === "icu" || c.rtrim) throw unexpectedInputType(call, 0, call.args[0]!, '"STRING"');
    return call;
  },
  eval([s, p], call) {
    // UTF8_LCASE: the value and the pattern compare lowercased (Spark's collation-aware Like)
    if (callCollation(call) !== null) return utf8Like(changeCase(s!, false), changeCase(p!, false), cachedLikeRegExp);
    return utf8Like(s!, p!, cachedLikeRegExp);
  },
};

const likeCache = new Map<string, RegExp>();

/** likeToRegExp, compiled once per distinct pattern. */
function cachedLikeRegExp(pattern: string): RegExp {
  let re = likeCache.get(pattern);
  if (re === undefined) {
    if (likeCache.size > 1000) likeCache.clear();
    likeCache.set(pattern, (re = likeToRegExp(pattern)));
  }
  return re;
}

/** Registry entries for a first set of general scalar functions. */
export const MISC_FUNCTIONS: readonly ScalarFunctionDef[] = [
  ABS,
  COALESCE,
  LIKE,
  stringKernel("upper", (v) => changeCase(v, true), StringType, doc("upper(str)", "Returns `str` with all characters changed to uppercase.")),
  stringKernel("lower", (v) => changeCase(v, false), StringType, doc("lower(str)", "Returns `str` with all characters changed to lowercase.")),
  LENGTH,
];
