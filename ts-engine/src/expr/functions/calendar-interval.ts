import { calendarInterval, intervalFits, type CalendarInterval } from "../../columnar/calendar-interval.js";
import { unscaled } from "../../columnar/decimal-value.js";
import { CalendarIntervalType, IntegerType, decimalType, isNumeric } from "../../types/data-type.js";
import { arithmeticOverflow } from "../eval/errors.js";
import { SparkException } from "../../errors/spark-exception.js";
import { implicitCast, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";
import { exprType } from "../expr-type.js";
import { doc, lit, rowFunction } from "./row-function.js";

// make_interval / try_make_interval: Spark's MakeInterval, a CalendarIntervalType value of
// months (years·12 + months), days (weeks·7 + days) and microseconds (hours, minutes and the
// decimal(18,6) seconds), each with Java's exact int/long arithmetic.

const SECS = decimalType(18, 6);
const MICROS_PER_HOUR = 3_600_000_000n;
const MICROS_PER_MINUTE = 60_000_000n;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** IntervalUtils.makeInterval, or the overflow's type word ("integer" or "long") when a step overflows. */
function makeInterval(years: number, months: number, weeks: number, days: number, hours: number, mins: number, secs: string): CalendarInterval | "integer" | "long" {
  const yearMonths = years * 12;
  if (yearMonths < INT_MIN || yearMonths > INT_MAX) return "integer";
  const totalMonths = months + yearMonths;
  if (totalMonths < INT_MIN || totalMonths > INT_MAX) return "integer";
  const weekDays = weeks * 7;
  if (weekDays < INT_MIN || weekDays > INT_MAX) return "integer";
  const totalDays = days + weekDays;
  if (totalDays < INT_MIN || totalDays > INT_MAX) return "integer";
  let micros = unscaled(secs, 6);
  for (const step of [BigInt(hours) * MICROS_PER_HOUR, BigInt(mins) * MICROS_PER_MINUTE]) {
    if (step < LONG_MIN || step > LONG_MAX) return "long";
    micros += step;
    if (micros < LONG_MIN || micros > LONG_MAX) return "long";
  }
  return intervalFits(totalMonths, totalDays, micros) ? calendarInterval(totalMonths, totalDays, micros) : "long";
}

function makeIntervalDef(name: string, tolerant: boolean): ScalarFunctionDef {
  const zero = lit(0, IntegerType);
  const inner = rowFunction({
    name,
    doc: doc(
      `${name}([years[, months[, weeks[, days[, hours[, mins[, secs]]]]]]])`,
      tolerant
        ? "Makes a calendar interval as make_interval, but gives null where make_interval overflows."
        : "Makes a calendar interval from years, months, weeks, days, hours, minutes and (fractional) seconds; absent fields are 0; overflow raises ARITHMETIC_OVERFLOW (null with ANSI off).",
    ),
    params: ["int", "int", "int", "int", "int", "int", "any"],
    minArgs: 0,
    maxArgs: 7,
    defaults: [zero, zero, zero, zero, zero, zero, lit("0.000000", SECS)],
    result: CalendarIntervalType,
    mayReturnNull: tolerant,
    row: ([y, mo, w, d, h, mi, s], _state, ctx) => {
      const v = makeInterval(y as number, mo as number, w as number, d as number, h as number, mi as number, s as string);
      if (typeof v !== "string") return v;
      if (tolerant || !ctx.ansi) return null;
      // Spark 4.0.1 names no try_ function here.
      throw arithmeticOverflow(v, null);
    },
  });
  return {
    ...inner,
    resolve(n, given) {
      const call = inner.resolve(n, given);
      if (call.kind !== "ScalarCall") return call;
      const secs = call.args[6]!;
      const t = exprType(secs);
      if (!isNumeric(t) && t.kind !== "string" && t.kind !== "null") throw unexpectedInputType(call, 6, secs, '"DECIMAL(18,6)"');
      return { ...call, args: [...call.args.slice(0, 6), implicitCast(secs, SECS)] };
    },
  };
}

const MICROS_PER_DAY = 86_400_000_000;

/**
 * IntervalUtils.fromDoubles: months and days truncate to ints (a month's fraction is dropped,
 * a day's fraction moves into the microseconds), microseconds round half up.
 */
function fromDoubles(months: number, days: number, micros: number, ansi: boolean): CalendarInterval | null {
  const m = Math.trunc(months);
  const d = Math.trunc(days);
  const us = BigInt(Math.round(micros + MICROS_PER_DAY * (days - d)));
  if (Number.isFinite(months) && Number.isFinite(days) && intervalFits(m, d, us)) return calendarInterval(m, d, us);
  if (!ansi) return null;
  throw arithmeticOverflow("integer", null);
}

/** `interval * num` / `interval / num` (Spark's MultiplyInterval / DivideInterval), what `*` and `/` resolve to. */
function scaleIntervalDef(name: "multiply_interval" | "divide_interval"): ScalarFunctionDef {
  return rowFunction({
    name,
    doc: doc(`${name}(interval, num)`, `The calendar interval ${name === "multiply_interval" ? "times" : "divided by"} a number, field by field (what \`${name === "multiply_interval" ? "*" : "/"}\` resolves to).`),
    params: ["any", "double"],
    result: CalendarIntervalType,
    mayReturnNull: true,
    row: ([iv, num], _s, ctx) => {
      const x = iv as CalendarInterval;
      const k = num as number;
      if (name === "divide_interval") {
        if (k === 0) throw new SparkException("ArithmeticException", "INTERVAL_DIVIDED_BY_ZERO", {});
        return fromDoubles(x.months / k, x.days / k, Number(x.microseconds) / k, ctx.ansi);
      }
      return fromDoubles(x.months * k, x.days * k, Number(x.microseconds) * k, ctx.ansi);
    },
  });
}

/** Registry entries for the calendar-interval constructors and scaling. */
export const CALENDAR_INTERVAL_FUNCTIONS: readonly ScalarFunctionDef[] = [
  makeIntervalDef("make_interval", false),
  makeIntervalDef("try_make_interval", true),
  scaleIntervalDef("multiply_interval"),
  scaleIntervalDef("divide_interval"),
];
