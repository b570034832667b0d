import { parseDayTimeInterval, parseYearMonthInterval } from "../../expr/eval/interval-parse.js";
import { compilePattern } from "../../expr/datetime/pattern.js";
import { newParseResult, PatternParser } from "../../expr/datetime/pattern-parse.js";
import { monthNamesFor } from "../../expr/datetime/month-names.js";
import { parseDateBytes, readTimestampBytes, type TimestampFields } from "../../expr/datetime/timestamp-text.js";
import { zoneRulesOrUtc, type ZoneRules } from "../../expr/datetime/zone-rules.js";
import { resolveSeconds } from "../../expr/eval/datetime.js";
import { jsonText, type JsonValue } from "../../expr/kernels/json-text.js";
import { assertNever } from "../../errors/assert-never.js";
import type { DataType, StructType } from "../../types/data-type.js";
import { parseDecimalValue } from "../csv/csv-values.js";
import { RAW_TEXT } from "../../expr/kernels/json-parser.js";

/** A value that does not convert to its field's type: the record is a bad record. */
export class BadValue extends Error {}

const encoder = new TextEncoder();

/** The datetime formats a text source reads with (JSON, XML): undefined means Spark's lenient default. */
export interface TimeFormats {
  readonly dateFormat: string | undefined;
  readonly timestampFormat: string | undefined;
  readonly timestampNTZFormat: string | undefined;
  /** `locale` (absent: en-US): month names in the patterns. */
  readonly locale?: string;
}

/**
 * Text-to-date/timestamp for JSON and XML values: the format when given, else Spark's lenient
 * default (cast semantics). `date`/`timestamp` throw BadValue for text that does not parse.
 */
export class TimeParsers {
  private readonly dateP: PatternParser | null;
  private readonly tsP: PatternParser | null;
  private readonly ntzP: PatternParser | null;
  private readonly res = newParseResult();
  private readonly fields: TimestampFields = { days: 0, secondOfDay: 0, micros: 0, zone: null };
  private readonly zone: ZoneRules;

  constructor(o: TimeFormats, tz: string) {
    const months = o.locale === undefined ? undefined : monthNamesFor(o.locale);
    this.dateP = o.dateFormat === undefined ? null : new PatternParser(compilePattern(o.dateFormat, true), months);
    this.tsP = o.timestampFormat === undefined ? null : new PatternParser(compilePattern(o.timestampFormat, true), months);
    this.ntzP = o.timestampNTZFormat === undefined ? null : new PatternParser(compilePattern(o.timestampNTZFormat, true), months);
    this.zone = zoneRulesOrUtc(tz);
  }

  date(s: string): number {
    const b = encoder.encode(s);
    if (this.dateP !== null) {
      if (!this.dateP.parse(b, 0, b.length, this.res)) throw new BadValue();
      return this.res.days;
    }
    const d = parseDateBytes(b, 0, b.length);
    if (Number.isNaN(d)) throw new BadValue();
    return d;
  }

  timestamp(s: string, ntz: boolean): number | bigint {
    const b = encoder.encode(s);
    const p = ntz ? this.ntzP : this.tsP;
    let secs: number;
    let us: number;
    if (p !== null) {
      const r = this.res;
      if (!p.parse(b, 0, b.length, r)) throw new BadValue();
      const local = r.days * 86400 + r.secondOfDay;
      secs = ntz ? local : r.offset !== null ? local - r.offset : (r.zone ?? this.zone).localToUtc(local);
      us = r.micros;
    } else {
      const f = this.fields;
      if (!readTimestampBytes(b, 0, b.length, f) || Number.isNaN(f.days)) throw new BadValue();
      secs = resolveSeconds(f, this.zone, ntz);
      us = f.micros;
    }
    const v = secs * 1e6 + us;
    return Math.abs(v) <= Number.MAX_SAFE_INTEGER ? v : BigInt(secs) * 1000000n + BigInt(us);
  }
}

