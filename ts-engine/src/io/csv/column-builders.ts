import { vectorFromValues } from "../../columnar/builder.js";
import { Utf8Builder } from "../../columnar/utf8.js";
import { makeVector, type Vector } from "../../columnar/vector.js";
import { unscaled } from "../../columnar/decimal-value.js";
import { daysFromCivil, daysInMonth } from "../../expr/datetime/civil.js";
import { monthNamesFor } from "../../expr/datetime/month-names.js";
import { compilePattern } from "../../expr/datetime/pattern.js";
import { newParseResult, PatternParser } from "../../expr/datetime/pattern-parse.js";
import { parseDateBytes, readTimestampBytes, type TimestampFields } from "../../expr/datetime/timestamp-text.js";
import { zoneRulesOrUtc, type ZoneRules } from "../../expr/datetime/zone-rules.js";
import { resolveSeconds } from "../../expr/eval/datetime.js";
import { parseDayTimeInterval, parseYearMonthInterval } from "../../expr/eval/interval-parse.js";
import { assertNever } from "../../errors/assert-never.js";
import { InternalError } from "../../errors/spark-exception.js";
import type { DataType } from "../../types/data-type.js";
import type { CsvOptions } from "./csv-options.js";
import type { FieldText } from "./field-text.js";
import { decimalNormalizer, fastDoubleBytes, INTEGRAL_BOUNDS, isUsLocale, parseDecimalValue, parseIntegralBytes, parseJavaBoolean, parseJavaDouble } from "./csv-values.js";

/**
 * Column builders from UTF-8 bytes, shared by the text sources: CSV fills them from its tokens
 * (UnivocityParser's converters), JSON from its byte tokens where Jackson's conversion reads the
 * same text, and both `put` values their general paths computed.
 */

/** What a scan's converter needs besides the options: the session zone for timestamps. */
export interface ConvertContext {
  readonly timeZone: string;
}

/** The options a builder reads: the datetime patterns, the locale, and CSV's special double texts (slot only). */
export type ValueFormats = Pick<CsvOptions, "nanValue" | "positiveInf" | "negativeInf" | "locale" | "dateFormat" | "timestampFormat" | "timestampNTZFormat">;

/** Parses one non-null field into column slot r; false when the text is malformed for the type. */
type Slot = (f: FieldText, r: number) => boolean;

/** Parses a plain field, bytes [s, e) of `b` that are not nullValue, into slot r; false when malformed. */
export type RawSlot = (b: Uint8Array, s: number, e: number, r: number) => boolean;

/**
 * A column being built for one batch: `slot` fills row r from any field, `raw` (when the type
 * has one) from a plain field's bytes without a FieldText (the common case: no quotes, no
 * escapes), `put` stores an already converted value (the vector convention) in row r,
 * `finish` makes the vector. Rows are filled in increasing order.
 */
export interface ColumnBuilder {
  readonly slot: Slot;
  readonly raw?: RawSlot;
  put(v: unknown, r: number): void;
  finish(valid: Uint8Array): Vector;
}

/** The digit at b[i] (0–9), or a value past 9 when it is not one. */
function digitAt(b: Uint8Array, i: number): number {
  return (b[i]! - 48) >>> 0;
}

/** A date from exactly `yyyy-mm-dd` (the form nearly every file holds); NaN for anything else (the general parser then decides). */
function isoDateBytes(b: Uint8Array, s: number, e: number): number {
  if (e - s !== 10 || b[s + 4] !== 0x2d || b[s + 7] !== 0x2d) return Number.NaN;
  const y0 = digitAt(b, s);
  const y1 = digitAt(b, s + 1);
  const y2 = digitAt(b, s + 2);
  const y3 = digitAt(b, s + 3);
  const m0 = digitAt(b, s + 5);
  const m1 = digitAt(b, s + 6);
  const d0 = digitAt(b, s + 8);
  const d1 = digitAt(b, s + 9);
  if (Math.max(y0, y1, y2, y3, m0, m1, d0, d1) > 9) return Number.NaN;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return daysFromCivil(y, m, d);
}

/** A date parser over bytes: days since the epoch, NaN when malformed. */
type DateBytesParser = (b: Uint8Array, s: number, e: number) => number;

