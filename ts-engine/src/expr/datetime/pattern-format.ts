import type { Utf8Builder } from "../../columnar/utf8.js";
import { assertNever } from "../../errors/assert-never.js";
import { civilInto, dayOfYear, isoDayOfWeek } from "./civil.js";
import type { MonthNames } from "./month-names.js";
import type { CompiledPattern, NumField, OffsetStyle, PatternOp, SignStyle, TextField } from "./pattern.js";
import { zoneName } from "./zone-names.js";
import type { ZoneRules } from "./zone-rules.js";

/** English names, as Java's default (US) locale prints them. */
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const QUARTERS_FULL = ["1st quarter", "2nd quarter", "3rd quarter", "4th quarter"];

/** Writes one op's text at buf[pos]; returns the position after it. */
type Writer = (buf: Uint8Array, pos: number, f: RowFields) => number;

function writeTwoDigits(buf: Uint8Array, pos: number, v: number): number {
  buf[pos] = 0x30 + Math.floor(v / 10);
  buf[pos + 1] = 0x30 + (v % 10);
  return pos + 2;
}

/** The fields of one local date-time that formatting reads; filled once per row. */
interface RowFields {
  year: number;
  month: number;
  day: number;
  /** Days since epoch of the local date. */
  days: number;
  secondOfDay: number;
  micros: number;
  offset: number;
  epochSecond: number;
}

/**
 * Formats local date-times with a compiled pattern into UTF-8, as Spark's date_format /
 * from_unixtime (DateTimeFormatter.format) do. One instance per kernel call; `format` runs per
 * row over the pattern's ops and writes bytes straight into the builder.
 */
export class PatternFormatter {
  private readonly ymd = new Int32Array(3);
  private readonly f: RowFields = { year: 0, month: 0, day: 0, days: 0, secondOfDay: 0, micros: 0, offset: 0, epochSecond: 0 };
  private readonly maxBytes: number;
  /** One writer per op, built once: the per-row loop calls them without dispatching on op kinds. */
  private readonly writers: readonly Writer[];

  /** `months`: a locale's month names (the `locale` option of file sinks); English by default. */
  constructor(
    private readonly pattern: CompiledPattern,
    private readonly zone: ZoneRules,
    private readonly months?: MonthNames,
  ) {
    this.maxBytes = bound(pattern.ops);
    this.writers = pattern.ops.map((op) => this.writerOf(op));
  }

  /** True when formatting needs the zone (an offset or zone-name letter). */
  get usesZone(): boolean {
    return this.pattern.usesZone;
  }

  /**
   * Appends the text for local days `days`, second of day, microsecond, and the zone offset at
   * that instant (epochSecond is the UTC instant, for zone names).
   */
  format(out: Utf8Builder, days: number, secondOfDay: number, micros: number, offset: number, epochSecond: number): void {
    const f = this.f;
    civilInto(days, this.ymd);
    f.year = this.ymd[0]!;
    f.month = this.ymd[1]!;
    f.day = this.ymd[2]!;
    f.days = days;
    f.secondOfDay = secondOfDay;
    f.micros = micros;
    f.offset = offset;
    f.epochSecond = epochSecond;
    const buf = out.reserve(this.maxBytes);
    const start = out.position();
    let pos = start;
    const w = this.writers;
    for (let k = 0; k < w.length; k++) pos = w[k]!(buf, pos, f);
    out.commit(pos - start);
  }

