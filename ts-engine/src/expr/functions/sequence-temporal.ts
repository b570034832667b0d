import { SparkException } from "../../errors/spark-exception.js";
import type { DataType } from "../../types/data-type.js";
import { addMonthsToDays, floorDiv } from "../datetime/civil.js";
import type { ZoneRules } from "../datetime/zone-rules.js";

/**
 * sequence over dates and timestamps, as Spark's TemporalSequenceImpl: the step (an interval;
 * one day when absent) splits into months, whole days and microseconds, and element i is
 * start + i·months + i·days on the zone's wall clock, then + i·micros on the instant, while it
 * has not passed stop. Dates run as their midnights in the session zone and come back as the
 * day each element falls on (so a 36-hour step over dates alternates one and two days).
 */

const MICROS_PER_DAY = 86_400_000_000;

/** Spark's SparkIllegalArgumentException with a legacy error class: the raw message, no SQLSTATE. */
function legacyIllegalArgument(errorClass: string, message: string): SparkException {
  return new SparkException("IllegalArgumentException", errorClass, { message }, { rawMessage: message, sqlState: "" });
}

/** The step's (months, days, micros): a YEAR-MONTH interval is months, a DAY-TIME one days and the rest. */
function stepParts(step: number | undefined, stepType: DataType | undefined, ascending: boolean): [number, number, number] {
  // No step: a day forward, or back when start is after stop.
  if (step === undefined || stepType === undefined) return [0, ascending ? 1 : -1, 0];
  if (stepType.kind === "year_month_interval") return [step, 0, 0];
  const days = Math.trunc(step / MICROS_PER_DAY);
  return [0, days, step - days * MICROS_PER_DAY];
}

/** ZonedDateTime.plusMonths(m).plusDays(d) of instant `us` in `zone` (the offset kept where still valid). */
function plusWallClock(us: number, months: number, days: number, zone: ZoneRules, scratch: Int32Array): number {
  if (months === 0 && days === 0) return us;
  const sec = floorDiv(us, 1e6);
  const frac = us - sec * 1e6;
  const off = zone.offsetAt(sec);
  const local = sec + off;
  const d = floorDiv(local, 86400);
  const sod = local - d * 86400;
  const nd = (months !== 0 ? addMonthsToDays(d, months, scratch) : d) + days;
  const nl = nd * 86400 + sod;
  const utc = zone.offsetAt(nl - off) === off ? nl - off : zone.localToUtc(nl);
  return utc * 1e6 + frac;
}

/**
 * The elements from `start` to `stop` (day numbers for dates, microseconds for timestamps) by
 * `step` (months or microseconds, by `stepType`), in `zone` (UTC for timestamp_ntz).
 */
export function temporalSequence(start: number, stop: number, step: number | undefined, stepType: DataType | undefined, isDate: boolean, zone: ZoneRules): number[] {
  const [months, days, micros] = stepParts(step, stepType, start <= stop);
  if (isDate && months === 0 && days === 0) {
    throw legacyIllegalArgument("_LEGACY_ERROR_TEMP_3242", "sequence step must be an interval year to month of day granularity if start and end values are dates");
  }
  const scratch = new Int32Array(3);
  const toMicros = (d: number): number => zone.localToUtc(d * 86400) * 1e6;
  const s = isDate ? toMicros(start) : start;
  const e = isDate ? toMicros(stop) : stop;
  // The direction check uses the step's rough length (a month as 28 days, as Spark estimates it).
  const approx = micros + days * MICROS_PER_DAY + months * 28 * MICROS_PER_DAY;
  const sign = approx > 0 ? 1 : -1;
  if (approx === 0 ? s !== e : (s < e && sign < 0) || (s > e && sign > 0)) {
    throw legacyIllegalArgument("_LEGACY_ERROR_TEMP_3243", `Illegal sequence boundaries: ${s} to ${e} by ${step ?? days}`);
  }
  const out: number[] = [];
  const exclusive = e + sign;
  let t = s;
  for (let i = 0; sign > 0 ? t < exclusive : t > exclusive; ) {
    out.push(isDate ? floorDiv(t / 1e6 + zone.offsetAt(floorDiv(t, 1e6)), 86400) : t);
    i++;
    t = plusWallClock(s, i * months, i * days, zone, scratch) + i * micros;
    if (approx === 0) break;
  }
  return out;
}
