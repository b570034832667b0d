import { expectStorage, makeVector, numberData, type Vector } from "../../columnar/vector.js";
import { allocVector } from "../../columnar/builder.js";
import { AnalysisException, InternalError } from "../../errors/spark-exception.js";
import { BooleanType, DoubleType, LongType, StringType, isIntegral, type DataType } from "../../types/data-type.js";
import { widerType } from "../../types/coercion.js";
import { parseDataType } from "../../types/ddl.js";
import { sqlTypeName } from "../../types/type-names.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr, ScalarCall } from "../expr.js";
import { collationOfType, isBinaryEquality, type Collation } from "../../types/collation.js";
import { collationEndsWith, collationMatcher, collationStartsWith } from "../kernels/collation-search.js";
import { callCollation, checkRegexCollation, regexCase } from "./collation.js";
import { mapRows } from "./row-map.js";
import { utf8Like, utf8Placement, utf8Rlike } from "../kernels/string-match.js";
import { changeCase } from "../kernels/string-case.js";
import { toBigInts, valid, vectorFromRowValues } from "../eval/vectors.js";
import { checkArity, implicitCast, quotedSql, quotedType, scalarCall, unexpectedInputType, type ScalarFunctionDef, doc, type FunctionDoc } from "./function-def.js";

/** Bitwise `& | ^` over integral operands of a common type (BigInt for longs). */
function bitwise(op: "&" | "|" | "^", doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name: op,
    doc,
    resolve(_n, args) {
      checkArity(op, args, 2);
      const [l, r] = args as [Expr, Expr];
      const t = widerType(exprType(l), exprType(r));
      if (t === null || !isIntegral(t)) {
        throw new AnalysisException("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", {
          sqlExpr: quotedSql(scalarCall(op, args, LongType, true)),
          left: quotedType(exprType(l)),
          right: quotedType(exprType(r)),
        });
      }
      return scalarCall(op, [implicitCast(l, t), implicitCast(r, t)], t, exprNullable(l) || exprNullable(r));
    },
    eval([a, b], call) {
      const n = a!.length;
      const f = (x: bigint, y: bigint): bigint => (op === "&" ? x & y : op === "|" ? x | y : x ^ y);
      if (call.dataType.kind === "long") {
        const x = toBigInts(a!);
        const y = toBigInts(b!);
        return vectorFromRowValues(
          LongType,
          Array.from({ length: n }, (_, i) => (valid(a!.validity, i) && valid(b!.validity, i) ? BigInt.asIntN(64, f(x[i]!, y[i]!)) : null)),
        );
      }
      const x = numberData(a!);
      const y = numberData(b!);
      const validity = a!.validity === null && b!.validity === null ? null : Uint8Array.from({ length: n }, (_, i) => (valid(a!.validity, i) && valid(b!.validity, i) ? 1 : 0));
      const res = allocVector(call.dataType, n, validity);
      const out = numberData(res);
      if (x === null || y === null || out === null) throw new InternalError(`bitwise ${op} over ${a!.storage} storage`);
      for (let i = 0; i < n; i++) out[i] = op === "&" ? x[i]! & y[i]! : op === "|" ? x[i]! | y[i]! : x[i]! ^ y[i]!;
      return res;
    },
  };
}

const ISNAN: ScalarFunctionDef = {
  kind: "scalar",
  name: "isnan",
  doc: doc("isnan(expr)", "Returns true if `expr` is NaN, false otherwise (also for null)."),
  resolve(_n, args) {
    checkArity("isnan", args, 1);
    return scalarCall("isnan", [implicitCast(args[0]!, DoubleType)], BooleanType, false);
  },
  eval([a]) {
    const v = a!;
    const src = expectStorage(v, "f64").data;
    const out = new Uint8Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = valid(v.validity, i) && Number.isNaN(src[i]!) ? 1 : 0;
    return makeVector(BooleanType, out, null, v.length);
  },
};

/** contains / startswith / endswith of one row under a (non-binary) collation. */
const COLLATED_PREDICATES: Readonly<Record<string, (c: Collation, s: string, p: string) => boolean>> = {
  contains: (c, s, p) => p === "" || collationMatcher(c, p)(s, 0) !== null,
  startswith: collationStartsWith,
  endswith: collationEndsWith,
};

function stringPredicate(name: string, kernel: (s: Vector, p: Vector, call: ScalarCall) => Vector, doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc,
    resolve(_n, args) {
      checkArity(name, args, 2);
      const call = scalarCall(name, args.map((a) => implicitCast(a, StringType)), BooleanType, args.some(exprNullable));
      // Spark's regex functions (rlike, ilike) take UTF8_BINARY and UTF8_LCASE only (StringTypeBinaryLcase)
      return COLLATED_PREDICATES[name] === undefined ? checkRegexCollation(call) : call;
    },
    eval(args, call) {
      const c = callCollation(call);
      const pred = COLLATED_PREDICATES[name];
      if (c !== null && pred !== undefined) return mapRows(args, BooleanType, ([s, p]) => pred(c, s as string, p as string));
      return kernel(args[0]!, args[1]!, call);
    },
  };
}

/** try_cast(x, 'type'): a non-ANSI cast (null instead of an error). */
const TRY_CAST: ScalarFunctionDef = {
  kind: "scalar",
  name: "try_cast",
  doc: doc("try_cast(expr AS type)", "Casts `expr` to `type`, giving null where the cast would fail."),
  resolve(_n, args) {
    checkArity("try_cast", args, 2);
    const t = args[1]!;
    const dataType: DataType = parseDataType(t.kind === "Literal" ? String(t.value) : "string");
    return { kind: "Cast", child: args[0]!, dataType, ansi: false };
  },
  eval([a]) {
    return a!;
  },
};

/** Registry entries for bitwise ops, string predicates and try_cast. */
export const EXTRA_FUNCTIONS: readonly ScalarFunctionDef[] = [
  bitwise("&", doc("expr1 & expr2", "Returns the bitwise AND of the integral values.")),
  bitwise("|", doc("expr1 | expr2", "Returns the bitwise OR of the integral values.")),
  bitwise("^", doc("expr1 ^ expr2", "Returns the bitwise exclusive OR of the integral values.")),
  ISNAN,
  stringPredicate("contains", (s, p) => utf8Placement(s, p, "contains"), doc("contains(left, right)", "Returns true if `right` occurs in `left`, null if either is null.")),
  stringPredicate("startswith", (s, p) => utf8Placement(s, p, "startsWith"), doc("startswith(left, right)", "Returns true if `left` starts with `right`, null if either is null.")),
  stringPredicate("endswith", (s, p) => utf8Placement(s, p, "endsWith"), doc("endswith(left, right)", "Returns true if `left` ends with `right`, null if either is null.")),
  stringPredicate("rlike", (s, p, call) => utf8Rlike(s, p, regexCase(call)), doc("rlike(str, regexp)", "Returns true if some substring of `str` matches the Java regular expression `regexp`.")),
  TRY_CAST,
];
