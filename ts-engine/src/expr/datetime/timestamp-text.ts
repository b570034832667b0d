import { daysFromCivil, daysInMonth, floorDiv } from "./civil.js";
import { zoneRules, type ZoneRules } from "./zone-rules.js";

/**
 * Spark's text forms of dates and timestamps for CAST (DateTimeUtils.stringToDate /
 * stringToTimestamp, and the `yyyy-MM-dd HH:mm:ss[.ffffff]` rendering), read from and written to
 * UTF-8 bytes so a cast over a string vector never builds a JS string per row.
 */

/** Spark's UTF8String.trimAll: whitespace and ISO control characters (≤ 0x20) at either end. */
function trimStart(b: Uint8Array, s: number, e: number): number {
  while (s < e && b[s]! <= 0x20) s++;
  return s;
}
function trimEnd(b: Uint8Array, s: number, e: number): number {
  while (e > s && b[e - 1]! <= 0x20) e--;
  return e;
}

/**
 * A date from `[+-]yyyy*[-[m]m[-[d]d[( |T)anything]]]`, as Spark's stringToDate (year of 4–7
 * digits; missing month and day are 1); NaN when malformed or not a real date.
 */
export function parseDateBytes(b: Uint8Array, start: number, end: number): number {
  let j = trimStart(b, start, end);
  const e = trimEnd(b, j, end);
  if (j === e) return NaN;
  let sign = 1;
  if (b[j] === 0x2d || b[j] === 0x2b) {
    sign = b[j] === 0x2d ? -1 : 1;
    j++;
  }
  const seg = [1, 1, 1];
  let i = 0;
  let value = 0;
  let digits = 0;
  while (j < e) {
    const c = b[j]!;
    const d = c - 0x30;
    if (d >= 0 && d <= 9) {
      value = value * 10 + d;
      digits++;
    } else if (i < 2 && c === 0x2d) {
      if (!validDateDigits(i, digits)) return NaN;
      seg[i++] = value;
      value = 0;
      digits = 0;
    } else if (i === 2 && (c === 0x20 || c === 0x54)) {
      break;
    } else {
      return NaN;
    }
    j++;
  }
  if (!validDateDigits(i, digits)) return NaN;
  seg[i] = value;
  const y = sign * seg[0]!;
  const m = seg[1]!;
  const d = seg[2]!;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

function validDateDigits(segment: number, digits: number): boolean {
  return segment === 0 ? digits >= 4 && digits <= 7 : digits > 0 && digits <= 2;
}

function validTsDigits(segment: number, digits: number): boolean {
  // Year: 4–6 digits (a long of microseconds spans ±290k years); the fraction may be any
  // length (truncated to microseconds); date and time fields 1–2 digits.
  if (segment === 0) return digits >= 4 && digits <= 6;
  if (segment === 6) return true;
  return digits > 0 && digits <= 2;
}

const DECODER = new TextDecoder();
const SEG = new Float64Array(7);

/** What a timestamp text names before its zone is applied. */
export interface TimestampFields {
  /** Local date (days since epoch), or NaN when the text held only a time (today's date applies). */
  days: number;
  /** Local second of day and microsecond. */
  secondOfDay: number;
  micros: number;
  /** The zone the text named, or null; undefined when the zone text was invalid. */
  zone: ZoneRules | null | undefined;
}

/**
 * Reads Spark's timestamp text into `out`: `[+-]yyyy*[-[m]m[-[d]d[( |T)[h]h[:[m]m[:[s]s[.f*]]]]]][zone]`
 * or a time alone (`[T][h]h:[m]m[:[s]s[.f*]][zone]`), where the zone (`Z`, `+08:00`,
 * `UTC+8`, ` America/Los_Angeles`) may follow the seconds. False when malformed.
 */
export function readTimestampBytes(b: Uint8Array, start: number, end: number, out: TimestampFields): boolean {
  let j = trimStart(b, start, end);
  const e = trimEnd(b, j, end);
  if (j === e) return false;
  let sign = 0;
  if (b[j] === 0x2d || b[j] === 0x2b) {
    sign = b[j] === 0x2d ? -1 : 1;
    j++;
  }
  // year, month, day, hour, minute, second, fraction (micros); one module-level buffer, reset per row.
  const seg = SEG;
  seg[0] = 1970;
  seg[1] = seg[2] = 1;
  seg[3] = seg[4] = seg[5] = seg[6] = 0;
  let i = 0;
  let value = 0;
  let digits = 0;
  let fracDigits = 0;
  let justTime = false;
  let zoneStart = -1;
  if (b[j] === 0x54 && sign === 0) {
    justTime = true;
    i = 3;
    j++;
  }
  while (j < e) {
    const c = b[j]!;
    const d = c - 0x30;
    if (d >= 0 && d <= 9) {
      if (i === 6) {
        if (fracDigits < 6) value = value * 10 + d;
        fracDigits++;
      } else value = value * 10 + d;
      digits++;
      j++;
      continue;
    }
    if (i < 2) {
      if (c === 0x2d) {
        if (!validTsDigits(i, digits)) return false;
      } else if (i === 0 && c === 0x3a && sign === 0) {
        // `hh:mm…` with no date: the first number was the hour.
        justTime = true;
        if (!validTsDigits(3, digits)) return false;
        seg[3] = value;
        value = 0;
        digits = 0;
        i = 4;
        j++;
        continue;
      } else return false;
    } else if (i === 2) {
      if (c !== 0x20 && c !== 0x54) return false;
      if (!validTsDigits(i, digits)) return false;
    } else if (i === 3 || i === 4) {
      if (c !== 0x3a) return false;
      if (!validTsDigits(i, digits)) return false;
    } else if (i === 5 && c === 0x2e) {
      if (!validTsDigits(i, digits)) return false;
    } else if (i === 5 || i === 6) {
      if (!validTsDigits(i, digits)) return false;
      // The zone starts right after the seconds or the fraction.
      seg[i] = value;
      zoneStart = j;
      break;
    } else return false;
    seg[i++] = value;
    value = 0;
    digits = 0;
    j++;
  }
  if (zoneStart < 0) {
    if (!validTsDigits(i, digits)) return false;
    seg[i] = value;
  }
  let frac = seg[6]!;
  for (let k = Math.min(fracDigits, 6); k < 6; k++) frac *= 10;
  const y = (sign === 0 ? 1 : sign) * seg[0]!;
  const m = seg[1]!;
  const d = seg[2]!;
  const hh = seg[3]!;
  const mi = seg[4]!;
  const ss = seg[5]!;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || hh > 23 || mi > 59 || ss > 59) return false;
  out.days = justTime ? NaN : daysFromCivil(y, m, d);
  out.secondOfDay = hh * 3600 + mi * 60 + ss;
  out.micros = frac;
  if (zoneStart < 0) out.zone = null;
  else {
    const text = DECODER.decode(b.subarray(zoneStart, e)).trim();
    out.zone = zoneRules(text) ?? undefined;
    if (out.zone === undefined) return false;
  }
  return true;
}

