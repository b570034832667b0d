import type { Column } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { invoke, invokeExprs, invokeWithLiterals, numOrCol } from "./invoke.js";

// Math functions (Spark's math_funcs group).

/** Absolute value. */
export const abs = (c: ColumnOrName): Column => invoke("abs", c);
/** Smallest integer not below the value. */
export const ceil = (c: ColumnOrName): Column => invoke("ceil", c);
/** Same as `ceil`. */
export const ceiling = (c: ColumnOrName): Column => invoke("ceiling", c);
/** Largest integer not above the value. */
export const floor = (c: ColumnOrName): Column => invoke("floor", c);
/** e raised to the value. */
export const exp = (c: ColumnOrName): Column => invoke("exp", c);
/** Square root. */
export const sqrt = (c: ColumnOrName): Column => invoke("sqrt", c);
/** Natural logarithm. */
export const ln = (c: ColumnOrName): Column => invoke("ln", c);
/** `log(col)` natural logarithm, or `log(base, col)`, as PySpark's `log(arg1, arg2)`. */
export function log(arg1: ColumnOrName | number, arg2?: ColumnOrName): Column {
  if (arg2 === undefined) return invoke("ln", arg1 as ColumnOrName);
  return invokeExprs("log", [numOrCol(arg1), numOrCol(arg2)]);
}
/** `col1` raised to `col2`. */
export const pow = (col1: ColumnOrName | number, col2: ColumnOrName | number): Column => invokeExprs("power", [numOrCol(col1), numOrCol(col2)]);
/** Same as `pow`. */
export const power = pow;
/** Rounds half up to `scale` decimal places. */
export const round = (c: ColumnOrName, scale = 0): Column => invokeWithLiterals("round", c, scale);
/** `-col`. */
export const negative = (c: ColumnOrName): Column => invoke("negative", c);
/** Same as `negative`. */
export const negate = negative;
/** The largest value of the columns, skipping nulls. */
export const greatest = (...cols: ColumnOrName[]): Column => invoke("greatest", ...cols);
/** The smallest value of the columns, skipping nulls. */
export const least = (...cols: ColumnOrName[]): Column => invoke("least", ...cols);
/** Inverse cosine. */
export const acos = (c: ColumnOrName): Column => invoke("acos", c);
/** Inverse hyperbolic cosine. */
export const acosh = (c: ColumnOrName): Column => invoke("acosh", c);
/** Inverse sine. */
export const asin = (c: ColumnOrName): Column => invoke("asin", c);
/** Inverse hyperbolic sine. */
export const asinh = (c: ColumnOrName): Column => invoke("asinh", c);
/** Inverse tangent. */
export const atan = (c: ColumnOrName): Column => invoke("atan", c);
/** Inverse hyperbolic tangent. */
export const atanh = (c: ColumnOrName): Column => invoke("atanh", c);
/** Cube root. */
export const cbrt = (c: ColumnOrName): Column => invoke("cbrt", c);
/** Cosine. */
export const cos = (c: ColumnOrName): Column => invoke("cos", c);
/** Hyperbolic cosine. */
export const cosh = (c: ColumnOrName): Column => invoke("cosh", c);
/** Cotangent. */
export const cot = (c: ColumnOrName): Column => invoke("cot", c);
/** Cosecant. */
export const csc = (c: ColumnOrName): Column => invoke("csc", c);
/** Radians to degrees. */
export const degrees = (c: ColumnOrName): Column => invoke("degrees", c);
/** e^x - 1. */
export const expm1 = (c: ColumnOrName): Column => invoke("expm1", c);
/** Factorial (0..20, else null). */
export const factorial = (c: ColumnOrName): Column => invoke("factorial", c);
/** Hexadecimal digits. */
export const hex = (c: ColumnOrName): Column => invoke("hex", c);
/** Binary of hexadecimal digits. */
export const unhex = (c: ColumnOrName): Column => invoke("unhex", c);
/** Binary digits of a long. */
export const bin = (c: ColumnOrName): Column => invoke("bin", c);
/** Base-10 logarithm. */
export const log10 = (c: ColumnOrName): Column => invoke("log10", c);
/** ln(1 + x). */
export const log1p = (c: ColumnOrName): Column => invoke("log1p", c);
/** Base-2 logarithm. */
export const log2 = (c: ColumnOrName): Column => invoke("log2", c);
/** The value itself. */
export const positive = (c: ColumnOrName): Column => invoke("positive", c);
/** Degrees to radians. */
export const radians = (c: ColumnOrName): Column => invoke("radians", c);
/** Nearest integer, ties to even. */
export const rint = (c: ColumnOrName): Column => invoke("rint", c);
/** Secant. */
export const sec = (c: ColumnOrName): Column => invoke("sec", c);
/** Sign as -1.0, 0.0 or 1.0. */
export const sign = (c: ColumnOrName): Column => invoke("sign", c);
/** Sign as -1.0, 0.0 or 1.0. */
export const signum = (c: ColumnOrName): Column => invoke("signum", c);
/** Sine. */
export const sin = (c: ColumnOrName): Column => invoke("sin", c);
/** Hyperbolic sine. */
export const sinh = (c: ColumnOrName): Column => invoke("sinh", c);
/** Tangent. */
export const tan = (c: ColumnOrName): Column => invoke("tan", c);
/** Hyperbolic tangent. */
export const tanh = (c: ColumnOrName): Column => invoke("tanh", c);
/** Number of bits set. */
export const bit_count = (c: ColumnOrName): Column => invoke("bit_count", c);
/** Bitwise NOT. */
export const bitwise_not = (c: ColumnOrName): Column => invoke("bitwise_not", c);
/** Deprecated alias of degrees. */
export const toDegrees = degrees;
/** Deprecated alias of radians. */
export const toRadians = radians;
/** Deprecated alias of bitwise_not. */
export const bitwiseNOT = bitwise_not;
/** Angle of the point (x, y) = (col2, col1). */
export const atan2 = (col1: ColumnOrName | number, col2: ColumnOrName | number): Column => invokeExprs("atan2", [numOrCol(col1), numOrCol(col2)]);
/** sqrt(a^2 + b^2). */
export const hypot = (col1: ColumnOrName | number, col2: ColumnOrName | number): Column => invokeExprs("hypot", [numOrCol(col1), numOrCol(col2)]);
/** The positive remainder. */
export const pmod = (dividend: ColumnOrName | number, divisor: ColumnOrName | number): Column => invokeExprs("pmod", [numOrCol(dividend), numOrCol(divisor)]);
/** Euler's number. */
export const e = (): Column => invokeExprs("e", []);
/** Pi. */
export const pi = (): Column => invokeExprs("pi", []);
/** Rounds HALF_EVEN to `scale` decimal places. */
export const bround = (c: ColumnOrName, scale?: ColumnOrName | number): Column =>
  scale === undefined ? invoke("bround", c) : invokeExprs("bround", [toColumn(c).expr, numOrCol(scale)]);
