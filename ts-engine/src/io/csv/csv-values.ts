import { parseDecimalText, unscaledOf, fitsPrecision, formatUnscaled } from "../../columnar/decimal-value.js";

/**
 * Text-to-value parsers with the JVM semantics Spark's CSV and JSON converters use
 * (`String.toInt`, `toLong`, `toDouble`, `toBoolean`, `java.math.BigDecimal`). Each returns
 * undefined when the text is malformed (the record is then a bad record).
 */

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * An integral value of b[start, end) as Java's Integer/Long.parseLong reads it (optional sign,
 * ASCII digits, nothing else) within [lo, hi] (`long`: 64 bits): a number, or for longs past
 * ±2^53 an exact bigint; undefined when malformed or out of range.
 */
export function parseIntegralBytes(b: Uint8Array, start: number, end: number, lo: number, hi: number, long: boolean): number | bigint | undefined {
  let i = start;
  if (i >= end) return undefined;
  let neg = false;
  const c0 = b[i]!;
  if (c0 === 0x2d || c0 === 0x2b) {
    neg = c0 === 0x2d;
    i++;
    if (i >= end) return undefined;
  }
  const digitsStart = i;
  let v = 0;
  for (; i < end; i++) {
    const d = b[i]! - 0x30;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
    if (v > SAFE) break;
  }
  if (i === end && v <= SAFE) {
    const r = neg ? -v : v;
    if (!long && (r < lo || r > hi)) return undefined;
    return r === 0 ? 0 : r;
  }
  if (!long) return undefined;
  let big = 0n;
  for (let j = digitsStart; j < end; j++) {
    const d = b[j]! - 0x30;
    if (d < 0 || d > 9) return undefined;
    big = big * 10n + BigInt(d);
  }
  if (neg) big = -big;
  return big < -(2n ** 63n) || big > 2n ** 63n - 1n ? undefined : big;
}

/** Bounds of the integral types (long: any value that fits 64 bits). */
export const INTEGRAL_BOUNDS: Readonly<Record<"byte" | "short" | "integer", readonly [number, number]>> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [INT_MIN, INT_MAX],
};

/** 10^k for k in 0..22: every one is exact as a double. */
const EXACT_POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The double of plain decimal text b[start, end) (`[+-]digits[.digits]`, at most 15 significant
 * digits) computed exactly: an integer below 2^53 divided by an exact power of ten is correctly
 * rounded, so it equals Java's parseDouble. NaN when the text is not of that simple form (the
 * caller then takes the general path).
 */
export function fastDoubleBytes(b: Uint8Array, start: number, end: number): number {
  let i = start;
  if (i >= end) return Number.NaN;
  let neg = false;
  if (b[i] === 0x2d) {
    neg = true;
    i++;
  } else if (b[i] === 0x2b) i++;
  let m = 0;
  let digits = 0;
  let any = false;
  let frac = -1;
  for (; i < end; i++) {
    const c = b[i]!;
    const d = c - 0x30;
    if (d >= 0 && d <= 9) {
      any = true;
      m = m * 10 + d;
      if (m !== 0 || frac >= 0) digits++;
      if (frac >= 0) frac++;
    } else if (c === 0x2e && frac < 0) frac = 0;
    else return Number.NaN;
  }
  if (!any || digits > 15 || frac > 22) return Number.NaN;
  const v = frac > 0 ? m / EXACT_POW10[frac]! : m;
  return neg ? -v : v;
}

const JAVA_DOUBLE = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?$/;
const JAVA_HEX_DOUBLE = /^[+-]?0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+[fFdD]?$/;

/** Java's Double.parseDouble: surrounding whitespace ignored, `NaN`, `Infinity`, a d/f suffix, hex floats. */
export function parseJavaDouble(text: string): number | undefined {
  const s = text.trim();
  if (JAVA_DOUBLE.test(s)) {
    const core = s.replace(/[fFdD]$/, "");
    if (core.endsWith("NaN")) return Number.NaN;
    if (core.endsWith("Infinity")) return core.startsWith("-") ? -Infinity : Infinity;
    return Number(core);
  }
  if (JAVA_HEX_DOUBLE.test(s)) {
    const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)/.exec(s)!;
    const mant = Number.parseInt((m[2] ?? "") + (m[3] ?? "") || "0", 16);
    const v = mant * 2 ** (Number(m[4]) - 4 * (m[3] ?? "").length);
    return m[1] === "-" ? -v : v;
  }
  return undefined;
}

