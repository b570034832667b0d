/** Java's BigDecimal rounding modes that Spark's round (HALF_UP) and bround (HALF_EVEN) use. */
export type RoundingMode = "HALF_UP" | "HALF_EVEN";

/**
 * Rounds the decimal text `text` (plain or with an exponent, as JS prints doubles: Spark rounds
 * a double through BigDecimal of its shortest decimal form) to `scale` fraction digits; a
 * negative scale rounds to tens, hundreds …. Returns plain text with max(scale, 0) fraction digits.
 */
export function roundDecimalText(text: string, scale: number, mode: RoundingMode): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (m === null) return text;
  const neg = m[1] === "-";
  const frac = m[3] ?? "";
  const digits = ((m[2] ?? "") + frac).replace(/^0+(?=\d)/, "") || "0";
  const exp = -frac.length + Number(m[4] ?? 0);
  // value = digits × 10^exp; keep digits × 10^(exp + scale) rounded to an integer.
  const shift = exp + scale;
  let v: bigint;
  if (shift >= 0) v = BigInt(digits) * 10n ** BigInt(shift);
  else {
    const d = BigInt(digits);
    const p = 10n ** BigInt(-shift);
    const q = d / p;
    const r = d % p;
    const twice = 2n * r;
    const up = twice > p || (twice === p && (mode === "HALF_UP" || q % 2n === 1n));
    v = up ? q + 1n : q;
  }
  if (scale < 0) v *= 10n ** BigInt(-scale);
  let s = v.toString();
  const fd = Math.max(scale, 0);
  if (fd > 0) {
    s = s.padStart(fd + 1, "0");
    s = `${s.slice(0, s.length - fd)}.${s.slice(s.length - fd)}`;
  }
  return neg && v !== 0n ? `-${s}` : s;
}
