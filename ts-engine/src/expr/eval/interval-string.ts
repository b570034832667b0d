import type { DayTimeIntervalType, YearMonthIntervalType } from "../../types/data-type.js";
import { DAY_TIME_FIELDS, YEAR_MONTH_FIELDS } from "../../types/data-type.js";

const MICROS_PER_SECOND = 1_000_000n;
const MICROS_PER_MINUTE = 60n * MICROS_PER_SECOND;
const MICROS_PER_HOUR = 60n * MICROS_PER_MINUTE;
const MICROS_PER_DAY = 24n * MICROS_PER_HOUR;
const LONG_MIN = -(2n ** 63n);

const pad2 = (x: bigint): string => x.toString().padStart(2, "0");

/** Seconds with up to 6 fraction digits, trailing zeros stripped, one leading zero below 10 s (Spark's ANSI style). */
function secondsText(rest: bigint): string {
  const whole = rest / MICROS_PER_SECOND;
  const frac = (rest % MICROS_PER_SECOND).toString().padStart(6, "0").replace(/0+$/, "");
  const lead = rest < 10n * MICROS_PER_SECOND ? "0" : "";
  return `${lead}${whole}${frac === "" ? "" : `.${frac}`}`;
}

function suffix(names: readonly string[], start: number, end: number): string {
  const from = names[start]!.toUpperCase();
  return start === end ? from : `${from} TO ${names[end]!.toUpperCase()}`;
}

/**
 * A day-time interval (microseconds) as Spark's ANSI text, `INTERVAL '1 02:03:04.5' DAY TO SECOND`
 * (IntervalUtils.toDayTimeIntervalString): the start field unbounded, later fields two digits.
 */
export function dayTimeIntervalString(micros: number | bigint, t: DayTimeIntervalType): string {
  const start = t.startField;
  const end = t.endField;
  const post = `' ${suffix(DAY_TIME_FIELDS, start, end)}`;
  let rest = BigInt(micros);
  let sign = "";
  if (rest === LONG_MIN) {
    // -Long.MinValue overflows: Spark spells this one value out.
    const base = "-106751991 04:00:54.775808000";
    const first = ["-106751991", "-2562047788", "-153722867280", "-9223372036854.775808"][start]!;
    const follow = start === end ? "" : base.substring([10, 13, 16][start]!, [0, 13, 16, 26][end]!);
    return `INTERVAL '${first}${follow}${post}`;
  }
  if (rest < 0n) {
    sign = "-";
    rest = -rest;
  }
  let out = sign;
  switch (start) {
    case 0:
      out += (rest / MICROS_PER_DAY).toString();
      rest %= MICROS_PER_DAY;
      break;
    case 1:
      out += pad2(rest / MICROS_PER_HOUR);
      rest %= MICROS_PER_HOUR;
      break;
    case 2:
      out += pad2(rest / MICROS_PER_MINUTE);
      rest %= MICROS_PER_MINUTE;
      break;
    default:
      out += secondsText(rest);
  }
  if (start < 1 && end >= 1) {
    out += ` ${pad2(rest / MICROS_PER_HOUR)}`;
    rest %= MICROS_PER_HOUR;
  }
  if (start < 2 && end >= 2) {
    out += `:${pad2(rest / MICROS_PER_MINUTE)}`;
    rest %= MICROS_PER_MINUTE;
  }
  if (start < 3 && end >= 3) out += `:${secondsText(rest)}`;
  return `INTERVAL '${out}${post}`;
}

/** A year-month interval (months) as Spark's ANSI text, `INTERVAL '1-2' YEAR TO MONTH`. */
export function yearMonthIntervalString(months: number, t: YearMonthIntervalType): string {
  const abs = Math.abs(months);
  const sign = months < 0 ? "-" : "";
  const year = `${sign}${Math.floor(abs / 12)}`;
  const body = t.startField !== t.endField ? `${year}-${abs % 12}` : t.startField === 0 ? year : String(months);
  return `INTERVAL '${body}' ${suffix(YEAR_MONTH_FIELDS, t.startField, t.endField)}`;
}