export function dateParser(pattern: string | undefined, locale: string): DateBytesParser {
  if (pattern === undefined) {
    // no dateFormat: Spark's default formatter with its fallback to stringToDate (cast semantics)
    return (b, s, e) => {
      const iso = isoDateBytes(b, s, e);
      return Number.isNaN(iso) ? parseDateBytes(b, s, e) : iso;
    };
  }
  const p = new PatternParser(compilePattern(pattern, true), monthNamesFor(locale));
  const res = newParseResult();
  return (b, s, e) => (p.parse(b, s, e, res) ? res.days : Number.NaN);
}

/** A timestamp parser over bytes: microseconds since the epoch, undefined when malformed. */
type TimestampBytesParser = (b: Uint8Array, s: number, e: number) => number | bigint | undefined;

export function timestampParser(pattern: string | undefined, zone: ZoneRules, ntz: boolean, locale: string): TimestampBytesParser {
  const micros = (secs: number, us: number): number | bigint => {
    const v = secs * 1e6 + us;
    return Math.abs(v) <= Number.MAX_SAFE_INTEGER ? v : BigInt(secs) * 1000000n + BigInt(us);
  };
  if (pattern === undefined) {
    const fields: TimestampFields = { days: 0, secondOfDay: 0, micros: 0, zone: null };
    return (b, s, e) => {
      if (!readTimestampBytes(b, s, e, fields)) return undefined;
      if (Number.isNaN(fields.days)) return undefined;
      return micros(resolveSeconds(fields, zone, ntz), fields.micros);
    };
  }
  const p = new PatternParser(compilePattern(pattern, true), monthNamesFor(locale));
  const res = newParseResult();
  return (b, s, e) => {
    if (!p.parse(b, s, e, res)) return undefined;
    const local = res.days * 86400 + res.secondOfDay;
    const secs = ntz ? local : res.offset !== null ? local - res.offset : (res.zone ?? zone).localToUtc(local);
    return micros(secs, res.micros);
  };
}

const TWO_32 = 4294967296;
/** 10^k as doubles, exact for k ≤ 22. */
const POW10 = Array.from({ length: 19 }, (_, k) => 10 ** k);

/**
 * The unscaled value of plain decimal bytes `[+-]digits[.digits]` at `scale` when it is exact in a
 * double (below 2^53, no more fraction digits than `scale`, within `precision`); NaN otherwise
 * (exponents, grouping commas, spaces, rounding: the text path). The integer and fraction
 * digits are read in two tight loops; every intermediate stays below 2^53 or the result is NaN.
 */
export function fastUnscaled(b: Uint8Array, start: number, end: number, precision: number, scale: number): number {
  let i = start;
  let neg = false;
  const c0 = b[i];
  if (c0 === 0x2d || c0 === 0x2b) {
    neg = c0 === 0x2d;
    i++;
  }
  const intStart = i;
  let v = 0;
  for (; i < end; i++) {
    const d = (b[i]! - 0x30) >>> 0;
    if (d > 9) break;
    v = v * 10 + d;
  }
  let digits = i - intStart;
  let f = 0;
  if (i < end) {
    if (b[i] !== 0x2e) return Number.NaN;
    const fracStart = ++i;
    for (; i < end; i++) {
      const d = (b[i]! - 0x30) >>> 0;
      if (d > 9) return Number.NaN;
      v = v * 10 + d;
    }
    f = i - fracStart;
    digits += f;
  }
  // v is exact while it stays below 2^53 (once past it, it never comes back below)
  if (digits === 0 || f > scale || v > Number.MAX_SAFE_INTEGER) return Number.NaN;
  const u = v * POW10[scale - f]!;
  // the integer part may hold at most precision - scale digits
  if (u >= POW10[precision]! || u > Number.MAX_SAFE_INTEGER) return Number.NaN;
  return neg ? -u : u;
}

/**
 * Decimals up to 18 digits straight into the dec64 layout: plain text parsed from the bytes
 * (fastUnscaled), anything else through Spark's BigDecimal path (parseDecimalValue: grouping
 * commas, exponents, HALF_UP rounding, overflow as a bad value).
 */