/** Scala's String.toBoolean: "true"/"false" in any case. */
export function parseJavaBoolean(text: string): boolean | undefined {
  const t = text.toLowerCase();
  return t === "true" ? true : t === "false" ? false : undefined;
}

/** Decimal text in a locale's form to plain decimal text (`-1234.5`), null when it is not a number in that form. */
export type DecimalNormalizer = (text: string) => string | null;

/** Spark's decimal parser for the US locale: the text without its grouping commas, read as java.math.BigDecimal. */
const US_DECIMALS: DecimalNormalizer = (text) => text.replace(/,/g, "");

/** Whether a `locale` tag is Spark's default, Locale.US, whose decimals are read as BigDecimal text. */
export function isUsLocale(locale: string): boolean {
  const t = locale.toLowerCase().replace(/_/g, "-");
  return t === "en-us";
}

/**
 * Spark's ExprUtils.getDecimalParser for `locale`: US text as BigDecimal reads it (grouping
 * commas dropped); any other locale as its java.text.DecimalFormat parses a plain number: an
 * optional minus, digits with the locale's grouping separators, its decimal separator and
 * digits, nothing else (Spark requires the whole text to be read).
 */
export function decimalNormalizer(locale: string): DecimalNormalizer {
  if (isUsLocale(locale)) return US_DECIMALS;
  let group = ",";
  let decimal = ".";
  try {
    for (const p of new Intl.NumberFormat(locale).formatToParts(-12345.5)) {
      if (p.type === "group") group = p.value;
      else if (p.type === "decimal") decimal = p.value;
    }
  } catch {
    // a tag Intl refuses: Java's root locale has the same separators as the defaults above
  }
  return (text) => {
    let s = text;
    let neg = false;
    if (s.startsWith("-") || s.startsWith("\u2212")) {
      neg = true;
      s = s.slice(1);
    }
    const at = s.indexOf(decimal);
    const int = (at < 0 ? s : s.slice(0, at)).split(group).join("");
    const frac = at < 0 ? "" : s.slice(at + decimal.length);
    if ((int.length === 0 && frac.length === 0) || !/^\d*$/.test(int) || !/^\d*$/.test(frac)) return null;
    return `${neg ? "-" : ""}${int.length === 0 ? "0" : int}${frac.length > 0 ? `.${frac}` : ""}`;
  };
}

/**
 * A decimal(precision, scale) value as canonical text (the vector convention), from text read as
 * `new java.math.BigDecimal(text)` after `normalize` (Spark's decimal parser of the locale; US by
 * default: grouping commas removed), rounded HALF_UP to `scale`; undefined when malformed or too wide.
 */
export function parseDecimalValue(text: string, precision: number, scale: number, normalize: DecimalNormalizer = US_DECIMALS): string | undefined {
  const plain = normalize(text);
  if (plain === null) return undefined;
  const parts = parseDecimalText(plain);
  if (parts === null) return undefined;
  const v = unscaledOf(parts, scale);
  if (!fitsPrecision(v, precision)) return undefined;
  return formatUnscaled(v, scale);
}

/** The decimal type Spark infers for integral-looking text too long for a long (precision = digits, scale 0). */
export function inferDecimalPrecision(text: string, normalize: DecimalNormalizer = US_DECIMALS): { readonly precision: number; readonly scale: number } | undefined {
  const plain = normalize(text);
  if (plain === null) return undefined;
  const parts = parseDecimalText(plain);
  if (parts === null) return undefined;
  // java.math.BigDecimal's scale is -exponent; Spark keeps only scale <= 0 (no fraction digits)
  const scale = -parts.exponent;
  if (scale > 0) return undefined;
  const precision = parts.digits === "0" ? 1 : parts.digits.length;
  // DecimalType(precision, scale) with a negative scale is rejected (allowNegativeScaleOfDecimal off)
  if (scale < 0 || precision > 38) return undefined;
  return { precision, scale };
}
