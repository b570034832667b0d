import { calendarInterval, intervalFits, type CalendarInterval } from "../../columnar/calendar-interval.js";
import { vectorFromValues } from "../../columnar/builder.js";
import type { Vector } from "../../columnar/vector.js";
import { CalendarIntervalType } from "../../types/data-type.js";
import { arithmeticOverflow } from "../eval/errors.js";
import { valueAt } from "../eval/vectors.js";

/**
 * Calendar-interval arithmetic (Spark's IntervalUtils.add / subtract / negateExact): each
 * field with Java's exact int (months, days) and long (microseconds) math; an overflow raises
 * ARITHMETIC_OVERFLOW under ANSI and gives null otherwise.
 */
function exact(months: number, days: number, micros: bigint, ansi: boolean, tryFn: string | null): CalendarInterval | null {
  if (intervalFits(months, days, micros)) return calendarInterval(months, days, micros);
  if (!ansi) return null;
  throw arithmeticOverflow(intervalFits(months, days, 0n) ? "long" : "integer", tryFn);
}

/** `a ± b` of two calendar intervals, field by field. */
export function calendarAddSub(op: "+" | "-", a: Vector, b: Vector, ansi: boolean): Vector {
  const s = op === "+" ? 1 : -1;
  const out: (CalendarInterval | null)[] = new Array<CalendarInterval | null>(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = valueAt(a, i) as CalendarInterval | null;
    const y = valueAt(b, i) as CalendarInterval | null;
    out[i] = x === null || y === null ? null : exact(x.months + s * y.months, x.days + s * y.days, x.microseconds + BigInt(s) * y.microseconds, ansi, op === "+" ? "try_add" : "try_subtract");
  }
  return vectorFromValues(CalendarIntervalType, out);
}

/** `-a` of a calendar interval (negateExact per field: the minimum int or long overflows). */
export function calendarNegate(a: Vector, ansi: boolean): Vector {
  const out: (CalendarInterval | null)[] = new Array<CalendarInterval | null>(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = valueAt(a, i) as CalendarInterval | null;
    out[i] = x === null ? null : exact(-x.months, -x.days, -x.microseconds, ansi, null);
  }
  return vectorFromValues(CalendarIntervalType, out);
}
