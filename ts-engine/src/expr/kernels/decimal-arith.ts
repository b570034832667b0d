import { makeVector, MAX_LONG_DIGITS, type Vector } from "../../columnar/vector.js";
import { decimalType, type DataType, type DecimalType } from "../../types/data-type.js";
import { InternalError } from "../../errors/spark-exception.js";
import { digitCount, divHalfUp, formatUnscaled, pow10 } from "../../columnar/decimal-value.js";
import { decimalOverflow } from "../eval/decimal.js";
import { divideByZero } from "../eval/errors.js";
import type { ArithOp } from "./arithmetic.js";

const MAX_PRECISION = 38;

/** Spark's DecimalType.adjustPrecisionScale (allowPrecisionLoss): keep integral digits, then ≥ 6 scale. */
function bounded(p: number, s: number): DecimalType {
  if (p <= MAX_PRECISION) return decimalType(p, s);
  const intDigits = p - s;
  const minScale = Math.min(s, 6);
  return decimalType(MAX_PRECISION, Math.max(MAX_PRECISION - intDigits, minScale));
}

/** Spark's DecimalType.bounded: precision and scale each capped at 38 (allowPrecisionLoss off). */
function capped(p: number, s: number): DecimalType {
  return decimalType(Math.min(p, MAX_PRECISION), Math.min(s, MAX_PRECISION));
}

/**
 * Result type of `a op b` for decimal operands, as Spark's DecimalPrecision rules. With
 * spark.sql.decimalOperations.allowPrecisionLoss off (`allowPrecisionLoss` false) a result
 * past 38 digits is capped instead of giving up scale, and division splits 38 digits between
 * its integral and fractional parts as Spark does.
 */
export function decimalResultType(op: ArithOp, a: DecimalType, b: DecimalType, allowPrecisionLoss = true): DecimalType {
  const { precision: p1, scale: s1 } = a;
  const { precision: p2, scale: s2 } = b;
  if (!allowPrecisionLoss) return decimalResultTypeNoLoss(op, p1, s1, p2, s2);
  switch (op) {
    case "+":
    case "-": {
      const s = Math.max(s1, s2);
      return bounded(Math.max(p1 - s1, p2 - s2) + s + 1, s);
    }
    case "*":
      return bounded(p1 + p2 + 1, s1 + s2);
    case "/": {
      const s = Math.max(6, s1 + p2 + 1);
      return bounded(p1 - s1 + s2 + s, s);
    }
    case "%":
    case "div": {
      const s = Math.max(s1, s2);
      return bounded(Math.min(p1 - s1, p2 - s2) + s, s);
    }
  }
}

function decimalResultTypeNoLoss(op: ArithOp, p1: number, s1: number, p2: number, s2: number): DecimalType {
  switch (op) {
    case "+":
    case "-": {
      const s = Math.max(s1, s2);
      return capped(Math.max(p1 - s1, p2 - s2) + s + 1, s);
    }
    case "*":
      return capped(p1 + p2 + 1, s1 + s2);
    case "/": {
      let intDig = Math.min(MAX_PRECISION, p1 - s1 + s2);
      let decDig = Math.min(MAX_PRECISION, Math.max(6, s1 + p2 + 1));
      const diff = intDig + decDig - MAX_PRECISION;
      if (diff > 0) {
        // Java's int division: diff / 2 truncates.
        decDig -= Math.trunc(diff / 2) + 1;
        intDig = MAX_PRECISION - decDig;
      }
      return capped(intDig + decDig, decDig);
    }
    case "%":
    case "div": {
      const s = Math.max(s1, s2);
      return capped(Math.min(p1 - s1, p2 - s2) + s, s);
    }
  }
}

/** Unscaled values of a decimal vector, either storage (both index to bigints). */
export type UnscaledData = BigInt64Array | bigint[];

/** The unscaled storage of a decimal vector (an InternalError for any other storage). */
export function unscaledData(v: Vector): UnscaledData {
  if (v.storage === "dec64" || v.storage === "dec128") return v.data;
  throw new InternalError(`expected decimal storage, got ${v.storage} (${v.type.kind})`);
}

/** Fresh unscaled storage for `n` values of `t`: BigInt64Array up to 18 digits, else bigints. */
export function allocUnscaled(t: DecimalType, n: number): UnscaledData {
  return t.precision > MAX_LONG_DIGITS ? new Array<bigint>(n).fill(0n) : new BigInt64Array(n);
}

/**
 * Exact `x op y` of unscaled operands at scales `sa`/`sb`, as an unscaled value at its natural
 * scale (`exactScale`): what Spark's Decimal computes before toPrecision rounds it.
 */
interface ExactPlan {
  readonly exactScale: number;
  readonly eval: (x: bigint, y: bigint) => bigint;
}

