import { makeVector, numberData, retypeVector, type Vector } from "../../columnar/vector.js";
import { allocVector, longVectorFromBigInts } from "../../columnar/builder.js";
import { divHalfUp, pow10 } from "../../columnar/decimal-value.js";
import { InternalError, SparkException } from "../../errors/spark-exception.js";
import { DoubleType, IntegerType, LongType, type DataType } from "../../types/data-type.js";
import { arithmetic, negate } from "./arithmetic.js";
import { unscaledData } from "./decimal-arith.js";
import { toBigInts } from "../eval/vectors.js";
import { valueToString } from "../eval/to-string.js";

const ANSI_CONF = '"spark.sql.ansi.enabled"';

/** Spark's error for a year-month interval result past an int (IntervalUtils' exact int math). */
function intervalOverflow(tryFn: string): SparkException {
  return new SparkException("ArithmeticException", "INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION", { functionName: `\`${tryFn}\`` });
}

/** INTERVAL_DIVIDED_BY_ZERO: an interval divided by zero (whatever the ANSI mode, as Spark; try_divide gives null). */
function intervalDividedByZero(): SparkException {
  return new SparkException("ArithmeticException", "INTERVAL_DIVIDED_BY_ZERO", {});
}

/** The storage type an interval's values compute in: months as int, microseconds as long. */
function carrier(t: DataType): DataType {
  return t.kind === "year_month_interval" ? IntegerType : LongType;
}

function rethrowYearMonth<T>(t: DataType, tryFn: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (t.kind === "year_month_interval" && e instanceof SparkException && e.errorClass === "ARITHMETIC_OVERFLOW") throw intervalOverflow(tryFn);
    throw e;
  }
}

/**
 * `a ± b` over two intervals of one family, already cast to the result type: exact int/long
 * arithmetic on months or microseconds, overflow as Spark raises it (ANSI) or wraps to null.
 */
export function intervalAddSub(op: "+" | "-", a: Vector, b: Vector, resultType: DataType, ansi: boolean): Vector {
  const c = carrier(resultType);
  const r = rethrowYearMonth(resultType, op === "+" ? "try_add" : "try_subtract", () =>
    arithmetic(op, retypeVector(a, c), retypeVector(b, c), c, ansi),
  );
  return retypeVector(r, resultType);
}

/** `-x` of an interval (Math.negateExact: the minimum value overflows). */
export function intervalNegate(a: Vector, ansi: boolean): Vector {
  const c = carrier(a.type);
  return retypeVector(rethrowYearMonth(a.type, "try_subtract", () => negate(retypeVector(a, c), ansi)), a.type);
}

/** Reads row i of a numeric factor exactly: bigint for integrals, a double, or an unscaled decimal. */
type Factor = { readonly kind: "int"; get(i: number): bigint } | { readonly kind: "double"; get(i: number): number } | { readonly kind: "decimal"; readonly scale: number; get(i: number): bigint };

function factorOf(v: Vector): Factor {
  const t = v.type;
  if (t.kind === "decimal") {
    const d = unscaledData(v);
    return { kind: "decimal", scale: t.scale, get: (i) => d[i]! };
  }
  if (t.kind === "double" || t.kind === "float") {
    const d = numberData(v)!;
    return { kind: "double", get: (i) => d[i]! };
  }
  if (t.kind === "long") {
    const d = toBigInts(v);
    return { kind: "int", get: (i) => d[i]! };
  }
  const d = numberData(v);
  if (d === null) throw new InternalError(`interval factor of ${t.kind}`);
  return { kind: "int", get: (i) => BigInt(d[i]!) };
}

/** Rounds half away from zero to an integer (Guava's DoubleMath.roundToLong with HALF_UP). */
function roundHalfUp(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * `interval * num` and `interval / num` (Spark's Multiply/DivideDTInterval and YMInterval):
 * exact for integral and decimal factors, HALF_UP rounding to whole months/microseconds;
 * dividing by zero raises INTERVAL_DIVIDED_BY_ZERO; a result past long (int for months)
 * raises Java's ArithmeticException (no error class) with ANSI on or off, as Spark's does
 * (`_ansi` is kept for the callers' uniform signature).
 */
export function intervalScale(op: "*" | "/", interval: Vector, factor: Vector, resultType: DataType, _ansi: boolean): Vector {
  const n = interval.length;
  const xs = toBigInts(interval.type.kind === "year_month_interval" ? longFromInts(interval) : retypeVector(interval, LongType));
  const f = factorOf(factor);
  const out = new BigInt64Array(n);
  const validity = new Uint8Array(n);
  const ym = resultType.kind === "year_month_interval";
  const max = ym ? 2147483647n : 2n ** 63n - 1n;
  const min = ym ? -2147483648n : -(2n ** 63n);
  const iv = interval.validity;
  const fv = factor.validity;
  for (let i = 0; i < n; i++) {
    if ((iv !== null && iv[i] === 0) || (fv !== null && fv[i] === 0)) continue;
    const x = xs[i]!;
    let r: bigint;
    if (f.kind === "double") {
      const k = f.get(i);
      if (op === "/" && k === 0) throw intervalDividedByZero();
      const q = op === "*" ? Number(x) * k : Number(x) / k;
      // Spark's Multiply/Divide(YM|DT)Interval round with Guava's DoubleMath, which throws past int/long
      if (!Number.isFinite(q) || Math.abs(roundHalfUp(q)) > (ym ? 2147483647 : 9.223372036854776e18)) {
        throw javaArithmetic(`rounded value is out of range for input ${valueToString(q, DoubleType, "UTC")} and rounding mode HALF_UP`);
      }
      r = BigInt(roundHalfUp(q));
    } else {
      const k = f.get(i);
      const den = f.kind === "decimal" ? pow10(f.scale) : 1n;
      if (op === "/" && k === 0n) throw intervalDividedByZero();
      r = op === "*" ? divHalfUp(x * k, den) : divHalfUp(x * den, k);
    }
    if (r > max || r < min) {
      // Java's own ArithmeticException, ANSI on or off: Math.multiplyExact for integral factors,
      // BigDecimal's intValueExact / longValueExact ("Overflow") for decimal ones and for ÷
      throw javaArithmetic(op === "*" && f.kind !== "decimal" ? (ym ? "integer overflow" : "long overflow") : "Overflow");
    }
    out[i] = r;
    validity[i] = 1;
  }
  if (ym) {
    const months = allocVector(resultType, n, validity);
    const d = numberData(months)!;
    for (let i = 0; i < n; i++) d[i] = Number(out[i]!);
    return months;
  }
  return longVectorFromBigInts(resultType, out, validity);
}

function longFromInts(v: Vector): Vector {
  const d = numberData(v)!;
  return makeVector(LongType, Float64Array.from(d), v.validity, v.length);
}

/** A java.lang.ArithmeticException as Spark lets it through: its message alone, no error class. */
function javaArithmetic(message: string): SparkException {
  return new SparkException("ArithmeticException", "", {}, { rawMessage: message, sqlState: "" });
}