/** Converts digits from one base to another. */
export const conv = (c: ColumnOrName, fromBase: number, toBase: number): Column => invokeWithLiterals("conv", c, fromBase, toBase);
/** The equal-width bucket of `v` over [min, max]. */
export const width_bucket = (v: ColumnOrName, min: ColumnOrName, max: ColumnOrName, numBucket: ColumnOrName | number): Column =>
  invokeExprs("width_bucket", [toColumn(v).expr, toColumn(min).expr, toColumn(max).expr, numOrCol(numBucket)]);
/** Java's <<. */
export const shiftleft = (c: ColumnOrName, numBits: number): Column => invokeWithLiterals("shiftleft", c, numBits);
/** Java's >>. */
export const shiftright = (c: ColumnOrName, numBits: number): Column => invokeWithLiterals("shiftright", c, numBits);
/** Java's >>>. */
export const shiftrightunsigned = (c: ColumnOrName, numBits: number): Column => invokeWithLiterals("shiftrightunsigned", c, numBits);
/** Deprecated alias of shiftleft. */
export const shiftLeft = shiftleft;
/** Deprecated alias of shiftright. */
export const shiftRight = shiftright;
/** Deprecated alias of shiftrightunsigned. */
export const shiftRightUnsigned = shiftrightunsigned;
/** The bit at `pos`. */
export const bit_get = (c: ColumnOrName, pos: ColumnOrName): Column => invoke("bit_get", c, pos);
/** The bit at `pos` (same as bit_get). */
export const getbit = (c: ColumnOrName, pos: ColumnOrName): Column => invoke("getbit", c, pos);
/** The 32768-bit bitmap bucket of a bigint. */
export const bitmap_bucket_number = (c: ColumnOrName): Column => invoke("bitmap_bucket_number", c);
/** The bit position of a bigint within its bitmap bucket. */
export const bitmap_bit_position = (c: ColumnOrName): Column => invoke("bitmap_bit_position", c);
/** The bitmap (4096 bytes) with the bit of every non-null position set (an aggregate). */
export const bitmap_construct_agg = (c: ColumnOrName): Column => invoke("bitmap_construct_agg", c);
/** The bitwise OR of the non-null bitmaps (an aggregate). */
export const bitmap_or_agg = (c: ColumnOrName): Column => invoke("bitmap_or_agg", c);
/** The number of bits set in a binary bitmap. */
export const bitmap_count = (c: ColumnOrName): Column => invoke("bitmap_count", c);
