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

/** Registry entries for a first set of general scalar functions. */
export const MISC_FUNCTIONS: readonly ScalarFunctionDef[] = [
  ABS,
  COALESCE,
  stringKernel("upper", (v) => changeCase(v, true), StringType, doc("upper(str)", "Returns `str` with all characters changed to uppercase.")),
  stringKernel("lower", (v) => changeCase(v, false), StringType, doc("lower(str)", "Returns `str` with all characters changed to lowercase.")),
  LENGTH,
];