const TWO = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  TWO[2 * i] = 0x30 + Math.floor(i / 10);
  TWO[2 * i + 1] = 0x30 + (i % 10);
}

/** Writes a year as Spark prints it: 4 digits, `+` past 9999, `-` before year 1 (proleptic). */
function writeYear(out: Uint8Array, pos: number, y: number): number {
  if (y >= 0 && y <= 9999) {
    out[pos] = TWO[2 * Math.floor(y / 100)]!;
    out[pos + 1] = TWO[2 * Math.floor(y / 100) + 1]!;
    out[pos + 2] = TWO[2 * (y % 100)]!;
    out[pos + 3] = TWO[2 * (y % 100) + 1]!;
    return pos + 4;
  }
  const text = (y < 0 ? "-" : "+") + String(Math.abs(y)).padStart(4, "0");
  for (let k = 0; k < text.length; k++) out[pos + k] = text.charCodeAt(k);
  return pos + text.length;
}

/** Writes two digits of 0–99. */
export function writeTwo(out: Uint8Array, pos: number, v: number): number {
  out[pos] = TWO[2 * v]!;
  out[pos + 1] = TWO[2 * v + 1]!;
  return pos + 2;
}

/** Writes `yyyy-MM-dd` for year/month/day; returns the position after it (at most 13 bytes). */
export function writeDate(out: Uint8Array, pos: number, y: number, m: number, d: number): number {
  pos = writeYear(out, pos, y);
  out[pos++] = 0x2d;
  pos = writeTwo(out, pos, m);
  out[pos++] = 0x2d;
  return writeTwo(out, pos, d);
}

/** Writes ` HH:mm:ss[.f]` for a second of day and microsecond, the fraction without trailing zeros. */
export function writeTime(out: Uint8Array, pos: number, secondOfDay: number, micros: number): number {
  out[pos++] = 0x20;
  pos = writeTwo(out, pos, Math.floor(secondOfDay / 3600));
  out[pos++] = 0x3a;
  pos = writeTwo(out, pos, Math.floor((secondOfDay % 3600) / 60));
  out[pos++] = 0x3a;
  pos = writeTwo(out, pos, secondOfDay % 60);
  if (micros !== 0) {
    out[pos++] = 0x2e;
    let div = 100000;
    let rest = micros;
    while (rest !== 0) {
      const dgt = Math.floor(rest / div);
      out[pos++] = 0x30 + dgt;
      rest -= dgt * div;
      div /= 10;
    }
  }
  return pos;
}

/** Splits microseconds since the epoch into whole seconds (floor) and micro-of-second. */
export function splitMicros(us: number): [number, number] {
  const s = floorDiv(us, 1e6);
  return [s, us - s * 1e6];
}
