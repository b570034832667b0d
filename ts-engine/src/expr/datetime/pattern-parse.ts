import { assertNever } from "../../errors/assert-never.js";
import { daysFromCivil, daysInMonth, isLeapYear } from "./civil.js";
import type { MonthNames } from "./month-names.js";
import type { CompiledPattern, OffsetStyle, PatternOp, TextField } from "./pattern.js";
import { zoneRules, type ZoneRules } from "./zone-rules.js";

/**
 * Parses UTF-8 text with a compiled pattern as Spark's Iso8601TimestampFormatter does: Java's
 * DateTimeFormatter, case-insensitive, strict resolving, second fractions of 1 up to the number
 * of `S` letters, then Spark's defaults for missing fields (year 1970, month and day 1, hour 0,
 * or 12 for a lone PM). Failures carry Java's message, which Spark puts in CANNOT_PARSE_TIMESTAMP.
 */

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_UPPER = MONTHS.map((m) => m.toUpperCase());

/** What one parse found, or why it failed. */
export interface ParseResult {
  ok: boolean;
  /** Local date (days since epoch), second of day and microsecond. */
  days: number;
  secondOfDay: number;
  micros: number;
  /** A zone or offset the text named, else null (the session zone applies). */
  zone: ZoneRules | null;
  offset: number | null;
  /** Java's DateTimeParseException message when !ok (without the `Text '…'` prefix). */
  error: string;
}

/** Raw parsed field values (NaN = absent). */
interface Fields {
  year: number;
  yearOfEra: number;
  era: number;
  month: number;
  day: number;
  dayOfYear: number;
  hourOfDay: number;
  clockHourOfDay: number;
  hourOfAmPm: number;
  clockHourOfAmPm: number;
  amPm: number;
  minute: number;
  second: number;
  nanos: number;
  offset: number;
  zone: ZoneRules | null;
}

function resetFields(f: Fields): void {
  f.year = f.yearOfEra = f.era = f.month = f.day = f.dayOfYear = NaN;
  f.hourOfDay = f.clockHourOfDay = f.hourOfAmPm = f.clockHourOfAmPm = f.amPm = NaN;
  f.minute = f.second = f.nanos = f.offset = NaN;
  f.zone = null;
}

function emptyFields(): Fields {
  return {
    year: NaN,
    yearOfEra: NaN,
    era: NaN,
    month: NaN,
    day: NaN,
    dayOfYear: NaN,
    hourOfDay: NaN,
    clockHourOfDay: NaN,
    hourOfAmPm: NaN,
    clockHourOfAmPm: NaN,
    amPm: NaN,
    minute: NaN,
    second: NaN,
    nanos: NaN,
    offset: NaN,
    zone: null,
  };
}

const RANGE_NAMES: Readonly<Partial<Record<keyof Fields, [string, number, number | string]>>> = {
  month: ["MonthOfYear", 1, 12],
  day: ["DayOfMonth", 1, "28/31"],
  dayOfYear: ["DayOfYear", 1, "365/366"],
  hourOfDay: ["HourOfDay", 0, 23],
  clockHourOfDay: ["ClockHourOfDay", 1, 24],
  hourOfAmPm: ["HourOfAmPm", 0, 11],
  clockHourOfAmPm: ["ClockHourOfAmPm", 1, 12],
  minute: ["MinuteOfHour", 0, 59],
  second: ["SecondOfMinute", 0, 59],
};

/** A parser for one compiled pattern; `parse` runs per row over UTF-8 bytes. */
export class PatternParser {
  private f: Fields = emptyFields();
  private failAt = 0;

  /** `months`: a locale's month names (the `locale` option of file sources); English by default. */
  private readonly months: { readonly full: readonly string[]; readonly short: readonly string[] } | undefined;

  constructor(
    private readonly pattern: CompiledPattern,
    months?: MonthNames,
  ) {
    // lower-cased, as UTF-8 bytes in a string: matchLiteral compares byte by byte
    const bytes = (s: string): string => String.fromCharCode(...new TextEncoder().encode(s.toLowerCase()));
    this.months = months === undefined ? undefined : { full: months.full.map(bytes), short: months.short.map(bytes) };
  }

