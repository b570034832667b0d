import { expectStorage, makeVector } from "../../columnar/vector.js";
import { DoubleType } from "../../types/data-type.js";
import { andValidity } from "../eval/vectors.js";
import { exprNullable } from "../expr-type.js";
import { checkArity, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArgs, doc } from "./row-function.js";
import { fdlibmHypot } from "../kernels/fdlibm-hypot.js";

// Double → double math (Spark's UnaryMathExpression / BinaryMathExpression family): the
// argument is cast to double, the result is java.lang.Math's (V8's Math follows the same
// fdlibm algorithms; asinh/acosh/atanh use Spark's own log formulas, hypot fdlibm's), one
// loop over the batch's Float64Array.

/** Java's Math.toDegrees / toRadians constants (Java 9+), so results match to the last bit. */
const RADIANS_TO_DEGREES = 57.29577951308232;
const DEGREES_TO_RADIANS = 0.017453292519943295;

/**
 * A double → double function; `nullAtOrBelow` makes inputs at or below it null (Spark's
 * Logarithm family: log10(0) and log2(-1) are null, not -Infinity or NaN).
 */
function unary(name: string, display: string, f: (x: number) => number, description: string, nullAtOrBelow?: number): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}(expr)`, description),
    resolve(_n, given) {
      checkArity(name, given, 1);
      const args = coerceArgs(display, given, ["double"], DoubleType);
      return scalarCall(display, args, DoubleType, nullAtOrBelow !== undefined || exprNullable(args[0]!));
    },
    eval([a]) {
      const v = a!;
      const src = expectStorage(v, "f64").data;
      const n = v.length;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = f(src[i]!);
      if (nullAtOrBelow === undefined) return makeVector(DoubleType, out, v.validity, n);
      let validity: Uint8Array | null = v.validity;
      for (let i = 0; i < n; i++) {
        if (src[i]! <= nullAtOrBelow) {
          if (validity === null || validity === v.validity) validity = validity === null ? new Uint8Array(n).fill(1) : Uint8Array.from(validity);
          validity[i] = 0;
        }
      }
      return makeVector(DoubleType, out, validity, n);
    },
  };
}

/** A (double, double) → double function. */
function binary(name: string, display: string, f: (x: number, y: number) => number, description: string): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}(expr1, expr2)`, description),
    resolve(_n, given) {
      checkArity(name, given, 2);
      const args = coerceArgs(display, given, ["double", "double"], DoubleType);
      return scalarCall(display, args, DoubleType, args.some(exprNullable));
    },
    eval([a, b]) {
      const x = expectStorage(a!, "f64").data;
      const y = expectStorage(b!, "f64").data;
      const n = a!.length;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = f(x[i]!, y[i]!);
      return makeVector(DoubleType, out, andValidity(a!.validity, b!.validity, n), n);
    },
  };
}

/** A constant double with no arguments (`E()`, `PI()`). */
function constant(name: string, display: string, value: number, description: string): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}()`, description),
    resolve(_n, given) {
      checkArity(name, given, 0);
      return scalarCall(display, [], DoubleType, false);
    },
    eval(_args, _call, _ctx, numRows) {
      return makeVector(DoubleType, new Float64Array(numRows).fill(value), null, numRows);
    },
  };
}

/** Java's Math.rint: the nearest integer, ties to even. */
function rint(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 52) return x;
  const r = Math.round(x);
  const even = r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
  // Java keeps the sign of zero: rint(-0.0) and rint(-0.4) are -0.0.
  return even === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : even;
}

/** Java's Math.signum: NaN and ±0 pass through. */
function signum(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : x;
}

/** Registry entries for double-valued math functions, with the display names Spark prints. */
export const MATH_DOUBLE_FUNCTIONS: readonly ScalarFunctionDef[] = [
  unary("acos", "ACOS", Math.acos, "Returns the inverse cosine of `expr` (NaN outside [-1, 1])."),
  unary("acosh", "ACOSH", (x) => Math.log(x + Math.sqrt(x * x - 1)), "Returns the inverse hyperbolic cosine of `expr`."),
  unary("asin", "ASIN", Math.asin, "Returns the inverse sine of `expr` (NaN outside [-1, 1])."),
  unary("asinh", "ASINH", (x) => (x === -Infinity ? x : Math.log(x + Math.sqrt(x * x + 1))), "Returns the inverse hyperbolic sine of `expr`."),
  unary("atan", "ATAN", Math.atan, "Returns the inverse tangent of `expr`."),
  unary("atanh", "ATANH", (x) => 0.5 * (Math.log1p(x) - Math.log1p(-x)), "Returns the inverse hyperbolic tangent of `expr`."),
  unary("cbrt", "CBRT", Math.cbrt, "Returns the cube root of `expr`."),
  unary("cos", "COS", Math.cos, "Returns the cosine of `expr` (radians)."),
  unary("cosh", "COSH", Math.cosh, "Returns the hyperbolic cosine of `expr`."),
  unary("cot", "COT", (x) => 1 / Math.tan(x), "Returns the cotangent of `expr` (radians)."),
  unary("csc", "CSC", (x) => 1 / Math.sin(x), "Returns the cosecant of `expr` (radians)."),
  unary("sec", "SEC", (x) => 1 / Math.cos(x), "Returns the secant of `expr` (radians)."),
  unary("sin", "SIN", Math.sin, "Returns the sine of `expr` (radians)."),
  unary("sinh", "SINH", Math.sinh, "Returns the hyperbolic sine of `expr`."),
  unary("tan", "TAN", Math.tan, "Returns the tangent of `expr` (radians)."),
  unary("tanh", "TANH", Math.tanh, "Returns the hyperbolic tangent of `expr`."),
  unary("degrees", "DEGREES", (x) => x * RADIANS_TO_DEGREES, "Converts radians to degrees."),
  unary("radians", "RADIANS", (x) => x * DEGREES_TO_RADIANS, "Converts degrees to radians."),
  unary("expm1", "EXPM1", Math.expm1, "Returns e raised to `expr`, minus 1 (exact near 0)."),
  unary("log10", "LOG10", Math.log10, "Returns the base-10 logarithm of `expr`; null for expr <= 0.", 0),
  unary("log2", "LOG2", Math.log2, "Returns the base-2 logarithm of `expr`; null for expr <= 0.", 0),
  unary("log1p", "LOG1P", Math.log1p, "Returns ln(1 + expr); null for expr <= -1.", -1),
  unary("rint", "rint", rint, "Returns the double closest to `expr` that is an integer, ties to even."),
  unary("signum", "SIGNUM", signum, "Returns -1.0, 0.0 or 1.0 as `expr` is negative, zero or positive."),
  unary("sign", "sign", signum, "Returns -1.0, 0.0 or 1.0 as `expr` is negative, zero or positive (same as signum)."),
  binary("atan2", "ATAN2", (y, x) => Math.atan2(y + 0, x + 0), "Returns the angle of the point (expr2, expr1) from the positive x axis, in radians."),
  binary("hypot", "HYPOT", fdlibmHypot, "Returns sqrt(expr1^2 + expr2^2) without intermediate overflow."),
  constant("e", "E", Math.E, "Returns Euler's number e."),
  constant("pi", "PI", Math.PI, "Returns pi, the ratio of a circle's circumference to its diameter."),
];