  /** The writer for one op: literal bytes and two-digit fields get dedicated closures (the common patterns). */
  private writerOf(op: PatternOp): Writer {
    if (op.op === "literal" && /^[\x00-\x7f]*$/.test(op.text)) {
      const bytes = Array.from(op.text, (c) => c.charCodeAt(0));
      if (bytes.length === 1) {
        const c = bytes[0]!;
        return (buf, pos) => {
          buf[pos] = c;
          return pos + 1;
        };
      }
      return (buf, pos) => {
        for (let k = 0; k < bytes.length; k++) buf[pos + k] = bytes[k]!;
        return pos + bytes.length;
      };
    }
    if (op.op === "number" && op.minWidth === 2 && op.maxWidth === 2) {
      const field = op.field;
      if (field === "month") return (buf, pos, f) => writeTwoDigits(buf, pos, f.month);
      if (field === "day") return (buf, pos, f) => writeTwoDigits(buf, pos, f.day);
      if (field === "hourOfDay") return (buf, pos, f) => writeTwoDigits(buf, pos, Math.floor(f.secondOfDay / 3600));
      if (field === "minute") return (buf, pos, f) => writeTwoDigits(buf, pos, Math.floor((f.secondOfDay % 3600) / 60));
      if (field === "second") return (buf, pos, f) => writeTwoDigits(buf, pos, f.secondOfDay % 60);
    }
    if (op.op === "number" && op.field === "year" && op.minWidth === 4) {
      return (buf, pos, f) => {
        const y = f.year;
        if (y < 0 || y > 9999) return writeNumber(buf, pos, y, 4, op.sign);
        buf[pos] = 0x30 + Math.floor(y / 1000);
        buf[pos + 1] = 0x30 + (Math.floor(y / 100) % 10);
        buf[pos + 2] = 0x30 + (Math.floor(y / 10) % 10);
        buf[pos + 3] = 0x30 + (y % 10);
        return pos + 4;
      };
    }
    return (buf, pos) => this.writeOp(op, buf, pos);
  }

  private writeOps(ops: readonly PatternOp[], buf: Uint8Array, pos: number): number {
    for (const op of ops) pos = this.writeOp(op, buf, pos);
    return pos;
  }

  private writeOp(op: PatternOp, buf: Uint8Array, pos: number): number {
    const f = this.f;
    switch (op.op) {
      case "literal":
        return writeAscii(buf, pos, op.text);
      case "number":
        return writeNumber(buf, pos, numValue(op.field, f), op.minWidth, op.sign);
      case "reducedYear": {
        const y = op.field === "year" ? f.year : f.year <= 0 ? 1 - f.year : f.year;
        const r = ((y % 100) + 100) % 100;
        buf[pos] = 0x30 + Math.floor(r / 10);
        buf[pos + 1] = 0x30 + (r % 10);
        return pos + 2;
      }
      case "fraction": {
        let div = 100000;
        const digits = Math.min(op.width, 6);
        for (let k = 0; k < digits; k++) {
          buf[pos++] = 0x30 + (Math.floor(f.micros / div) % 10);
          div /= 10;
        }
        for (let k = digits; k < op.width; k++) buf[pos++] = 0x30;
        return pos;
      }
      case "text":
        return writeAscii(buf, pos, textValue(op.field, op.style, f, this.months));
      case "offset":
        return writeAscii(buf, pos, formatOffset(f.offset, op.pattern, op.noOffsetText));
      case "localizedOffset":
        return writeAscii(buf, pos, localizedOffset(f.offset, op.full));
      case "zoneId":
        return writeString(buf, pos, this.zone.id);
      case "zoneName":
        return writeString(buf, pos, zoneName(this.zone, f.epochSecond, f.offset, op.full, op.generic));
      case "optional":
        // Every field a date-time has is available, so an optional section always prints.
        return this.writeOps(op.ops, buf, pos);
      default:
        return assertNever(op);
    }
  }
}

function bound(ops: readonly PatternOp[]): number {
  let n = 0;
  for (const op of ops) n += op.op === "literal" ? op.text.length * 3 : op.op === "optional" ? bound(op.ops) : 96;
  return n;
}

function numValue(field: NumField, f: RowFields): number {
  switch (field) {
    case "year":
      return f.year;
    case "yearOfEra":
      return f.year <= 0 ? 1 - f.year : f.year;
    case "month":
      return f.month;
    case "day":
      return f.day;
    case "dayOfYear":
      return dayOfYear(f.days);
    case "quarter":
      return Math.floor((f.month - 1) / 3) + 1;
    case "hourOfDay":
      return Math.floor(f.secondOfDay / 3600);
    case "clockHourOfDay": {
      const h = Math.floor(f.secondOfDay / 3600);
      return h === 0 ? 24 : h;
    }
    case "hourOfAmPm":
      return Math.floor(f.secondOfDay / 3600) % 12;
    case "clockHourOfAmPm": {
      const h = Math.floor(f.secondOfDay / 3600) % 12;
      return h === 0 ? 12 : h;
    }
    case "minute":
      return Math.floor((f.secondOfDay % 3600) / 60);
    case "second":
      return f.secondOfDay % 60;
    case "alignedDayOfWeekInMonth":
      return ((f.day - 1) % 7) + 1;
    default:
      return assertNever(field);
  }
}

