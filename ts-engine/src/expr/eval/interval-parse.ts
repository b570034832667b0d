import { IllegalArgumentException } from "../../errors/spark-exception.js";
import {
  DAY_TIME_FIELDS,
  YEAR_MONTH_FIELDS,
  type DayTimeIntervalType,
  type YearMonthIntervalType,
} from "../../types/data-type.js";

const MICROS_PER_FIELD: readonly bigint[] = [86_400_000_000n, 3_600_000_000n, 60_000_000n, 1_000_000n];
/** Upper bounds of the non-leading day-time fields (hour, minute, second). */
const FIELD_MAX: readonly number[] = [Infinity, 23, 59, 59];
const LONG_MAX = 2n ** 63n - 1n;

/** The day-time text pattern for fields start..end: `d h:m:s.f` with only those parts. */
function dayTimePattern(start: number, end: number): RegExp {
  const seps = ["", " ", ":", ":"];
  let body = "";
  for (let f = start; f <= end; f++) body += `${f === start ? "" : seps[f]!}(\\d+)`;
  if (end === 3) body += "(?:\\.(\\d{1,9}))?";
  return new RegExp(`^([+-])?${body}$`);
}

const DT_PATTERNS = new Map<string, RegExp>();

/** The bare value text of `INTERVAL '<text>' <qualifier>` (or the text itself), with a sign in front when given. */
function unwrap(text: string, qualifier: string): string | null {
  const t = text.trim();
  const m = /^interval\s*([+-])?\s*'([^']*)'\s*(.*)$/i.exec(t);
  if (m === null) return t;
  if (m[3]!.trim().replace(/\s+/g, " ").toLowerCase() !== qualifier) return null;
  const inner = m[2]!.trim();
  if (m[1] !== "-") return inner;
  return inner.startsWith("-") ? inner.slice(1) : `-${inner.replace(/^\+/, "")}`;
}

/**
 * Microseconds of a day-time interval text for fields start..end (`1 02:03:04.5` for DAY TO
 * SECOND, `10:20` for HOUR TO MINUTE), also in `INTERVAL '…' DAY TO SECOND` form, as Spark's
 * IntervalUtils.castStringToDTInterval; null when it does not match. A later field out of
 * range (hour 0–23, minute and second 0–59) raises Spark's `requirement failed` error.
 */
export function parseDayTimeInterval(text: string, t: DayTimeIntervalType): bigint | null {
  const qualifier = t.startField === t.endField ? DAY_TIME_FIELDS[t.startField]! : `${DAY_TIME_FIELDS[t.startField]!} to ${DAY_TIME_FIELDS[t.endField]!}`;
  const body = unwrap(text, qualifier);
  if (body === null) return null;
  const key = `${t.startField}-${t.endField}`;
  let re = DT_PATTERNS.get(key);
  if (re === undefined) {
    re = dayTimePattern(t.startField, t.endField);
    DT_PATTERNS.set(key, re);
  }
  const m = re.exec(body);
  if (m === null) return null;
  let micros = 0n;
  for (let f = t.startField, g = 2; f <= t.endField; f++, g++) {
    const v = Number(m[g]!);
    if (f !== t.startField && v > FIELD_MAX[f]!) {
      // Spark's require() in IntervalUtils: no error class, whatever the ANSI mode.
      throw new IllegalArgumentException(`requirement failed: ${DAY_TIME_FIELDS[f]!} ${v} outside range [0, ${FIELD_MAX[f]!}]`);
    }
    micros += BigInt(m[g]!) * MICROS_PER_FIELD[f]!;
  }
  if (t.endField === 3) {
    const frac = m[t.endField - t.startField + 3];
    if (frac !== undefined) micros += BigInt(frac.padEnd(9, "0").slice(0, 6));
  }
  if (micros > LONG_MAX) return null;
  return m[1] === "-" ? -micros : micros;
}

/** Months of a year-month interval text (`1-2` for YEAR TO MONTH, `5` for MONTH), as castStringToYMInterval; null when malformed. */
export function parseYearMonthInterval(text: string, t: YearMonthIntervalType): number | null {
  const qualifier = t.startField === t.endField ? YEAR_MONTH_FIELDS[t.startField]! : "year to month";
  const body = unwrap(text, qualifier);
  if (body === null) return null;
  const re = t.startField !== t.endField ? /^([+-])?(\d+)-(\d+)$/ : /^([+-])?(\d+)$/;
  const m = re.exec(body);
  if (m === null) return null;
  let months: number;
  if (t.startField !== t.endField) {
    const mm = Number(m[3]!);
    if (mm > 11) return null;
    months = Number(m[2]!) * 12 + mm;
  } else months = t.startField === 0 ? Number(m[2]!) * 12 : Number(m[2]!);
  // an int of months: -2147483648 (INTERVAL '-178956970-8' YEAR TO MONTH) fits, +2147483648 does not
  if (months > (m[1] === "-" ? 2147483648 : 2147483647)) return null;
  return m[1] === "-" ? -months : months;
}
