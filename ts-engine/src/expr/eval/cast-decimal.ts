import { divHalfUp, formatUnscaled, pow10 } from "../../columnar/decimal-value.js";
import { makeVector, type Vector } from "../../columnar/vector.js";
import { DoubleType, type DataType, type DecimalType } from "../../types/data-type.js";
import { allocUnscaled, unscaledData } from "../kernels/decimal-arith.js";
import { decimalOverflow } from "./decimal.js";

/** 2^32, to rebuild a 64-bit value from its halves in a double. */
const TWO_32 = 4294967296;
/** |high word| below this means |value| < 2^53: the double built from the halves is exact. */
const EXACT_HIGH = 1 << 21;
/** 10^k as doubles, exact up to 10^22. */
const POW10_DOUBLE: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Decimal casts as one loop over the unscaled storage, with no decimal text per row (the
 * per-row path formats every value and parses it back: most of TPC-H Q6's time). Null when
 * the cast is not one of these, so the caller's general path runs:
 * - decimal → double, as Spark's Decimal.toDouble (the correctly rounded double of the value);
 * - decimal → decimal, rescaled HALF_UP with Spark's overflow rule (null, or
 *   NUMERIC_VALUE_OUT_OF_RANGE under ANSI).
 */
export function castDecimalFast(v: Vector, to: DataType, ansi: boolean): Vector | null {
  if (v.type.kind !== "decimal" || (v.storage !== "dec64" && v.storage !== "dec128")) return null;
  if (to.kind === "double") return decimalToDouble(v, v.type);
  if (to.kind === "decimal") return rescale(v, v.type, to, ansi);
  return null;
}

/**
 * u / 10^s is the correctly rounded double of the decimal when u and 10^s are exact doubles
 * (|u| < 2^53, s ≤ 22): IEEE division rounds the exact quotient once, which is what
 * Number(text) (and Java's BigDecimal.doubleValue) give. Other values take the text.
 */
function decimalToDouble(v: Vector, from: DecimalType): Vector {
  const n = v.length;
  const out = new Float64Array(n);
  const s = from.scale;
  const div = POW10_DOUBLE[s];
  if (v.storage === "dec64" && div !== undefined) {
    const d = v.data;
    const w = new Int32Array(d.buffer, d.byteOffset, n * 2);
    for (let i = 0; i < n; i++) {
      const hi = w[2 * i + 1]!;
      if (hi < EXACT_HIGH && hi >= -EXACT_HIGH) out[i] = (hi * TWO_32 + (w[2 * i]! >>> 0)) / div;
      else out[i] = Number(formatUnscaled(d[i]!, s));
    }
  } else {
    const xs = unscaledData(v);
    for (let i = 0; i < n; i++) out[i] = Number(formatUnscaled(xs[i]!, s));
  }
  return makeVector(DoubleType, out, v.validity, n);
}

function rescale(v: Vector, from: DecimalType, to: DecimalType, ansi: boolean): Vector {
  const n = v.length;
  const xs = unscaledData(v);
  const res = allocUnscaled(to, n);
  const up = to.scale >= from.scale;
  const m = pow10(Math.abs(to.scale - from.scale));
  const limit = pow10(to.precision);
  const negLimit = -limit;
  const validity = v.validity === null ? null : v.validity.slice();
  let dropped: Uint8Array | null = validity;
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const x = xs[i]!;
    const r = up ? x * m : divHalfUp(x, m);
    if (r >= limit || r <= negLimit) {
      if (ansi) throw decimalOverflow(formatUnscaled(x, from.scale), to);
      if (dropped === null) dropped = new Uint8Array(n).fill(1);
      dropped[i] = 0;
      continue;
    }
    res[i] = r;
  }
  return makeVector(to, res, dropped, n);
}
