import { parseCalendarInterval } from "./calendar-interval-parse.js";
import type { VariantValue } from "../../columnar/variant.js";
import { castFromVariant, castToVariant } from "./cast-variant.js";
import { assertNever } from "../../errors/assert-never.js";
import { typeEquals, type DataType } from "../../types/data-type.js";
import { InternalError } from "../../errors/spark-exception.js";
import { castInvalidInput, castOverflow, numericSqlValue } from "./errors.js";
import { parseDate, parseTimestamp, zonedToMicros, zoneOffsetSeconds } from "./datetime.js";
import { valueToString } from "./to-string.js";
import { decimalFromNumber, decimalToNumber, rescaleDecimal } from "./decimal.js";
import { castInterval, decimalToInterval, invalidIntervalFormat, normalizeMicros, numberToInterval } from "./cast-interval.js";
import { parseDayTimeInterval, parseYearMonthInterval } from "./interval-parse.js";

const UTF8 = new TextDecoder("utf-8");

/** Options for one cast: ANSI raises on bad input/overflow; otherwise such rows become null. */
export interface CastOptions {
  readonly ansi: boolean;
  readonly timeZone: string;
}

const INT_BOUNDS: Record<string, readonly [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
};
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** Null marker for "this row becomes null" in non-ANSI casts. */
const NULL = null;

function toIntegral(x: number | bigint, from: DataType, to: DataType, o: CastOptions): number | bigint | null {
  const isFrac = from.kind === "double" || from.kind === "float" || from.kind === "decimal";
  if (typeof x === "number" && (Number.isNaN(x) || !Number.isFinite(x))) {
    if (o.ansi) throw castOverflow(numericSqlValue(x, from), from, to);
    // Java's conversion: NaN is 0, ±Infinity saturates (to long, else to int then narrows).
    if (Number.isNaN(x)) return 0;
    if (to.kind === "long") return x > 0 ? I64_MAX : I64_MIN;
    x = x > 0 ? 2147483647 : -2147483648;
  }
  const t = typeof x === "number" && isFrac ? Math.trunc(x) : x;
  if (to.kind === "long") {
    const big = typeof t === "bigint" ? t : Number.isSafeInteger(t) ? null : BigInt(t);
    if (big === null) return t;
    if (big < I64_MIN || big > I64_MAX) {
      if (o.ansi) throw castOverflow(numericSqlValue(x, from), from, to);
      return isFrac ? (big < 0n ? I64_MIN : I64_MAX) : BigInt.asIntN(64, big);
    }
    return big;
  }
  const [min, max] = INT_BOUNDS[to.kind]!;
  const n = Number(t);
  if (n < min || n > max) {
    if (o.ansi) throw castOverflow(numericSqlValue(x, from), from, to);
    if (isFrac && to.kind === "integer") return n < 0 ? min : max;
    const bits = to.kind === "byte" ? 8 : to.kind === "short" ? 16 : 32;
    // Spark narrows a float/double through Int (saturating) before wrapping to short/byte.
    const viaInt = from.kind === "double" || from.kind === "float" ? Math.min(2147483647, Math.max(-2147483648, n)) : t;
    return Number(BigInt.asIntN(bits, BigInt(viaInt)));
  }
  return n;
}

function parseNumber(s: string, from: DataType, to: DataType, o: CastOptions): number | bigint | null {
  const t = s.trim();
  if (to.kind === "double" || to.kind === "float") {
    const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$/.test(t);
    if (m) return Number(t.replace(/[dDfF]$/, ""));
    const special = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
    if (special !== null) return special[2]!.toLowerCase() === "nan" ? NaN : special[1] === "-" ? -Infinity : Infinity;
  } else if (/^[+-]?\d+$/.test(t) || (!o.ansi && (/^[+-]?\d+(\.\d*)?$/.test(t) || /^[+-]?\.\d+$/.test(t)))) {
    // ANSI accepts only integer text ('1.5' is malformed); legacy mode truncates the fraction.
    const intText = t.split(".")[0]!;
    const big = BigInt(intText === "" || intText === "+" || intText === "-" ? "0" : intText);
    const limit = to.kind === "long" ? [I64_MIN, I64_MAX] : INT_BOUNDS[to.kind]!.map((b) => BigInt(b));
    if (big >= limit[0]! && big <= limit[1]!) return to.kind === "long" && (big > 2n ** 53n || big < -(2n ** 53n)) ? big : Number(big);
  }
  if (o.ansi) throw castInvalidInput(s, from, to);
  return NULL;
}

