import { calendarInterval, intervalFits, type CalendarInterval } from "../../columnar/calendar-interval.js";

/** Microseconds per unit of Spark's multi-unit interval strings (months and days kept apart). */
const UNITS: Readonly<Record<string, { readonly field: "months" | "days" | "micros"; readonly scale: bigint }>> = {
  year: { field: "months", scale: 12n },
  month: { field: "months", scale: 1n },
  week: { field: "days", scale: 7n },
  day: { field: "days", scale: 1n },
  hour: { field: "micros", scale: 3_600_000_000n },
  minute: { field: "micros", scale: 60_000_000n },
  second: { field: "micros", scale: 1_000_000n },
  millisecond: { field: "micros", scale: 1_000n },
  microsecond: { field: "micros", scale: 1n },
};

const TOKEN = /^([+-]?)\s*(\d+)(?:\.(\d*))?\s*([a-z]+)$/;

/**
 * Spark's IntervalUtils.stringToInterval for CAST(s AS INTERVAL): an optional `interval`
 * prefix, then `<number> <unit>` pairs (`1 year 2 months 3 days 4 hours 5.5 seconds`), units
 * singular or plural, case-insensitive; only seconds take a fraction (to microseconds).
 * Null when the text is not such a list or a field overflows.
 */
export function parseCalendarInterval(text: string): CalendarInterval | null {
  let s = text.trim().toLowerCase();
  if (s.startsWith("interval")) s = s.slice("interval".length).trim();
  if (s === "") return null;
  const words = s.split(/\s+/);
  let months = 0n;
  let days = 0n;
  let micros = 0n;
  for (let i = 0; i < words.length; ) {
    // A sign may stand apart from its number ("- 3 days").
    let num = words[i]!;
    if ((num === "-" || num === "+") && i + 1 < words.length) num += words[++i]!;
    const unitWord = words[i + 1];
    if (unitWord === undefined) return null;
    const m = TOKEN.exec(`${num}${unitWord}`);
    if (m === null) return null;
    const unitName = m[4]!.endsWith("s") ? m[4]!.slice(0, -1) : m[4]!;
    const unit = UNITS[unitName];
    if (unit === undefined) return null;
    const frac = m[3] ?? "";
    if (frac !== "" && unitName !== "second") return null;
    const sign = m[1] === "-" ? -1n : 1n;
    if (unit.field === "micros") {
      const fracMicros = unitName === "second" ? BigInt(frac.padEnd(6, "0").slice(0, 6) || "0") : 0n;
      micros += sign * (BigInt(m[2]!) * unit.scale + fracMicros);
    } else if (unit.field === "days") days += sign * BigInt(m[2]!) * unit.scale;
    else months += sign * BigInt(m[2]!) * unit.scale;
    i += 2;
  }
  if (!intervalFits(Number(months), Number(days), micros)) return null;
  return calendarInterval(Number(months), Number(days), micros);
}
