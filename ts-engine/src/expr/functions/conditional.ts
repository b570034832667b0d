import { expectStorage, makeVector, type Vector } from "../../columnar/vector.js";
import { castVector } from "../eval/cast.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { BooleanType, DoubleType, LongType, isIntegral, isNumeric, type DataType } from "../../types/data-type.js";
import { binaryOperandType, widerType, widerTypeOfAll } from "../../types/coercion.js";
import { valueAt, vectorFromRowValues } from "../eval/vectors.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { compare } from "../kernels/comparison.js";
import { coalesce } from "../kernels/null.js";
import { checkArity, implicitCast, quotedSql, quotedType, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArgs, doc } from "./row-function.js";

// Null handling and conditional functions (Spark's conditional_funcs): nvl, nvl2, ifnull,
// nullif, nanvl, nullifzero, zeroifnull, equal_null.

/**
 * The common type of `args` under ANSI coercion (a string meeting an integral type becomes
 * BIGINT, a fractional one DOUBLE, as AnsiTypeCoercion.findWiderTypeForString), or
 * DATATYPE_MISMATCH.DATA_DIFF_TYPES: nvl/ifnull/nvl2 are coalesce underneath, and Spark's
 * message names coalesce.
 */
function commonType(name: string, args: readonly Expr[]): DataType {
  const types = args.map(exprType);
  const hasString = types.some((t) => t.kind === "string");
  const numeric = types.filter((t) => t.kind !== "string" && t.kind !== "null");
  if (hasString && numeric.length > 0 && numeric.every(isNumeric)) return numeric.every(isIntegral) ? LongType : DoubleType;
  const t = widerTypeOfAll(types);
  if (t === null) {
    throw new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES", {
      sqlExpr: quotedSql(scalarCall("coalesce", args, BooleanType, true)),
      functionName: "`coalesce`",
      dataType: `(${types.map(quotedType).join(" or ")})`,
    });
  }
  return t;
}

/** `v` with rows where `drop[i]` is 1 made null. */
function nullWhere(v: Vector, drop: Uint8Array, dropValidity: Uint8Array | null): Vector {
  const n = v.length;
  const validity = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const keep = v.validity === null || v.validity[i] === 1;
    const hit = (dropValidity === null || dropValidity[i] === 1) && drop[i] === 1;
    validity[i] = keep && !hit ? 1 : 0;
  }
  return makeVector(v.type, v.data, validity, n);
}

