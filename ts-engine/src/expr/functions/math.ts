import { expectStorage, makeVector } from "../../columnar/vector.js";
import { collationAwareComparator, needsCollationKey, nestsCollatedStrings } from "../../columnar/collation-key.js";
import { DoubleType, LongType, isNumeric, type DataType } from "../../types/data-type.js";
import { widerTypeOfAll } from "../../types/coercion.js";
import { unscaled, formatUnscaled } from "../eval/decimal.js";
import { castVector } from "../eval/cast.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { valueAt, valid, vectorFromRowValues } from "../eval/vectors.js";
import { compareValues } from "../kernels/compare-values.js";
import { checkArity, implicitCast, scalarCall, unexpectedInputType, type ScalarFunctionDef, doc, type FunctionDoc } from "./function-def.js";

function numericArg(display: string, args: readonly Expr[], i: number): Expr {
  const a = args[i]!;
  const t = exprType(a);
  // Spark's UnaryMathExpression expects DOUBLE (ImplicitCastInputTypes) and names that type.
  if (!isNumeric(t) && t.kind !== "null" && t.kind !== "string") throw unexpectedInputType(scalarCall(display, args, DoubleType, true), i, a, '"DOUBLE"');
  return implicitCast(a, DoubleType);
}

/** A double → double function (`SQRT`, `EXP`, `ln`); `nullBelow` gives null for inputs ≤ it (Spark's Logarithm). */
function unaryDouble(name: string, display: string, f: (x: number) => number, doc: FunctionDoc, nullAtOrBelow?: number): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc,
    resolve(_n, args) {
      checkArity(name, args, 1);
      return scalarCall(display, [numericArg(display, args, 0)], DoubleType, true);
    },
    eval([a]) {
      const v = a!;
      const src = expectStorage(v, "f64").data;
      const n = v.length;
      const out = new Float64Array(n);
      let validity = v.validity;
      for (let i = 0; i < n; i++) {
        const x = src[i]!;
        if (nullAtOrBelow !== undefined && x <= nullAtOrBelow) {
          validity = validity === v.validity ? (v.validity === null ? new Uint8Array(n).fill(1) : Uint8Array.from(v.validity)) : validity;
          validity![i] = 0;
        } else out[i] = f(x);
      }
      return makeVector(DoubleType, out, validity, n);
    },
  };
}

/** log(x) is `ln(x)`; log(base, x) is `LOG(base, x)`. */
const LOG: ScalarFunctionDef = {
  kind: "scalar",
  name: "log",
  doc: doc("log([base, ]expr)", "Returns the logarithm of `expr` with `base` (the natural logarithm without one); null for expr <= 0."),
  resolve(_n, args) {
    checkArity("log", args, 1, 2);
    if (args.length === 1) return scalarCall("ln", [numericArg("ln", args, 0)], DoubleType, true);
    return scalarCall("LOG", [numericArg("LOG", args, 0), numericArg("LOG", args, 1)], DoubleType, true);
  },
  eval([b, x]) {
    return vectorFromRowValues(
      DoubleType,
      Array.from({ length: b!.length }, (_, i) => {
        const base = valueAt(b!, i) as number | null;
        const v = valueAt(x!, i) as number | null;
        return base === null || v === null || v <= 0 ? null : Math.log(v) / Math.log(base);
      }),
    );
  },
};

const POWER: ScalarFunctionDef = {
  kind: "scalar",
  name: "pow",
  doc: doc("pow(expr1, expr2)", "Returns `expr1` raised to the power of `expr2`, as a double."),
  resolve(_n, args) {
    checkArity("pow", args, 2);
    return scalarCall("POWER", [numericArg("POWER", args, 0), numericArg("POWER", args, 1)], DoubleType, args.some(exprNullable));
  },
  eval([a, b]) {
    const x = expectStorage(a!, "f64").data;
    const y = expectStorage(b!, "f64").data;
    const n = a!.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.pow(x[i]!, y[i]!);
    const validity = a!.validity === null && b!.validity === null ? null : Uint8Array.from({ length: n }, (_, i) => (valid(a!.validity, i) && valid(b!.validity, i) ? 1 : 0));
    return makeVector(DoubleType, out, validity, n);
  },
};