const RANGES: Readonly<Record<"byte" | "short" | "integer" | "long", readonly [bigint, bigint]>> = {
  byte: [-128n, 127n],
  short: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** Spark's JacksonParser conversion of one value to `t` (vector convention); BadValue when it does not fit. */
export function convertJsonValue(v: JsonValue, t: DataType, tp: TimeParsers): unknown {
  if (v.kind === "null") return null;
  switch (t.kind) {
    case "string":
      return v.kind === "str" ? v.value : v.kind === "num" ? v.text : (RAW_TEXT.get(v) ?? jsonText(v));
    case "byte":
    case "short":
    case "integer":
    case "long": {
      if (v.kind !== "num" || !v.integral) throw new BadValue();
      const x = BigInt(v.text);
      const [lo, hi] = RANGES[t.kind];
      if (x < lo || x > hi) throw new BadValue();
      return t.kind === "long" && (x > 2n ** 53n || x < -(2n ** 53n)) ? x : Number(x);
    }
    case "float":
    case "double": {
      if (v.kind === "num") return Number(v.text);
      if (v.kind === "str" && ["NaN", "Infinity", "-Infinity", "+Infinity", "INF", "-INF", "+INF"].includes(v.value)) return Number(v.value.replace("INF", "Infinity"));
      throw new BadValue();
    }
    case "boolean":
      if (v.kind !== "bool") throw new BadValue();
      return v.value;
    case "decimal": {
      const text = v.kind === "num" ? v.text : v.kind === "str" ? v.value : null;
      const d = text === null ? undefined : parseDecimalValue(text, t.precision, t.scale);
      if (d === undefined) throw new BadValue();
      return d;
    }
    case "date":
      if (v.kind !== "str") throw new BadValue();
      return tp.date(v.value);
    case "timestamp":
    case "timestamp_ntz":
      // a JSON integer is epoch seconds (JacksonParser's VALUE_NUMBER_INT for timestamps)
      if (v.kind === "num" && v.integral && t.kind === "timestamp") return Number(v.text) * 1e6;
      if (v.kind !== "str") throw new BadValue();
      return tp.timestamp(v.value, t.kind === "timestamp_ntz");
    case "binary":
      if (v.kind !== "str") throw new BadValue();
      return Uint8Array.from(Buffer.from(v.value, "base64"));
    case "array":
      if (v.kind !== "arr") throw new BadValue();
      return v.items.map((x) => convertJsonValue(x, t.elementType, tp));
    case "map":
      if (v.kind !== "obj") throw new BadValue();
      return v.entries.map(([k, x]) => [k, convertJsonValue(x, t.valueType, tp)]);
    case "struct":
      if (v.kind !== "obj") throw new BadValue();
      return structValues(v, t, tp).values;
    // ANSI intervals from their SQL literal or bare form, as a cast from string reads them
    case "day_time_interval": {
      const x = v.kind === "str" ? parseDayTimeInterval(v.value, t) : null;
      if (x === null) throw new BadValue();
      return x;
    }
    case "year_month_interval": {
      const x = v.kind === "str" ? parseYearMonthInterval(v.value, t) : null;
      if (x === null) throw new BadValue();
      return x;
    }
    case "null":
    case "calendar_interval":
    case "variant":
      throw new BadValue();
    default:
      return assertNever(t);
  }
}

/** A struct's field values from an object: missing fields null; a field that does not convert is null and marks the record bad. */
export function structValues(v: JsonValue & { kind: "obj" }, t: StructType, tp: TimeParsers): { values: unknown[]; bad: boolean } {
  const byName = new Map<string, JsonValue>();
  for (const [k, x] of v.entries) byName.set(k, x);
  let bad = false;
  const values = t.fields.map((f) => {
    const x = byName.get(f.name);
    if (x === undefined) return null;
    try {
      return convertJsonValue(x, f.dataType, tp);
    } catch (e) {
      if (!(e instanceof BadValue)) throw e;
      bad = true;
      return null;
    }
  });
  return { values, bad };
}
