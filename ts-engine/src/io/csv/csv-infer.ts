import { readTimestampBytes, type TimestampFields } from "../../expr/datetime/timestamp-text.js";
import { compilePattern } from "../../expr/datetime/pattern.js";
import { newParseResult, PatternParser } from "../../expr/datetime/pattern-parse.js";
import {
  BooleanType,
  DateType,
  DoubleType,
  IntegerType,
  LongType,
  StringType,
  TimestampType,
  decimalType,
  type DataType,
} from "../../types/data-type.js";
import type { CsvOptions } from "./csv-options.js";
import { decimalNormalizer, fastDoubleBytes, INTEGRAL_BOUNDS, inferDecimalPrecision, isUsLocale, parseIntegralBytes, parseJavaBoolean, parseJavaDouble, type DecimalNormalizer } from "./csv-values.js";
import { monthNamesFor } from "../../expr/datetime/month-names.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Spark's CSVInferSchema for one column: each value is tried from the type inferred so far up
 * the ladder int → long → decimal (no fraction) → double → date (preferDate) → timestamp →
 * boolean → string, and merged with the type so far (compatibleType, else string).
 */
export class CsvTypeInference {
  private readonly dateP: ((s: string) => boolean) | null;
  private readonly dateBytes: ((b: Uint8Array, start: number, end: number) => boolean) | null;
  private readonly tsP: (s: string) => boolean;
  private readonly decimals: DecimalNormalizer;
  /** US locale: numbers are told from the bytes (elsewhere "1.000" may be a thousand). */
  private readonly plainNumbers: boolean;

  constructor(private readonly o: CsvOptions) {
    this.dateBytes = o.preferDate ? dateBytesTest(o.dateFormat, o.locale) : null;
    this.decimals = decimalNormalizer(o.locale);
    this.plainNumbers = isUsLocale(o.locale);
    const db = this.dateBytes;
    this.dateP =
      db === null
        ? null
        : (s) => {
            const b = encoder.encode(s);
            return db(b, 0, b.length);
          };
    this.tsP = timestampTest(o.timestampFormat, o.locale);
  }

  /**
   * inferField for a field held as plain bytes: integers and simple decimals are told from the
   * bytes while the column is still numeric (the common case), other text goes through inferField.
   */
  inferBytes(soFar: DataType, b: Uint8Array, start: number, end: number): DataType {
    const k = soFar.kind;
    if (this.plainNumbers && (k === "null" || k === "integer" || k === "long" || k === "double")) {
      let t: DataType | undefined;
      const [lo, hi] = INTEGRAL_BOUNDS.integer;
      const v = parseIntegralBytes(b, start, end, lo, hi, false);
      if (v !== undefined) t = IntegerType;
      else if (parseIntegralBytes(b, start, end, 0, 0, true) !== undefined) t = LongType;
      else if (!Number.isNaN(fastDoubleBytes(b, start, end)) && b.subarray(start, end).includes(0x2e)) t = DoubleType;
      if (t !== undefined) {
        // the ladder starts at the type so far: a long column never goes back to int, etc.
        const inferred = k === "long" && t.kind === "integer" ? LongType : k === "double" ? DoubleType : t;
        return compatibleType(soFar, inferred) ?? StringType;
      }
    }
    // a string column stays one; a date column stays one while values parse as dates
    if (k === "string") return StringType;
    if (k === "date" && this.dateP !== null && this.dateBytes !== null && this.dateBytes(b, start, end)) return DateType;
    return this.inferField(soFar, decoder.decode(b.subarray(start, end)));
  }

  /** The type of `field` given the column's type so far (Spark's inferField). */
  inferField(soFar: DataType, field: string | null): DataType {
    if (field === null || field.length === 0 || field === this.o.nullValue) return soFar;
    const inferred = this.ladder(soFar, field);
    return compatibleType(soFar, inferred) ?? StringType;
  }

  private ladder(soFar: DataType, f: string): DataType {
    switch (soFar.kind) {
      case "null":
      case "integer":
        return this.tryInteger(f);
      case "long":
        return this.tryLong(f);
      case "decimal":
        return this.tryDecimal(f);
      case "double":
        return this.tryDouble(f);
      case "date":
        return this.tryDate(f);
      case "timestamp":
        return this.tryTimestamp(f);
      case "boolean":
        return this.tryBoolean(f);
      default:
        return StringType;
    }
  }