function textValue(field: TextField, style: "short" | "full" | "narrow", f: RowFields, months: MonthNames | undefined): string {
  switch (field) {
    case "month": {
      if (months !== undefined && style !== "narrow") return (style === "full" ? months.full : months.short)[f.month - 1]!;
      const name = MONTHS[f.month - 1]!;
      return style === "full" ? name : style === "narrow" ? name[0]! : name.slice(0, 3);
    }
    case "dayOfWeek": {
      const name = DAYS[isoDayOfWeek(f.days) - 1]!;
      return style === "full" ? name : style === "narrow" ? name[0]! : name.slice(0, 3);
    }
    case "era": {
      const ad = f.year > 0;
      if (style === "full") return ad ? "Anno Domini" : "Before Christ";
      if (style === "narrow") return ad ? "A" : "B";
      return ad ? "AD" : "BC";
    }
    case "amPm":
      return f.secondOfDay < 43200 ? "AM" : "PM";
    case "quarter": {
      const q = Math.floor((f.month - 1) / 3);
      return style === "full" ? QUARTERS_FULL[q]! : style === "narrow" ? String(q + 1) : `Q${q + 1}`;
    }
    default:
      return assertNever(field);
  }
}

/** Java's appendValue printing: zero-padded to minWidth; EXCEEDS_PAD adds `+` past the pad width. */
function writeNumber(buf: Uint8Array, pos: number, value: number, minWidth: number, sign: SignStyle): number {
  const abs = Math.abs(value);
  let digits = 1;
  for (let t = abs; t >= 10; t = Math.floor(t / 10)) digits++;
  if (value < 0) buf[pos++] = 0x2d;
  else if (sign === "exceedsPad" && digits > minWidth) buf[pos++] = 0x2b;
  for (let k = digits; k < minWidth; k++) buf[pos++] = 0x30;
  let rest = abs;
  for (let p = pos + digits - 1; p >= pos; p--) {
    buf[p] = 0x30 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return pos + digits;
}

function writeAscii(buf: Uint8Array, pos: number, s: string): number {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x80) return writeString(buf, pos, s);
  }
  for (let k = 0; k < s.length; k++) buf[pos + k] = s.charCodeAt(k);
  return pos + s.length;
}

const encoder = new TextEncoder();

function writeString(buf: Uint8Array, pos: number, s: string): number {
  return pos + encoder.encodeInto(s, buf.subarray(pos)).written;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Java's OffsetIdPrinterParser output for X, x and Z. */
export function formatOffset(offset: number, style: OffsetStyle, noOffsetText: string): string {
  if (offset === 0) return noOffsetText;
  const a = Math.abs(offset);
  const h = Math.floor(a / 3600);
  const m = Math.floor((a % 3600) / 60);
  const s = a % 60;
  const sign = offset < 0 ? "-" : "+";
  switch (style) {
    case "+HH":
      return `${sign}${two(h)}`;
    case "+HHmm":
      return m === 0 ? `${sign}${two(h)}` : `${sign}${two(h)}${two(m)}`;
    case "+HHMM":
      return `${sign}${two(h)}${two(m)}`;
    case "+HH:MM":
      return `${sign}${two(h)}:${two(m)}`;
    case "+HHMMss":
      return `${sign}${two(h)}${two(m)}${s === 0 ? "" : two(s)}`;
    case "+HH:MM:ss":
      return `${sign}${two(h)}:${two(m)}${s === 0 ? "" : `:${two(s)}`}`;
    default:
      return assertNever(style);
  }
}

/** Java's localized offset (`O`, `ZZZZ`): `GMT`, `GMT+8`, `GMT+05:30`. */
function localizedOffset(offset: number, full: boolean): string {
  if (offset === 0) return "GMT";
  const a = Math.abs(offset);
  const h = Math.floor(a / 3600);
  const m = Math.floor((a % 3600) / 60);
  const s = a % 60;
  const sign = offset < 0 ? "-" : "+";
  if (full) return `GMT${sign}${two(h)}:${two(m)}${s === 0 ? "" : `:${two(s)}`}`;
  return `GMT${sign}${h}${m === 0 && s === 0 ? "" : `:${two(m)}`}${s === 0 ? "" : `:${two(s)}`}`;
}