/** nvl / ifnull: coalesce of two arguments under the name Spark prints. */
function nvlLike(name: string, description: string): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}(expr1, expr2)`, description),
    resolve(_n, args) {
      checkArity(name, args, 2);
      const t = commonType(name, args);
      return scalarCall(name, args.map((a) => implicitCast(a, t)), t, args.every(exprNullable));
    },
    eval(args) {
      return coalesce(args);
    },
  };
}

const NVL2: ScalarFunctionDef = {
  kind: "scalar",
  name: "nvl2",
  doc: doc("nvl2(expr1, expr2, expr3)", "Returns `expr2` if `expr1` is not null, else `expr3`."),
  resolve(_n, args) {
    checkArity("nvl2", args, 3);
    const t = commonType("nvl2", args.slice(1));
    return scalarCall("nvl2", [args[0]!, implicitCast(args[1]!, t), implicitCast(args[2]!, t)], t, exprNullable(args[1]!) || exprNullable(args[2]!));
  },
  eval([a, b, c], call) {
    const n = a!.length;
    const out: unknown[] = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = a!.validity === null || a!.validity[i] === 1 ? valueAt(b!, i) : valueAt(c!, i);
    return vectorFromRowValues(call.dataType, out);
  },
};

const NULLIF: ScalarFunctionDef = {
  kind: "scalar",
  name: "nullif",
  doc: doc("nullif(expr1, expr2)", "Returns null if `expr1` equals `expr2`, else `expr1`."),
  resolve(_n, args) {
    checkArity("nullif", args, 2);
    const [l, r] = args as [Expr, Expr];
    const t = binaryOperandType(exprType(l), exprType(r));
    if (t === null) {
      throw new AnalysisException("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", {
        sqlExpr: `"(${quotedSql(l).slice(1, -1)} = ${quotedSql(r).slice(1, -1)})"`,
        left: quotedType(exprType(l)),
        right: quotedType(exprType(r)),
      });
    }
    // The comparison runs in the common type (cast in eval); the value returned is expr1's own.
    return scalarCall("nullif", [l, r], exprType(l), true);
  },
  eval([a, b], call, ctx) {
    const t = binaryOperandType(exprType(call.args[0]!), exprType(call.args[1]!)) ?? a!.type;
    const eq = expectStorage(compare("==", castVector(a!, t, ctx), castVector(b!, t, ctx)), "bool");
    return nullWhere(a!, eq.data, eq.validity);
  },
};

const NANVL: ScalarFunctionDef = {
  kind: "scalar",
  name: "nanvl",
  doc: doc("nanvl(expr1, expr2)", "Returns `expr1` if it is not NaN, else `expr2`; both must be double or float."),
  resolve(_n, given) {
    checkArity("nanvl", given, 2);
    const both = given.map(exprType);
    const t = both.every((x) => x.kind === "float") ? both[0]! : DoubleType;
    const args = coerceArgs("nanvl", given, ["double", "double"], DoubleType).map((a, i) => (t.kind === "float" ? given[i]! : a));
    return scalarCall("nanvl", args, t, args.some(exprNullable));
  },
  eval([a, b], call) {
    const n = a!.length;
    const out: unknown[] = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const x = valueAt(a!, i);
      out[i] = typeof x === "number" && Number.isNaN(x) ? valueAt(b!, i) : x;
    }
    return vectorFromRowValues(call.dataType, out);
  },
};

function numericOnly(name: string, args: readonly Expr[]): Expr {
  checkArity(name, args, 1);
  const [a] = coerceArgs(name, args, ["numeric"], DoubleType);
  return a!;
}

const NULLIFZERO: ScalarFunctionDef = {
  kind: "scalar",
  name: "nullifzero",
  doc: doc("nullifzero(expr)", "Returns null if `expr` is 0, else `expr`."),
  resolve(_n, args) {
    const a = numericOnly("nullifzero", args);
    return scalarCall("nullifzero", [a], exprType(a), true);
  },
  eval([a], call) {
    const n = a!.length;
    const out: unknown[] = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const x = valueAt(a!, i);
      out[i] = x === 0 || x === 0n || (typeof x === "string" && Number(x) === 0) ? null : x;
    }
    return vectorFromRowValues(call.dataType, out);
  },
};

const ZEROIFNULL: ScalarFunctionDef = {
  kind: "scalar",
  name: "zeroifnull",
  doc: doc("zeroifnull(expr)", "Returns 0 if `expr` is null, else `expr`."),
  resolve(_n, args) {
    const a = numericOnly("zeroifnull", args);
    const t = exprType(a).kind === "null" ? widerType(exprType(a), { kind: "integer" }) ?? exprType(a) : exprType(a);
    return scalarCall("zeroifnull", [implicitCast(a, t)], t, false);
  },
  eval([a], call) {
    const n = a!.length;
    const zero = call.dataType.kind === "decimal" ? "0" : 0;
    const out: unknown[] = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = valueAt(a!, i) ?? zero;
    return vectorFromRowValues(call.dataType, out);
  },
};

const EQUAL_NULL: ScalarFunctionDef = {
  kind: "scalar",
  name: "equal_null",
  doc: doc("equal_null(expr1, expr2)", "Null-safe equality: true when both are null, false when one is, else expr1 = expr2."),
  resolve(_n, args) {
    checkArity("equal_null", args, 2);
    const [l, r] = args as [Expr, Expr];
    const t = binaryOperandType(exprType(l), exprType(r));
    if (t === null) {
      throw new AnalysisException("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", {
        sqlExpr: `"(${quotedSql(l).slice(1, -1)} <=> ${quotedSql(r).slice(1, -1)})"`,
        left: quotedType(exprType(l)),
        right: quotedType(exprType(r)),
      });
    }
    return scalarCall("equal_null", [implicitCast(l, t), implicitCast(r, t)], BooleanType, false);
  },
  eval([a, b]) {
    return compare("<=>", a!, b!);
  },
};


/** Registry entries for null handling and conditional functions. */
export const CONDITIONAL_FUNCTIONS: readonly ScalarFunctionDef[] = [
  nvlLike("nvl", "Returns `expr2` if `expr1` is null, else `expr1`."),
  nvlLike("ifnull", "Returns `expr2` if `expr1` is null, else `expr1` (same as nvl)."),
  NVL2,
  NULLIF,
  NANVL,
  NULLIFZERO,
  ZEROIFNULL,
  EQUAL_NULL,
];