function decimal64Builder(type: DataType & { kind: "decimal" }, n: number, locale: string): ColumnBuilder {
  const normalize = decimalNormalizer(locale);
  // the bytes fast path reads US text only ("1.000" is a thousand in de-DE)
  const plainText = isUsLocale(locale);
  const out = new BigInt64Array(n);
  const o32 = new Int32Array(out.buffer);
  const { precision, scale } = type;
  const raw: RawSlot = (b, s, e, r) => {
    const u = fastUnscaled(b, s, e, precision, scale);
    if (Number.isNaN(u)) return false;
    if (u >= -2147483648 && u <= 2147483647) {
      // the common case: the low half is the value, the high half its sign
      o32[2 * r] = u;
      o32[2 * r + 1] = u < 0 ? -1 : 0;
      return true;
    }
    const hi = Math.floor(u / TWO_32);
    o32[2 * r] = (u - hi * TWO_32) | 0;
    o32[2 * r + 1] = hi;
    return true;
  };
  return {
    ...(plainText ? { raw } : {}),
    slot: (f, r) => {
      if (plainText && f.str === null && raw(f.bytes, f.start, f.end, r)) return true;
      const t = parseDecimalValue(f.text(), type.precision, type.scale, normalize);
      if (t === undefined) return false;
      out[r] = unscaled(t, type.scale);
      return true;
    },
    put: (v, r) => {
      out[r] = unscaled(v as string, type.scale);
    },
    finish: (valid) => {
      for (let i = 0; i < n; i++) if (valid[i] === 0) out[i] = 0n;
      return makeVector(type, out, compact(valid), n);
    },
  };
}

/**
 * A builder of plain JS values (the vector convention), for the types parsed per value;
 * `rawParse` reads a plain field's bytes (undefined: the general path decides).
 */
export function valuesBuilder(type: DataType, n: number, parse: (f: FieldText) => unknown, rawParse?: (b: Uint8Array, s: number, e: number) => unknown): ColumnBuilder {
  const values = new Array<unknown>(n).fill(null);
  return {
    ...(rawParse === undefined
      ? {}
      : {
          raw: (b: Uint8Array, s: number, e: number, r: number): boolean => {
            const v = rawParse(b, s, e);
            if (v === undefined) return false;
            values[r] = v;
            return true;
          },
        }),
    slot: (f, r) => {
      const v = parse(f);
      if (v === undefined) return false;
      values[r] = v;
      return true;
    },
    put: (v, r) => {
      values[r] = v;
    },
    finish: (valid) => {
      for (let i = 0; i < n; i++) if (valid[i] === 0) values[i] = null;
      return vectorFromValues(type, values);
    },
  };
}

/** The typed arrays fixed-width columns are built in (long has its own builder: it may turn to BigInt). */
type FixedWidthArray = Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/**
 * A builder over one typed array: `parse` reads a plain field's bytes (NaN: malformed, unless
 * `text` is given, which then reads the field's text and decides; undefined: malformed).
 * Without `text`, a field with quotes or escapes is turned back into bytes and parsed the same way.
 */
function fixedWidthBuilder(type: DataType, n: number, d: FixedWidthArray, parse: (b: Uint8Array, s: number, e: number) => number, text?: (f: FieldText) => number | undefined): ColumnBuilder {
  const raw: RawSlot = (b, s, e, r) => {
    const v = parse(b, s, e);
    if (Number.isNaN(v)) return false;
    d[r] = v;
    return true;
  };
  const slot: Slot =
    text === undefined
      ? (f, r) => {
          f.asBytes();
          return raw(f.bytes, f.start, f.end, r);
        }
      : (f, r) => {
          if (f.str === null && raw(f.bytes, f.start, f.end, r)) return true;
          const v = text(f);
          if (v === undefined) return false;
          d[r] = v;
          return true;
        };
  return {
    raw,
    slot,
    put: (v, r) => {
      d[r] = v as number;
    },
    finish: (valid) => makeVector(type, d, compact(valid), n),
  };
}