function parseBoolean(s: string, from: DataType, to: DataType, o: CastOptions): boolean | null {
  const t = s.trim().toLowerCase();
  if (t === "t" || t === "true" || t === "y" || t === "yes" || t === "1") return true;
  if (t === "f" || t === "false" || t === "n" || t === "no" || t === "0") return false;
  if (o.ansi) throw castInvalidInput(s, from, to);
  return NULL;
}

/** A plain test (no type narrowing, so the exhaustive switches below still list VARIANT). */
function isVariant(t: DataType): boolean {
  return t.kind === "variant";
}

/** Casts one non-null value (vector convention) from `from` to `to`; returns null for a null result. */
export function castValue(x: unknown, from: DataType, to: DataType, o: CastOptions): unknown {
  if (typeEquals(from, to)) return x;
  // a struct (its field values in order) and an array cast element by element, as Spark's castStruct / castArray
  if (from.kind === "struct" && to.kind === "struct" && from.fields.length === to.fields.length && Array.isArray(x)) {
    return x.map((v: unknown, i) => (v === null || v === undefined ? null : castValue(v, from.fields[i]!.dataType, to.fields[i]!.dataType, o)));
  }
  if (from.kind === "array" && to.kind === "array" && Array.isArray(x)) {
    return x.map((v: unknown) => (v === null || v === undefined ? null : castValue(v, from.elementType, to.elementType, o)));
  }
  // Variants convert as Spark's VariantGet.cast (ANSI: INVALID_VARIANT_CAST, else null) and castToVariant.
  if (isVariant(from)) return castFromVariant(x as VariantValue, to, { failOnError: o.ansi, timeZone: o.timeZone }, castValue);
  if (isVariant(to)) return castToVariant(x, from, o.timeZone);
  // Binary to string decodes UTF-8 (malformed bytes become U+FFFD, as Java's String does);
  // only show() prints binary as hex.
  if (to.kind === "string" && from.kind === "binary") return UTF8.decode(x as Uint8Array);
  if (to.kind === "string") return valueToString(x, from, o.timeZone, "null");
  switch (from.kind) {
    case "string": {
      const s = x as string;
      switch (to.kind) {
        case "boolean":
          return parseBoolean(s, from, to, o);
        case "date": {
          const d = parseDate(s);
          if (d === null && o.ansi) throw castInvalidInput(s, from, to);
          return d;
        }
        case "timestamp":
        case "timestamp_ntz": {
          const ts = parseTimestamp(s, to.kind === "timestamp" ? o.timeZone : "UTC");
          if (ts === null && o.ansi) throw castInvalidInput(s, from, to);
          return ts;
        }
        case "decimal": {
          const t = s.trim();
          if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
            if (o.ansi) throw castInvalidInput(s, from, to);
            return NULL;
          }
          return rescaleDecimal(t, to, o);
        }
        case "binary":
          return new TextEncoder().encode(s);
        case "day_time_interval": {
          // Malformed interval text raises whatever the ANSI mode, as Spark's castStringToDTInterval.
          const v = parseDayTimeInterval(s, to);
          if (v === null) throw invalidIntervalFormat(s, to);
          return v === null ? null : normalizeMicros(v);
        }
        case "year_month_interval": {
          const v = parseYearMonthInterval(s, to);
          if (v === null) throw invalidIntervalFormat(s, to);
          return v;
        }
        case "calendar_interval":
          // Spark's safeStringToInterval: malformed text is null, whatever the ANSI mode.
          return parseCalendarInterval(s);
        case "variant":
          throw new InternalError("variant casts are handled at the top");
        case "null":
        case "byte":
        case "short":
        case "integer":
        case "long":
        case "float":
        case "double":
        case "array":
        case "map":
        case "struct":
          return parseNumber(s, from, to, o);
        default:
          return assertNever(to.kind);
      }
    }
    case "boolean":
      if (to.kind === "decimal") return rescaleDecimal(x ? "1" : "0", to, o);
      return to.kind === "boolean" ? x : x ? 1 : 0;
    case "date":
      if (to.kind === "timestamp") return zonedToMicros(x as number, 0, 0, o.timeZone);
      if (to.kind === "timestamp_ntz") return (x as number) * 86400 * 1e6;
      // Legacy mode lets date → numeric/boolean through analysis, and every value is null (Spark's castToLong of a date).
      return null;
    case "day_time_interval":
    case "year_month_interval":
      return castInterval(x as number | bigint, from, to, o);
    case "calendar_interval":
      // Only CAST(… AS STRING) passes analysis (handled above).
      throw new InternalError(`cannot cast interval to ${to.kind}`);
    case "variant":
      throw new InternalError("variant casts are handled at the top");

    case "timestamp":
    case "timestamp_ntz": {
      const us = Number(x as number | bigint);
      if (to.kind === "date") {
        const secs = Math.floor(us / 1e6);
        const off = from.kind === "timestamp" ? zoneOffsetFor(secs, o.timeZone) : 0;
        return Math.floor((secs + off) / 86400);
      }
      if (to.kind === "timestamp" || to.kind === "timestamp_ntz") return x;
      if (to.kind === "long") return toIntegral(Math.floor(us / 1e6), { kind: "long" }, to, o);
      if (to.kind === "integer" || to.kind === "short" || to.kind === "byte") {
        // Spark checks the seconds against the narrow type: CAST_OVERFLOW under ANSI, else null (no wrap).
        const secs = Math.floor(us / 1e6);
        const [min, max] = INT_BOUNDS[to.kind]!;
        if (secs >= min && secs <= max) return secs;
        if (o.ansi) throw castOverflow(numericSqlValue(x as number | bigint, from), from, to);
        return null;
      }
      if (to.kind === "double" || to.kind === "float") return us / 1e6;
      break;
    }
    case "null":
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "binary":
    case "decimal":
    case "array":
    case "map":
    case "struct":
      break;
    default:
      return assertNever(from);
  }
  return castNumeric(x, from, to, o);
}