  private tryInteger(f: string): DataType {
    const b = encoder.encode(f);
    const [lo, hi] = INTEGRAL_BOUNDS.integer;
    return parseIntegralBytes(b, 0, b.length, lo, hi, false) !== undefined ? IntegerType : this.tryLong(f);
  }

  private tryLong(f: string): DataType {
    const b = encoder.encode(f);
    return parseIntegralBytes(b, 0, b.length, 0, 0, true) !== undefined ? LongType : this.tryDecimal(f);
  }

  private tryDecimal(f: string): DataType {
    const d = inferDecimalPrecision(f, this.decimals);
    return d !== undefined ? decimalType(d.precision, d.scale) : this.tryDouble(f);
  }

  private tryDouble(f: string): DataType {
    if (parseJavaDouble(f) !== undefined || f === this.o.nanValue || f === this.o.positiveInf || f === this.o.negativeInf) return DoubleType;
    return this.dateP !== null ? this.tryDate(f) : this.tryTimestamp(f);
  }

  private tryDate(f: string): DataType {
    return this.dateP !== null && this.dateP(f) ? DateType : this.tryTimestamp(f);
  }

  private tryTimestamp(f: string): DataType {
    return this.tsP(f) ? TimestampType : this.tryBoolean(f);
  }

  private tryBoolean(f: string): DataType {
    return parseJavaBoolean(f) !== undefined ? BooleanType : StringType;
  }
}

/**
 * Whether text is a date for inference: with a `dateFormat`, by that pattern; without one by
 * Spark's default `yyyy-MM-dd` (inference does not fall back to the lenient cast forms).
 */
export function dateBytesTest(pattern: string | undefined, locale = "en-US"): (b: Uint8Array, start: number, end: number) => boolean {
  const p = new PatternParser(compilePattern(pattern ?? "yyyy-MM-dd", true), monthNamesFor(locale));
  const res = newParseResult();
  return (b, start, end) => p.parse(b, start, end, res);
}

/** Whether text is a timestamp: by `timestampFormat`, else as a cast to timestamp reads it (with a date part). */
export function timestampTest(pattern: string | undefined, locale = "en-US"): (s: string) => boolean {
  if (pattern !== undefined) {
    const p = new PatternParser(compilePattern(pattern, true), monthNamesFor(locale));
    const res = newParseResult();
    return (s) => {
      const b = encoder.encode(s);
      return p.parse(b, 0, b.length, res);
    };
  }
  const fields: TimestampFields = { days: 0, secondOfDay: 0, micros: 0, zone: null };
  return (s) => {
    const b = encoder.encode(s);
    return readTimestampBytes(b, 0, b.length, fields) && !Number.isNaN(fields.days);
  };
}

const NUMERIC_RANK: Readonly<Partial<Record<DataType["kind"], number>>> = { byte: 1, short: 2, integer: 3, long: 4, float: 5, double: 6 };

/** Spark's CSVInferSchema.compatibleType: the tightest common type, else the CSV widening rules; undefined when none. */
export function compatibleType(a: DataType, b: DataType): DataType | undefined {
  if (a.kind === b.kind && a.kind !== "decimal") return a;
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  const ra = NUMERIC_RANK[a.kind];
  const rb = NUMERIC_RANK[b.kind];
  if (ra !== undefined && rb !== undefined) return ra >= rb ? a : b;
  if (a.kind === "string" || b.kind === "string") return StringType;
  const asDecimal = (t: DataType): DataType => (t.kind === "integer" ? decimalType(10, 0) : t.kind === "long" ? decimalType(20, 0) : t);
  if ((a.kind === "integer" || a.kind === "long") && b.kind === "decimal") return compatibleType(asDecimal(a), b);
  if (a.kind === "decimal" && (b.kind === "integer" || b.kind === "long")) return compatibleType(a, asDecimal(b));
  if ((a.kind === "double" && b.kind === "decimal") || (a.kind === "decimal" && b.kind === "double")) return DoubleType;
  if (a.kind === "decimal" && b.kind === "decimal") {
    const scale = Math.max(a.scale, b.scale);
    const range = Math.max(a.precision - a.scale, b.precision - b.scale);
    return range + scale > 38 ? DoubleType : decimalType(range + scale, scale);
  }
  if ((a.kind === "timestamp" && b.kind === "date") || (a.kind === "date" && b.kind === "timestamp")) return TimestampType;
  return undefined;
}

/** NullType columns (no value seen) are strings, as Spark leaves them. */
export function finalType(t: DataType): DataType {
  return t.kind === "null" ? StringType : t;
}

