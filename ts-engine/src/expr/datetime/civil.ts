/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), as Spark 3+
 * uses for DateType: integer formulas (Howard Hinnant's civil_from_days / days_from_civil),
 * no Date objects, so kernels can run them per row over typed arrays.
 */

/** Days since epoch → year. */
export function yearOfDays(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

/**
 * Days since epoch → year, month (1–12) and day (1–31), written into `out` (reused by callers
 * in their loops so no array is allocated per row).
 */
export function civilInto(days: number, out: Int32Array): void {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
}

/** Days since epoch → [year, month 1–12, day]. */
export function civilFromDays(days: number): [number, number, number] {
  // Its own scratch keeps civilInto's call sites monomorphic (Int32Array only), which V8 needs to inline it.
  civilInto(days, SCRATCH);
  return [SCRATCH[0]!, SCRATCH[1]!, SCRATCH[2]!];
}

const SCRATCH = new Int32Array(3);

/** [year, month, day] → days since epoch (month and day must be in range). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** True for Gregorian leap years. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!;
}

/** ISO day of week, Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday). */
export function isoDayOfWeek(days: number): number {
  const r = (days + 3) % 7;
  return (r < 0 ? r + 7 : r) + 1;
}

/** Day of year, 1–366. */
export function dayOfYear(days: number): number {
  return days - daysFromCivil(yearOfDays(days), 1, 1) + 1;
}

/** ISO-8601 week-based year and week (weeks start Monday; week 1 holds the year's first Thursday). */
export function isoWeek(days: number): [number, number] {
  const thursday = days - isoDayOfWeek(days) + 4;
  const y = yearOfDays(thursday);
  return [y, Math.floor((thursday - daysFromCivil(y, 1, 1)) / 7) + 1];
}

/**
 * Spark's add_months / `date + interval n months`: the same day of month `n` months on, clamped
 * to the month's last day (Java's LocalDate.plusMonths).
 */
export function addMonthsToDays(days: number, months: number, scratch: Int32Array): number {
  civilInto(days, scratch);
  const total = scratch[0]! * 12 + (scratch[1]! - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(scratch[2]!, daysInMonth(y, m)));
}

/** Floor division that works for negatives (epoch seconds before 1970). */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Floor modulus, the companion of floorDiv. */
export function floorMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
}