/** The builder of one column of `type` for a batch of `n` rows (CSV's UnivocityParser.makeConverter). */
export function builderFor(type: DataType, n: number, o: ValueFormats, ctx: ConvertContext): ColumnBuilder {
  switch (type.kind) {
    case "string": {
      const b = new Utf8Builder(n, n * 8);
      let filled = 0;
      const fill = (r: number): void => {
        while (filled < r) {
          b.commit(0);
          filled++;
        }
      };
      return {
        raw: (src, s, e, r) => {
          fill(r);
          const k = e - s;
          if (k > 32) b.appendRange(src, s, e);
          else {
            // short values (flags, codes) byte by byte: a subarray per value costs more than the copy
            const out = b.reserve(k);
            const at = b.position();
            for (let j = 0; j < k; j++) out[at + j] = src[s + j]!;
            b.commit(k);
          }
          filled++;
          return true;
        },
        slot: (f, r) => {
          fill(r);
          if (f.str !== null) b.appendString(f.str);
          else b.appendRange(f.bytes, f.start, f.end);
          filled++;
          return true;
        },
        put: (v, r) => {
          fill(r);
          b.appendString(v as string);
          filled++;
        },
        finish: (valid) => makeVector(type, b.finish(), compact(valid), n),
      };
    }
    case "integer":
    case "short":
    case "byte": {
      const [lo, hi] = INTEGRAL_BOUNDS[type.kind];
      const d = type.kind === "integer" ? new Int32Array(n) : type.kind === "short" ? new Int16Array(n) : new Int8Array(n);
      return fixedWidthBuilder(type, n, d, (b, s, e) => {
        const v = parseIntegralBytes(b, s, e, lo, hi, false);
        return v === undefined ? Number.NaN : Number(v);
      });
    }
    case "long": {
      const d = new Float64Array(n);
      let big: BigInt64Array | null = null;
      const store = (v: number | bigint, r: number): void => {
        if (typeof v === "bigint") {
          if (big === null) {
            big = new BigInt64Array(n);
            for (let i = 0; i < r; i++) big[i] = BigInt(d[i]!);
          }
          big[r] = v;
        } else if (big !== null) big[r] = BigInt(v);
        else d[r] = v;
      };
      const raw: RawSlot = (b, s, e, r) => {
        const v = parseIntegralBytes(b, s, e, 0, 0, true);
        if (v === undefined) return false;
        store(v, r);
        return true;
      };
      return {
        raw,
        slot: (f, r) => {
          f.asBytes();
          return raw(f.bytes, f.start, f.end, r);
        },
        put: (v, r) => store(v as number | bigint, r),
        finish: (valid) => (big !== null ? makeVector(type, big, compact(valid), n) : makeVector(type, d, compact(valid), n)),
      };
    }
    case "double":
    case "float":
      // plain decimal text from the bytes; anything else (nanValue, exponents, "Infinity") as Java reads it
      return fixedWidthBuilder(type, n, type.kind === "double" ? new Float64Array(n) : new Float32Array(n), fastDoubleBytes, (f) => {
        const s = f.text();
        if (s === o.nanValue) return Number.NaN;
        if (s === o.positiveInf) return Infinity;
        if (s === o.negativeInf) return -Infinity;
        return parseJavaDouble(s);
      });
    case "boolean":
      return valuesBuilder(type, n, (f) => parseJavaBoolean(f.text()));
    case "decimal":
      if (type.precision <= 18) return decimal64Builder(type, n, o.locale);
      return valuesBuilder(type, n, (f) => parseDecimalValue(f.text(), type.precision, type.scale, decimalNormalizer(o.locale)));
    case "date":
      return fixedWidthBuilder(type, n, new Int32Array(n), dateParser(o.dateFormat, o.locale));
    case "timestamp":
    case "timestamp_ntz": {
      const ntz = type.kind === "timestamp_ntz";
      const p = timestampParser(ntz ? o.timestampNTZFormat : o.timestampFormat, zoneRulesOrUtc(ctx.timeZone), ntz, o.locale);
      return valuesBuilder(
        type,
        n,
        (f) => {
          f.asBytes();
          return p(f.bytes, f.start, f.end);
        },
        p,
      );
    }
    case "null":
      return valuesBuilder(type, n, () => null);
    // ANSI intervals from their SQL literal or bare form, as a cast from string reads them
    case "day_time_interval":
      return valuesBuilder(type, n, (f) => parseDayTimeInterval(f.text(), type) ?? undefined);
    case "year_month_interval":
      return valuesBuilder(type, n, (f) => parseYearMonthInterval(f.text(), type) ?? undefined);
    case "binary":
    case "array":
    case "map":
    case "struct":
    case "calendar_interval":
    case "variant":
      throw new InternalError(`CSV cannot read ${type.kind} (checked when the source was resolved)`);
    default:
      return assertNever(type);
  }
}

/** The validity mask, or null when every row is valid. */
export function compact(valid: Uint8Array): Uint8Array | null {
  for (let i = 0; i < valid.length; i++) if (valid[i] === 0) return valid;
  return null;
}
