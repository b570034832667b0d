import type { DataType, DecimalType } from "../../types/data-type.js";
import { SparkException } from "../../errors/spark-exception.js";
import { sqlTypeName } from "../../types/type-names.js";

/**
 * DecimalType values travel as canonical strings (`-12.50`, exactly `scale` fraction digits).
 * These helpers convert and rescale them exactly through BigInt, rounding HALF_UP like Spark.
 */
export function decimalToNumber(s: string): number {
  return Number(s);
}

/** Unscaled BigInt of a plain or exponent decimal text at `scale`, rounded half-up. */
export function unscaled(text: string, scale: number): bigint {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (m === null) return 0n;
  const neg = m[1] === "-";
  let digits = (m[2] ?? "") + (m[3] ?? "");
  let exp = -(m[3] ?? "").length + Number(m[4] ?? 0);
  digits = digits.replace(/^0+/, "") || "0";
  const shift = exp + scale;
  let v: bigint;
  if (shift >= 0) v = BigInt(digits + "0".repeat(shift));
  else {
    const keep = digits.length + shift;
    const head = keep > 0 ? BigInt(digits.slice(0, keep)) : 0n;
    const next = keep >= 0 ? Number(digits[keep] ?? "0") : 0;
    v = head + (next >= 5 ? 1n : 0n);
  }
  exp = 0;
  return neg ? -v : v;
}

/** Canonical text of an unscaled value at `scale`. */
export function formatUnscaled(v: bigint, scale: number): string {
  const neg = v < 0n;
  let s = (neg ? -v : v).toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, "0");
    s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  }
  return neg ? `-${s}` : s;
}

function overflow(text: string, to: DecimalType): SparkException {
  return new SparkException("ArithmeticException", "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", {
    value: text,
    precision: String(to.precision),
    scale: String(to.scale),
    config: '"spark.sql.ansi.enabled"',
  });
}

/** Rescales decimal text to `to`'s scale; values needing more than `precision` digits overflow. */
export function rescaleDecimal(text: string, to: DataType, o: { readonly ansi: boolean }): string | null {
  const t = to as DecimalType;
  const v = unscaled(text, t.scale);
  const digits = (v < 0n ? -v : v).toString().length;
  if (v !== 0n && digits > t.precision) {
    if (o.ansi) throw overflow(text, t);
    return null;
  }
  return formatUnscaled(v, t.scale);
}

/** A number (int, long or double) as decimal text at `to`'s precision and scale. */
export function decimalFromNumber(x: number | bigint, from: DataType, to: DataType, o: { readonly ansi: boolean }): string | null {
  if (typeof x === "number" && !Number.isFinite(x)) {
    if (o.ansi) throw overflow(String(x), to as DecimalType);
    return null;
  }
  const text = typeof x === "bigint" ? x.toString() : from.kind === "double" || from.kind === "float" ? String(x) : String(x);
  return rescaleDecimal(text, to, o);
}

/** SQL name used in messages for a decimal type. */
export function decimalSqlName(t: DecimalType): string {
  return sqlTypeName(t);
}
