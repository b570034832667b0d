/**
 * A value of Spark's CalendarIntervalType (make_interval, `CAST(s AS INTERVAL)`): months, days
 * and microseconds kept apart, because a month and a day have no fixed length until the
 * interval is added to a date or timestamp. Vectors of this type hold these objects
 * ("values" storage).
 */
export interface CalendarInterval {
  readonly months: number;
  readonly days: number;
  readonly microseconds: bigint;
}

const MICROS_PER_MINUTE = 60_000_000n;
const MICROS_PER_HOUR = 3_600_000_000n;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** A CalendarInterval (no range check: see intervalFits). */
export function calendarInterval(months: number, days: number, microseconds: bigint): CalendarInterval {
  return { months, days, microseconds };
}

/** True when the fields fit Spark's int months, int days and long microseconds. */
export function intervalFits(months: number, days: number, microseconds: bigint): boolean {
  return months >= INT_MIN && months <= INT_MAX && days >= INT_MIN && days <= INT_MAX && microseconds >= LONG_MIN && microseconds <= LONG_MAX;
}

/** True when `v` is a CalendarInterval value. */
export function isCalendarInterval(v: unknown): v is CalendarInterval {
  return typeof v === "object" && v !== null && typeof (v as CalendarInterval).microseconds === "bigint" && typeof (v as CalendarInterval).months === "number";
}

/** `-0.000001`-style seconds text: the microseconds as a plain decimal, trailing zeros stripped. */
function secondsText(micros: bigint): string {
  const neg = micros < 0n;
  const abs = neg ? -micros : micros;
  const whole = abs / 1_000_000n;
  const frac = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac === "" ? "" : `.${frac}`}`;
}

/**
 * Spark's CalendarInterval.toString, which show and CAST(… AS STRING) print: `1 years 2 months
 * 25 days 5 hours 6 minutes 7.5 seconds`, zero units left out, `0 seconds` for the zero interval;
 * each unit keeps its own sign (Java's truncating / and %).
 */
export function calendarIntervalString(v: CalendarInterval): string {
  if (v.months === 0 && v.days === 0 && v.microseconds === 0n) return "0 seconds";
  const parts: string[] = [];
  const unit = (n: number | bigint, name: string): void => {
    if (n !== 0 && n !== 0n) parts.push(`${n} ${name}`);
  };
  if (v.months !== 0) {
    unit(Math.trunc(v.months / 12), "years");
    unit(v.months % 12, "months");
  }
  unit(v.days, "days");
  if (v.microseconds !== 0n) {
    let rest = v.microseconds;
    unit(rest / MICROS_PER_HOUR, "hours");
    rest %= MICROS_PER_HOUR;
    unit(rest / MICROS_PER_MINUTE, "minutes");
    rest %= MICROS_PER_MINUTE;
    if (rest !== 0n) parts.push(`${secondsText(rest)} seconds`);
  }
  return parts.join(" ");
}
