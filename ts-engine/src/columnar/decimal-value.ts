/**
 * Exact decimal values as unscaled integers: a decimal(p, s) value v is stored as the integer
 * v·10^s (Spark's Decimal keeps the same pair, a long up to 18 digits, a BigDecimal beyond).
 * Row-wise code and nested values carry the canonical text (`-12.50`, exactly `s` fraction
 * digits); these helpers convert between the two and round HALF_UP as Spark does.
 */

/** 10^k as a BigInt for k in 0..76 (products of two 38-digit values). */
export const POW10: readonly bigint[] = Array.from({ length: 77 }, (_, k) => 10n ** BigInt(k));

/** 10^k as a BigInt, from the table when it holds k. */
export function pow10(k: number): bigint {
  return POW10[k] ?? 10n ** BigInt(k);
}

const TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A decimal text split into its exact digits and exponent (value = digits·10^exponent), or null. */
export interface DecimalParts {
  readonly negative: boolean;
  /** Significant digits without leading zeros ("0" for zero). */
  readonly digits: string;
  readonly exponent: number;
}

/** Parses plain or exponent decimal text (`-1.50`, `.5`, `1e3`, `+7.`); null when malformed. */
export function parseDecimalText(text: string): DecimalParts | null {
  const m = TEXT.exec(text);
  if (m === null) return null;
  const int = m[2] ?? "";
  const frac = m[3] ?? "";
  if (int === "" && frac === "") return null;
  const exponent = Number(m[4] ?? 0) - frac.length;
  if (!Number.isFinite(exponent)) return null;
  const digits = (int + frac).replace(/^0+/, "") || "0";
  return { negative: m[1] === "-", digits, exponent };
}

/**
 * The unscaled value of `parts` at `scale`, rounded HALF_UP when it has more fraction digits
 * than `scale` (Spark's Decimal.changePrecision with ROUND_HALF_UP).
 */
export function unscaledOf(parts: DecimalParts, scale: number): bigint {
  const shift = parts.exponent + scale;
  let v: bigint;
  if (parts.digits === "0") return 0n;
  if (shift >= 0) v = BigInt(parts.digits) * pow10(shift);
  else {
    const keep = parts.digits.length + shift;
    const head = keep > 0 ? BigInt(parts.digits.slice(0, keep)) : 0n;
    const next = keep >= 0 ? parts.digits.charCodeAt(keep) - 48 : 0;
    v = head + (next >= 5 ? 1n : 0n);
  }
  return parts.negative ? -v : v;
}

/** Unscaled value of decimal text at `scale` (rounded HALF_UP); 0 for malformed text. */
export function unscaled(text: string, scale: number): bigint {
  const p = parseDecimalText(text.trim());
  return p === null ? 0n : unscaledOf(p, scale);
}

/** Canonical text of an unscaled value at `scale`: plain notation, exactly `scale` fraction digits. */
export function formatUnscaled(v: bigint, scale: number): string {
  const neg = v < 0n;
  let s = (neg ? -v : v).toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, "0");
    s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  }
  return neg ? `-${s}` : s;
}

/** Number of decimal digits of |v| (1 for zero), as a precision check counts them. */
export function digitCount(v: bigint): number {
  const a = v < 0n ? -v : v;
  if (a < 10n) return 1;
  return a.toString().length;
}

/** True when |v| < 10^precision, i.e. the value fits decimal(precision, ·). */
export function fitsPrecision(v: bigint, precision: number): boolean {
  const limit = pow10(precision);
  return v < limit && v > -limit;
}

/** `n / d` rounded HALF_UP (ties away from zero), as java.math.RoundingMode.HALF_UP. */
export function divHalfUp(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const absD = d < 0n ? -d : d;
  if (twice < absD) return q;
  return (n < 0n) !== (d < 0n) ? q - 1n : q + 1n;
}

/** An unscaled value moved from scale `from` to scale `to` (HALF_UP when digits are dropped). */
export function rescaleUnscaled(v: bigint, from: number, to: number): bigint {
  if (to === from) return v;
  return to > from ? v * pow10(to - from) : divHalfUp(v, pow10(from - to));
}

/** An unscaled value moved to a smaller scale by truncation toward zero (casts to integral types). */
export function truncateUnscaled(v: bigint, scale: number): bigint {
  return scale <= 0 ? v * pow10(-scale) : v / pow10(scale);
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Exact doubles of 10^k: powers of ten up to 10^22 are exactly representable. */
const POW10_F64 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The double nearest to unscaled·10^-scale. Both operands of the one IEEE division are exact
 * when |unscaled| ≤ 2^53 and scale ≤ 22, so the quotient is correctly rounded; otherwise the
 * text goes through Number(), which rounds correctly too (as Java's BigDecimal.doubleValue).
 */
export function unscaledToDouble(v: bigint, scale: number): number {
  if (v <= SAFE && v >= -SAFE && scale <= 22) return scale === 0 ? Number(v) : Number(v) / POW10_F64[scale]!;
  return Number(formatUnscaled(v, scale));
}