  /** Parses b[start, end) into `out`; false (with out.error set) when the text does not match. */
  parse(b: Uint8Array, start: number, end: number, out: ParseResult): boolean {
    resetFields(this.f);
    out.ok = false;
    const pos = this.parseOps(this.pattern.ops, b, start, end);
    if (pos < 0) {
      out.error = `could not be parsed at index ${charIndex(b, start, this.failAt)}`;
      return false;
    }
    if (pos < end) {
      out.error = `could not be parsed, unparsed text found at index ${charIndex(b, start, pos)}`;
      return false;
    }
    const msg = this.resolve(out);
    if (msg !== null) {
      out.error = `could not be parsed: ${msg}`;
      return false;
    }
    out.ok = true;
    return true;
  }

  private parseOps(ops: readonly PatternOp[], b: Uint8Array, pos: number, end: number): number {
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      const next = this.parseOp(op, ops, i, b, pos, end);
      if (next < 0) {
        this.failAt = pos;
        return -1;
      }
      pos = next;
    }
    return pos;
  }

  private parseOp(op: PatternOp, ops: readonly PatternOp[], i: number, b: Uint8Array, pos: number, end: number): number {
    switch (op.op) {
      case "literal":
        return matchLiteral(op.text, b, pos, end);
      case "number": {
        let sign = 1;
        let p = pos;
        if (op.sign !== "notNegative" && p < end && (b[p] === 0x2d || (op.sign === "exceedsPad" && b[p] === 0x2b))) {
          sign = b[p] === 0x2d ? -1 : 1;
          p++;
        }
        let avail = 0;
        while (p + avail < end && isDigit(b[p + avail]!) && avail < op.maxWidth + 19) avail++;
        const reserved = op.minWidth === op.maxWidth ? 0 : reservedWidth(ops, i);
        const take = Math.min(op.maxWidth, Math.max(op.minWidth, avail - reserved));
        if (avail < op.minWidth || take > avail) return -1;
        // EXCEEDS_PAD, strict: more digits than the pad width need an explicit sign.
        if (op.sign === "exceedsPad" && p === pos && take > op.minWidth) return -1;
        let v = 0;
        for (let k = 0; k < take; k++) v = v * 10 + (b[p + k]! - 0x30);
        // F, q and Q are rejected for parsing when the pattern is compiled.
        if (op.field === "alignedDayOfWeekInMonth" || op.field === "quarter") return -1;
        this.f[op.field] = sign * v;
        return p + take;
      }
      case "reducedYear": {
        if (pos + 2 > end || !isDigit(b[pos]!) || !isDigit(b[pos + 1]!)) return -1;
        if (pos + 2 < end && isDigit(b[pos + 2]!) && reservedWidth(ops, i) === 0) return -1;
        const v = (b[pos]! - 0x30) * 10 + (b[pos + 1]! - 0x30);
        this.f[op.field] = 2000 + v;
        return pos + 2;
      }
      case "fraction": {
        let k = 0;
        let nanos = 0;
        while (k < op.width && pos + k < end && isDigit(b[pos + k]!)) {
          nanos = nanos * 10 + (b[pos + k]! - 0x30);
          k++;
        }
        if (k === 0) return -1;
        for (let z = k; z < 9; z++) nanos *= 10;
        this.f.nanos = nanos;
        return pos + k;
      }
      case "text":
        return this.parseText(op.field, op.style, b, pos, end);
      case "offset":
        return this.parseOffset(op.pattern, op.noOffsetText, b, pos, end);
      case "localizedOffset": {
        const p = matchLiteral("GMT", b, pos, end);
        if (p < 0) return -1;
        if (p < end && (b[p] === 0x2b || b[p] === 0x2d)) {
          const q = this.parseOffset("+HH:MM", "", b, p, end);
          if (q >= 0) return q;
          return this.parseOffset("+HH", "", b, p, end);
        }
        this.f.offset = 0;
        return p;
      }
      case "zoneId":
      case "zoneName": {
        let p = pos;
        while (p < end && /[A-Za-z0-9~/._+:-]/.test(String.fromCharCode(b[p]!))) p++;
        // Longest prefix that names a zone (Java matches against the known ids).
        for (let q = p; q > pos; q--) {
          const text = String.fromCharCode(...b.subarray(pos, q));
          const z = zoneRules(ZONE_ABBREVIATIONS[text.toUpperCase()] ?? text);
          if (z !== null) {
            this.f.zone = z;
            return q;
          }
        }
        return -1;
      }
      case "optional": {
        const saved = { ...this.f };
        const p = this.parseOps(op.ops, b, pos, end);
        if (p < 0) {
          this.f = saved;
          return pos;
        }
        return p;
      }
      default:
        return assertNever(op);
    }
  }

  private parseText(field: TextField, style: "short" | "full" | "narrow", b: Uint8Array, pos: number, end: number): number {
    let options: readonly string[];
    switch (field) {
      case "month":
        if (this.months !== undefined && style !== "narrow") options = style === "full" ? this.months.full : this.months.short;
        else options = style === "full" ? MONTHS : style === "narrow" ? MONTHS.map((m) => m[0]!) : MONTHS.map((m) => m.slice(0, 3));
        break;
      case "amPm":
        options = ["am", "pm"];
        break;
      case "era":
        options = style === "full" ? ["before christ", "anno domini"] : style === "narrow" ? ["b", "a"] : ["bc", "ad"];
        break;
      case "dayOfWeek":
      case "quarter":
        // Spark rejects E, F, q and Q for parsing before a parser is built.
        return -1;
      default:
        return assertNever(field);
    }
    let best = -1;
    let bestLen = 0;
    options.forEach((t, idx) => {
      if (t.length > bestLen && matchLiteral(t, b, pos, end) >= 0) {
        best = idx;
        bestLen = t.length;
      }
    });
    if (best < 0) return -1;
    if (field === "month") this.f.month = best + 1;
    else if (field === "amPm") this.f.amPm = best;
    else this.f.era = best;
    return pos + bestLen;
  }

  private parseOffset(style: OffsetStyle, noOffsetText: string, b: Uint8Array, pos: number, end: number): number {
    if (noOffsetText !== "" && noOffsetText !== "+0000" && matchLiteral(noOffsetText, b, pos, end) >= 0 && !(noOffsetText.startsWith("+") && b[pos] !== 0x2b)) {
      if (noOffsetText === "Z") {
        this.f.offset = 0;
        return pos + 1;
      }
    }
    if (pos >= end || (b[pos] !== 0x2b && b[pos] !== 0x2d)) return -1;
    const sign = b[pos] === 0x2d ? -1 : 1;
    let p = pos + 1;
    const two = (): number => {
      if (p + 2 > end || !isDigit(b[p]!) || !isDigit(b[p + 1]!)) return -1;
      const v = (b[p]! - 0x30) * 10 + (b[p + 1]! - 0x30);
      p += 2;
      return v;
    };
    const h = two();
    if (h < 0) return -1;
    let m = 0;
    let s = 0;
    const colon = style.includes(":");
    const wantsMinutes = style !== "+HH";
    const minutesOptional = style === "+HHmm";
    if (wantsMinutes) {
      const before = p;
      if (colon) {
        if (p < end && b[p] === 0x3a) p++;
        else return -1;
      }
      const mm = two();
      if (mm < 0) {
        if (!minutesOptional) return -1;
        p = before;
      } else m = mm;
      if (style === "+HHMMss" || style === "+HH:MM:ss") {
        const before2 = p;
        if (colon && p < end && b[p] === 0x3a) p++;
        const ss = two();
        if (ss < 0) p = before2;
        else s = ss;
      }
    }
    if (h > 18 || m > 59 || s > 59) return -1;
    this.f.offset = sign * (h * 3600 + m * 60 + s);
    return p;
  }

  /** Spark's toLocalDate/toLocalTime over Java's strict resolution; a message on failure. */
  private resolve(out: ParseResult): string | null {
    const f = this.f;
    // Range checks as Java's ChronoField.checkValidValue (NaN, an absent field, passes them all).
    if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > 31 || f.dayOfYear < 1 || f.dayOfYear > 366 || f.hourOfDay < 0 || f.hourOfDay > 23 ||
      f.clockHourOfDay < 1 || f.clockHourOfDay > 24 || f.hourOfAmPm < 0 || f.hourOfAmPm > 11 || f.clockHourOfAmPm < 1 || f.clockHourOfAmPm > 12 ||
      f.minute < 0 || f.minute > 59 || f.second < 0 || f.second > 59) {
      return rangeMessage(f);
    }
    let year = f.year;
    if (!Number.isNaN(f.yearOfEra)) year = f.era === 0 ? 1 - f.yearOfEra : f.yearOfEra;
    if (Number.isNaN(year)) year = 1970;
    let month = f.month;
    let day = f.day;
    if (!Number.isNaN(f.dayOfYear)) {
      const doy = f.dayOfYear;
      if (doy === 366 && !isLeapYear(year)) return `Invalid date 'DayOfYear 366' as '${year}' is not a leap year`;
      const days = daysFromCivil(year, 1, 1) + doy - 1;
      out.days = days;
      if (!Number.isNaN(month) || !Number.isNaN(day)) {
        const d2 = daysFromCivil(year, Number.isNaN(month) ? 1 : month, Number.isNaN(day) ? 1 : day);
        if (d2 !== days) return `Conflict found: Field MonthOfYear differs from the date resolved from DayOfYear`;
      }
    } else {
      if (Number.isNaN(month)) month = 1;
      if (Number.isNaN(day)) day = 1;
      if (day > daysInMonth(year, month)) {
        if (month === 2 && day === 29) return `Invalid date 'February 29' as '${year}' is not a leap year`;
        return `Invalid date '${MONTH_UPPER[month - 1]} ${day}'`;
      }
      out.days = daysFromCivil(year, month, day);
    }
    let hour: number;
    const pm = Number.isNaN(f.amPm) ? NaN : f.amPm;
    if (!Number.isNaN(f.hourOfDay)) hour = f.hourOfDay;
    else if (!Number.isNaN(f.clockHourOfDay)) hour = f.clockHourOfDay % 24;
    else if (!Number.isNaN(f.hourOfAmPm) || !Number.isNaN(f.clockHourOfAmPm)) {
      const h12 = !Number.isNaN(f.hourOfAmPm) ? f.hourOfAmPm : f.clockHourOfAmPm % 12;
      hour = h12 + (pm === 1 ? 12 : 0);
    } else hour = pm === 1 ? 12 : 0;
    const minute = Number.isNaN(f.minute) ? 0 : f.minute;
    const second = Number.isNaN(f.second) ? 0 : f.second;
    out.secondOfDay = hour * 3600 + minute * 60 + second;
    out.micros = Number.isNaN(f.nanos) ? 0 : Math.floor(f.nanos / 1000);
    out.zone = f.zone;
    out.offset = Number.isNaN(f.offset) ? null : f.offset;
    return null;
  }
}