function zoneOffsetFor(secs: number, tz: string): number {
  return zoneOffsetSeconds(secs * 1000, tz);
}

/** An integral value as big-endian two's-complement bytes of its type's width (legacy cast to binary). */
function integralBytes(num: number | bigint, from: DataType): Uint8Array {
  const width = from.kind === "byte" ? 1 : from.kind === "short" ? 2 : from.kind === "integer" ? 4 : 8;
  let v = BigInt.asUintN(width * 8, BigInt(num));
  const out = new Uint8Array(width);
  for (let i = width - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

function castNumeric(x: unknown, from: DataType, to: DataType, o: CastOptions): unknown {
  const num = from.kind === "decimal" ? decimalToNumber(x as string) : (x as number | bigint);
  if ((to.kind === "day_time_interval" || to.kind === "year_month_interval") && from.kind === "decimal") return decimalToInterval(x as string, to);
  switch (to.kind) {
    case "boolean":
      return from.kind === "decimal" ? Number(num) !== 0 : num !== 0 && num !== 0n;
    case "double":
      return Number(num);
    case "float":
      return Math.fround(Number(num));
    case "byte":
    case "short":
    case "integer":
    case "long":
      return toIntegral(from.kind === "decimal" ? Math.trunc(Number(num)) : num, from, to, o);
    case "decimal":
      return from.kind === "decimal" ? rescaleDecimal(x as string, to, o) : decimalFromNumber(num, from, to, o);
    case "timestamp":
      if (from.kind === "double" || from.kind === "float") return Math.trunc(Number(num) * 1e6);
      return Number(num) * 1e6;
    case "day_time_interval":
    case "year_month_interval":
      return numberToInterval(num, from, to);
    case "binary":
      // Legacy mode only (ANSI rejects it at analysis): the integral's big-endian bytes.
      return integralBytes(num, from);
    case "null":
    case "string":
    case "date":
    case "timestamp_ntz":
    case "calendar_interval":
    case "variant":
    case "array":
    case "map":
    case "struct":
      throw new InternalError(`cannot cast ${from.kind} to ${to.kind}`);
    default:
      return assertNever(to);
  }
}