function exactPlan(op: Exclude<ArithOp, "div">, sa: number, sb: number, outScale: number): ExactPlan {
  switch (op) {
    case "+":
    case "-": {
      const s = Math.max(sa, sb);
      const ma = pow10(s - sa);
      const mb = pow10(s - sb);
      if (op === "+") return { exactScale: s, eval: ma === 1n && mb === 1n ? (x, y) => x + y : ma === 1n ? (x, y) => x + y * mb : mb === 1n ? (x, y) => x * ma + y : (x, y) => x * ma + y * mb };
      return { exactScale: s, eval: ma === 1n && mb === 1n ? (x, y) => x - y : ma === 1n ? (x, y) => x - y * mb : mb === 1n ? (x, y) => x * ma - y : (x, y) => x * ma - y * mb };
    }
    case "*":
      return { exactScale: sa + sb, eval: (x, y) => x * y };
    case "/": {
      // x/10^sa ÷ y/10^sb at the result scale s is x·10^(s+sb-sa) / y, rounded HALF_UP once.
      const shift = outScale + sb - sa;
      const m = pow10(Math.abs(shift));
      return { exactScale: outScale, eval: shift >= 0 ? (x, y) => divHalfUp(x * m, y) : (x, y) => divHalfUp(x, y * m) };
    }
    case "%": {
      // Java's BigDecimal.remainder: the sign of the dividend, exact at scale max(sa, sb).
      const s = Math.max(sa, sb);
      const ma = pow10(s - sa);
      const mb = pow10(s - sb);
      return { exactScale: s, eval: (x, y) => (x * ma) % (y * mb) };
    }
  }
}

/** Significant digits Spark's Decimal keeps of a product or quotient (MATH_CONTEXT: 39, RoundingMode.DOWN). */
const MATH_CONTEXT_DIGITS = 39;

/**
 * The value an overflow message shows: Spark's Decimal holds a product truncated to 39
 * significant digits (the rest become zeros in its plain text); sums and remainders are exact.
 */
function overflowText(op: ArithOp, exact: bigint, scale: number): string {
  if (op !== "*") return formatUnscaled(exact, scale);
  const drop = digitCount(exact) - MATH_CONTEXT_DIGITS;
  if (drop <= 0) return formatUnscaled(exact, scale);
  const kept = exact / pow10(drop);
  const newScale = scale - drop;
  return newScale >= 0 ? formatUnscaled(kept, newScale) : formatUnscaled(kept * pow10(-newScale), 0);
}

/**
 * Exact decimal arithmetic over unscaled storage (dec64 / dec128), one loop per batch. The
 * exact result is rounded HALF_UP to the result scale (Spark's toPrecision); a result needing
 * more digits than the result precision raises NUMERIC_VALUE_OUT_OF_RANGE in ANSI mode (null
 * otherwise); division and remainder by zero raise DIVIDE_BY_ZERO (null otherwise).
 */
export function decimalArithmetic(op: ArithOp, a: Vector, b: Vector, resultType: DataType, ansi: boolean): Vector {
  if (op === "div" || a.type.kind !== "decimal" || b.type.kind !== "decimal" || resultType.kind !== "decimal") {
    throw new InternalError(`decimal ${op} over ${a.type.kind}, ${b.type.kind} → ${resultType.kind}`);
  }
  const out = resultType;
  const n = a.length;
  const xs = unscaledData(a);
  const ys = unscaledData(b);
  const res = allocUnscaled(out, n);
  const validity = new Uint8Array(n);
  const av = a.validity;
  const bv = b.validity;
  const plan = exactPlan(op, a.type.scale, b.type.scale, out.scale);
  const f = plan.eval;
  const rounds = plan.exactScale > out.scale;
  const widens = plan.exactScale < out.scale;
  const down = pow10(Math.max(0, plan.exactScale - out.scale));
  const up = pow10(Math.max(0, out.scale - plan.exactScale));
  const limit = pow10(out.precision);
  const negLimit = -limit;
  const divides = op === "/" || op === "%";
  const anyNull = av !== null || bv !== null;
  let valids = 0;
  for (let i = 0; i < n; i++) {
    if (anyNull && ((av !== null && av[i] === 0) || (bv !== null && bv[i] === 0))) continue;
    const y = ys[i]!;
    if (divides && y === 0n) {
      if (ansi) throw divideByZero();
      continue;
    }
    const exact = f(xs[i]!, y);
    const r = rounds ? divHalfUp(exact, down) : widens ? exact * up : exact;
    if (r >= limit || r <= negLimit) {
      if (ansi) throw decimalOverflow(overflowText(op, exact, plan.exactScale), out);
      continue;
    }
    res[i] = r;
    validity[i] = 1;
    valids++;
  }
  return makeVector(resultType, res, valids === n ? null : validity, n);
}

/** `-x` over a decimal vector: exact, same type (negation never adds a digit). */
export function decimalNegate(v: Vector): Vector {
  if (v.type.kind !== "decimal") throw new InternalError(`decimal negate over ${v.type.kind}`);
  const xs = unscaledData(v);
  const n = v.length;
  const out = allocUnscaled(v.type, n);
  for (let i = 0; i < n; i++) out[i] = -xs[i]!;
  return makeVector(v.type, out, v.validity, n);
}