/** Zone abbreviations Java's `z` parser knows for the US locale, mapped to the zones they name. */
const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  PST: "America/Los_Angeles",
  PDT: "America/Los_Angeles",
  MST: "America/Denver",
  MDT: "America/Denver",
  CST: "America/Chicago",
  CDT: "America/Chicago",
  EST: "America/New_York",
  EDT: "America/New_York",
  CET: "CET",
  CEST: "CET",
  BST: "Europe/London",
  JST: "Asia/Tokyo",
  IST: "Asia/Kolkata",
};

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Java reserves the widths of fixed-width numbers that follow a variable-width one directly. */
function reservedWidth(ops: readonly PatternOp[], i: number): number {
  let w = 0;
  for (let k = i + 1; k < ops.length; k++) {
    const o = ops[k]!;
    if (o.op === "number" && o.minWidth === o.maxWidth) w += o.minWidth;
    else if (o.op === "reducedYear") w += 2;
    else if (o.op === "fraction") w += 1;
    else break;
  }
  return w;
}

/** Case-insensitive match of ASCII `text` at b[pos]; the position after it, or -1. */
function matchLiteral(text: string, b: Uint8Array, pos: number, end: number): number {
  if (pos + text.length > end) return -1;
  for (let k = 0; k < text.length; k++) {
    let c = b[pos + k]!;
    let t = text.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if (t >= 0x41 && t <= 0x5a) t += 32;
    if (c !== t) return -1;
  }
  return pos + text.length;
}

/** Java reports character indexes; the text is UTF-8 bytes. */
function charIndex(b: Uint8Array, start: number, pos: number): number {
  let n = 0;
  for (let k = start; k < pos; k++) if ((b[k]! & 0xc0) !== 0x80) n++;
  return n;
}

/** A fresh result holder (reused across rows by kernels). */
export function newParseResult(): ParseResult {
  return { ok: false, days: 0, secondOfDay: 0, micros: 0, zone: null, offset: null, error: "" };
}

/** Java's message for the first field out of range (called only when one is). */
function rangeMessage(f: Fields): string {
  for (const key of Object.keys(RANGE_NAMES) as (keyof Fields)[]) {
    const v = f[key];
    const r = RANGE_NAMES[key]!;
    if (typeof v === "number" && !Number.isNaN(v)) {
      const max = typeof r[2] === "number" ? r[2] : key === "day" ? 31 : 366;
      if (v < r[1] || v > max) return `Invalid value for ${r[0]} (valid values ${r[1]} - ${r[2]}): ${v}`;
    }
  }
  return "Invalid value";
}