/** FLOOR/CEIL: bigint results for integral and fractional input. */
function floorCeil(name: string, display: string, f: (x: number) => number, doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc,
    resolve(_n, args) {
      checkArity(name, args, 1);
      const a = args[0]!;
      const t = exprType(a);
      const arg = t.kind === "byte" || t.kind === "short" || t.kind === "integer" || t.kind === "long" ? implicitCast(a, LongType) : numericArg(display, args, 0);
      return scalarCall(display, [arg], LongType, exprNullable(a));
    },
    eval([a], _call, ctx) {
      const v = a!;
      if (v.type.kind === "long") return v;
      const src = expectStorage(v, "f64").data;
      const out = new Float64Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = f(src[i]!);
      return castVector(makeVector(DoubleType, out, v.validity, v.length), LongType, ctx);
    },
  };
}

/** round(x, scale) with HALF_UP on the decimal text of the value, as Spark's BigDecimal rounding. */
const ROUND: ScalarFunctionDef = {
  kind: "scalar",
  name: "round",
  doc: doc("round(expr[, d])", "Returns `expr` rounded to `d` decimal places (0 by default), half away from zero."),
  resolve(_n, args) {
    checkArity("round", args, 1, 2);
    const a = args[0]!;
    const scale: Expr = args[1] ?? { kind: "Literal", value: 0, dataType: { kind: "integer" } };
    const t = exprType(a);
    const out: DataType = t.kind === "decimal" || t.kind === "string" || t.kind === "null" ? DoubleType : t;
    return scalarCall("round", [implicitCast(a, out), scale], out, exprNullable(a));
  },
  eval([a, s]) {
    const v = a!;
    const kind = v.type.kind;
    if (kind !== "double" && kind !== "float") return v;
    const out: (number | null)[] = new Array<number | null>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = valueAt(v, i) as number | null;
      const sc = valueAt(s!, i) as number | null;
      if (x === null || sc === null) out[i] = null;
      else if (!Number.isFinite(x)) out[i] = x;
      else out[i] = sc >= 0 ? Number(formatUnscaled(unscaled(String(x), sc), sc)) : Math.round(x / 10 ** -sc) * 10 ** -sc;
    }
    return vectorFromRowValues(v.type, out);
  },
};

/** greatest/least: widest type of the arguments; nulls are skipped (null only when all are null). */
function extreme(name: string, sign: 1 | -1, doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc,
    resolve(_n, args) {
      checkArity(name, args, 2, Infinity);
      const t = widerTypeOfAll(args.map(exprType)) ?? DoubleType;
      return scalarCall(name, args.map((a) => implicitCast(a, t)), t, args.every(exprNullable));
    },
    eval(args) {
      const n = args[0]!.length;
      const type = args[0]!.type;
      // collated strings compare under their collation, also inside arrays and structs (greatest(l, 'B') of UTF8_LCASE)
      const cmp = needsCollationKey(type) || nestsCollatedStrings(type) ? collationAwareComparator(type) : (x: unknown, y: unknown) => compareValues(x, y, type.kind);
      const out: unknown[] = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        let best: unknown = null;
        for (const v of args) {
          const x = valueAt(v, i);
          if (x !== null && (best === null || sign * cmp(x, best) > 0)) best = x;
        }
        out[i] = best;
      }
      return vectorFromRowValues(type, out);
    },
  };
}

/** Registry entries for math functions, with Spark's display names (`SQRT(x)`, `POWER(a, b)`). */
export const MATH_FUNCTIONS: readonly ScalarFunctionDef[] = [
  unaryDouble("sqrt", "SQRT", Math.sqrt, doc("sqrt(expr)", "Returns the square root of `expr` (NaN for negative input).")),
  unaryDouble("exp", "EXP", Math.exp, doc("exp(expr)", "Returns e to the power of `expr`.")),
  unaryDouble("ln", "ln", Math.log, doc("ln(expr)", "Returns the natural logarithm of `expr`; null for expr <= 0."), 0),
  LOG,
  POWER,
  { ...POWER, name: "power", doc: doc("power(expr1, expr2)", "Returns `expr1` raised to the power of `expr2`, as a double (same as pow).") },
  floorCeil("floor", "FLOOR", Math.floor, doc("floor(expr)", "Returns the largest integer not greater than `expr`, as a bigint (decimals keep their type).")),
  floorCeil("ceil", "CEIL", Math.ceil, doc("ceil(expr)", "Returns the smallest integer not less than `expr`, as a bigint (decimals keep their type).")),
  floorCeil("ceiling", "CEIL", Math.ceil, doc("ceiling(expr)", "Returns the smallest integer not less than `expr` (same as ceil).")),
  ROUND,
  extreme("greatest", 1, doc("greatest(expr, ...)", "Returns the greatest of the arguments, skipping nulls; null only when all are null.")),
  extreme("least", -1, doc("least(expr, ...)", "Returns the least of the arguments, skipping nulls; null only when all are null.")),
];
