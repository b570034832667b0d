import { assertNever } from "../../errors/assert-never.js";
import { expectStorage, makeVector, type Vector } from "../../columnar/vector.js";
import { decimalType, type DataType, type DecimalType } from "../../types/data-type.js";
import { SparkException } from "../../errors/spark-exception.js";
import { formatUnscaled, unscaled } from "../eval/decimal.js";
import { divideByZero } from "../eval/errors.js";
import { valid } from "../eval/vectors.js";
import type { ArithOp } from "./arithmetic.js";

const MAX_PRECISION = 38;

/** Spark's DecimalType.adjustPrecisionScale (allowPrecisionLoss): keep integral digits, then ≥ 6 scale. */
function bounded(p: number, s: number): DecimalType {
  if (p <= MAX_PRECISION) return decimalType(p, s);
  const intDigits = p - s;
  const minScale = Math.min(s, 6);
  return decimalType(MAX_PRECISION, Math.max(MAX_PRECISION - intDigits, minScale));
}

/** Result type of `a op b` for decimal operands, as Spark's DecimalPrecision rules. */
export function decimalResultType(op: ArithOp, a: DecimalType, b: DecimalType): DecimalType {
  const { precision: p1, scale: s1 } = a;
  const { precision: p2, scale: s2 } = b;
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

const TEN = 10n;

/** Divides with HALF_UP rounding (BigInt division truncates). */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const absD = d < 0n ? -d : d;
  if (twice >= absD) return (n < 0n) !== (d < 0n) ? q - 1n : q + 1n;
  return q;
}

function rescale(v: bigint, from: number, to: number): bigint {
  if (to === from) return v;
  return to > from ? v * TEN ** BigInt(to - from) : divRound(v, TEN ** BigInt(from - to));
}

/**
 * Exact decimal arithmetic over canonical decimal strings through BigInt unscaled values.
 * Results that need more digits than the result precision raise NUMERIC_VALUE_OUT_OF_RANGE
 * in ANSI mode (null otherwise); division by zero raises DIVIDE_BY_ZERO (null otherwise).
 */
export function decimalArithmetic(op: ArithOp, a: Vector, b: Vector, resultType: DataType, ansi: boolean): Vector {
  const ta = a.type as DecimalType;
  const tb = b.type as DecimalType;
  const out = resultType as DecimalType;
  const n = a.length;
  const ad = expectStorage(a, "decimal").data;
  const bd = expectStorage(b, "decimal").data;
  const res: string[] = new Array<string>(n).fill("0");
  const validity = new Uint8Array(n);
  const limit = TEN ** BigInt(out.precision);
  for (let i = 0; i < n; i++) {
    if (!valid(a.validity, i) || !valid(b.validity, i)) continue;
    const x = unscaled(ad[i]!, ta.scale);
    const y = unscaled(bd[i]!, tb.scale);
    let r: bigint;
    if ((op === "/" || op === "%" || op === "div") && y === 0n) {
      if (ansi) throw divideByZero();
      continue;
    }
    switch (op) {
      case "+":
        r = rescale(x, ta.scale, out.scale) + rescale(y, tb.scale, out.scale);
        break;
      case "-":
        r = rescale(x, ta.scale, out.scale) - rescale(y, tb.scale, out.scale);
        break;
      case "*":
        r = rescale(x * y, ta.scale + tb.scale, out.scale);
        break;
      case "/": {
        // x/10^s1 ÷ y/10^s2 at scale s is x·10^(s+s2-s1) / y, rounded half-up.
        const shift = out.scale + tb.scale - ta.scale;
        r = shift >= 0 ? divRound(x * TEN ** BigInt(shift), y) : divRound(x, y * TEN ** BigInt(-shift));
        break;
      }
      case "%":
      case "div":
        r = rescale(x, ta.scale, out.scale) % rescale(y, tb.scale, out.scale);
        break;
      default:
        return assertNever(op);
    }
    if (r >= limit || r <= -limit) {
      if (ansi) {
        throw new SparkException("ArithmeticException", "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", {
          value: formatUnscaled(r, out.scale),
          precision: String(out.precision),
          scale: String(out.scale),
          config: '"spark.sql.ansi.enabled"',
        });
      }
      continue;
    }
    res[i] = formatUnscaled(r, out.scale);
    validity[i] = 1;
  }
  return makeVector(resultType, res, validity, n);
}
