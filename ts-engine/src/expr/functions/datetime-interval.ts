import { expectStorage, makeVector, numberData, type Vector } from "../../columnar/vector.js";
import { SparkException } from "../../errors/spark-exception.js";
import type { CalendarInterval } from "../../columnar/calendar-interval.js";
import {
  CalendarIntervalType,
  DateType,
  IntegerType,
  TimestampType,
  dayTimeIntervalType,
  decimalType,
  yearMonthIntervalType,
  type DataType,
} from "../../types/data-type.js";
import { addMonthsToDays, floorDiv } from "../datetime/civil.js";
import { zoneRulesOrUtc, type ZoneRules } from "../datetime/zone-rules.js";
import { compactValidity, dateVector, daysOf, microsOf, timestampVector, writableValidity } from "../eval/datetime-vectors.js";
import { andValidityAll } from "../eval/vectors.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import type { ArithOp } from "../kernels/arith-op.js";
import { unscaledData } from "../kernels/decimal-arith.js";
import { checkArity, doc, implicitCast, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArg } from "./datetime-args.js";

/**
 * Dates and timestamps plus or minus ANSI intervals, and the interval constructors
 * make_dt_interval / make_ym_interval, as Spark's BinaryArithmeticWithDatetimeResolver plans
 * them: date ± YEAR-MONTH is DateAddYMInterval (LocalDate.plusMonths, a date); date ± a
 * DAY-only interval is date_add(d, extractansiintervaldays(i)) (a date); date ± any other
 * DAY-TIME interval casts the date to a timestamp; timestamp(_ntz) ± YEAR-MONTH moves the
 * wall clock by months (ZonedDateTime.plusMonths) and ± DAY-TIME moves it by whole days, then
 * the instant by the rest (DateTimeUtils.timestampAddDayTime). Minus adds the negated interval.
 * The calls print as Spark names them: `dt + make_ym_interval(y, m)`, unparenthesised, with
 * the datetime first even when the interval was written first.
 */

const PLUS = "datetime_plus_interval";
const MINUS = "datetime_minus_interval";
const DAYS_OF = "extractansiintervaldays";
const MICROS_PER_DAY = 86_400_000_000;

function isDatetime(t: DataType): boolean {
  return t.kind === "date" || t.kind === "timestamp" || t.kind === "timestamp_ntz";
}

function dayOnly(t: DataType): boolean {
  return t.kind === "day_time_interval" && t.startField === 0 && t.endField === 0;
}

/**
 * The resolved call for `l op r` when one side is a date/timestamp and the other an ANSI
 * interval (and op is + or -, the interval on the right for -), else null.
 */
export function resolveDatetimeIntervalArith(op: ArithOp, l: Expr, r: Expr): Expr | null {
  const lt = exprType(l);
  const rt = exprType(r);
  if (op !== "+" && op !== "-") return null;
  let d = l;
  let iv = r;
  if (op === "+" && isDatetime(rt) && (lt.kind === "day_time_interval" || lt.kind === "year_month_interval" || lt.kind === "calendar_interval")) {
    d = r;
    iv = l;
  }
  if (op === "+" && lt.kind === "calendar_interval" && rt.kind === "string") {
    d = r;
    iv = l;
  }
  // A string beside a calendar interval is a timestamp (Spark's TimeAdd takes TIMESTAMP).
  if (exprType(d).kind === "string" && exprType(iv).kind === "calendar_interval") d = implicitCast(d, TimestampType);
  const dt = exprType(d);
  const it = exprType(iv);
  if (isDatetime(dt) && it.kind === "calendar_interval") {
    // DateAddInterval / TimeAdd; minus adds the negated interval, as Spark rewrites it.
    const shift = op === "-" ? scalarCall("unary_minus", [iv], CalendarIntervalType, exprNullable(iv)) : iv;
    return scalarCall(PLUS, [d, shift], dt, exprNullable(d) || exprNullable(iv));
  }
  if (!isDatetime(dt) || (it.kind !== "day_time_interval" && it.kind !== "year_month_interval")) return null;
  const nullable = exprNullable(d) || exprNullable(iv);
  if (dt.kind === "date" && dayOnly(it)) {
    const days: Expr = scalarCall(DAYS_OF, [iv], IntegerType, exprNullable(iv));
    const shift = op === "-" ? scalarCall("unary_minus", [days], IntegerType, exprNullable(iv)) : days;
    return scalarCall("date_add", [d, shift], DateType, nullable);
  }
  const fn = op === "+" ? PLUS : MINUS;
  if (dt.kind === "date" && it.kind === "year_month_interval") return scalarCall(fn, [d, iv], DateType, nullable);
  // A date beside a DAY-TIME interval is a timestamp in the session zone first.
  const target = dt.kind === "date" ? implicitCast(d, TimestampType) : d;
  return scalarCall(fn, [target, iv], exprType(target), nullable);
}

function longsOf(v: Vector): ArrayLike<number> {
  return numberData(v) ?? Float64Array.from(expectStorage(v, "i64big").data, Number);
}

/**
 * timestampAddDayTime: whole days of `delta` move the wall clock in `zone` (keeping the
 * offset where the new local time still has it, as ZonedDateTime.plusDays), the remainder
 * (same sign, Java's truncating division) moves the instant.
 */
function addDayTime(us: number, delta: number, zone: ZoneRules): number {
  const days = Math.trunc(delta / MICROS_PER_DAY);
  const rest = delta - days * MICROS_PER_DAY;
  return shiftWallClock(us, days, 0, zone, null) + rest;
}

/** Moves instant `us` by `days` days or `months` months of `zone`'s wall clock. */
function shiftWallClock(us: number, days: number, months: number, zone: ZoneRules, scratch: Int32Array | null): number {
  if (days === 0 && months === 0) return us;
  const sec = floorDiv(us, 1e6);
  const frac = us - sec * 1e6;
  const off = zone.offsetAt(sec);
  const local = sec + off;
  const d = floorDiv(local, 86400);
  const sod = local - d * 86400;
  const nd = months !== 0 ? addMonthsToDays(d, months, scratch!) : d + days;
  const nl = nd * 86400 + sod;
  const utc = zone.offsetAt(nl - off) === off ? nl - off : zone.localToUtc(nl);
  return utc * 1e6 + frac;
}

/**
 * A date or timestamp plus calendar intervals: TimeAdd moves the zone's wall clock by the
 * months, then the days (ZonedDateTime.plusMonths / plusDays), then the instant by the
 * microseconds; DateAddInterval moves a date by months and days and, under ANSI, refuses
 * microseconds (otherwise it goes through the timestamp at the zone's midnight).
 */
function addCalendarInterval(d: Vector, iv: Vector, validity: Uint8Array | null, timeZone: string, ansi: boolean): Vector {
  const n = d.length;
  const zone = d.type.kind === "timestamp" || d.type.kind === "date" ? zoneRulesOrUtc(timeZone) : zoneRulesOrUtc("UTC");
  const scratch = new Int32Array(3);
  const intervals = iv.storage === "values" ? iv.data : [];
  const shift = (us: number, x: CalendarInterval): number => shiftWallClock(shiftWallClock(us, 0, x.months, zone, scratch), x.days, 0, zone, scratch) + Number(x.microseconds);
  if (d.type.kind === "date") {
    const days = daysOf(d);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (validity !== null && validity[i] === 0) continue;
      const x = intervals[i] as CalendarInterval;
      if (x.microseconds === 0n) out[i] = addMonthsToDays(days[i]!, x.months, scratch) + x.days;
      else if (ansi) throw new SparkException("IllegalArgumentException", "INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION", {});
      else {
        const midnight = zone.localToUtc(days[i]! * 86400) * 1e6;
        const us = shift(midnight, x);
        out[i] = floorDiv(floorDiv(us, 1e6) + zone.offsetAt(floorDiv(us, 1e6)), 86400);
      }
    }
    return dateVector(out, validity);
  }
  const us = microsOf(d);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) if (validity === null || validity[i] === 1) out[i] = shift(us[i]!, intervals[i] as CalendarInterval);
  return timestampVector(d.type, out, validity);
}

function datetimeIntervalDef(name: string, sign: 1 | -1): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}(datetime, interval)`, `The date or timestamp ${sign > 0 ? "plus" : "minus"} an ANSI interval (what \`${sign > 0 ? "+" : "-"}\` resolves to for such operands).`),
    resolve(_n, args) {
      checkArity(name, args, 2);
      return scalarCall(name, args, exprType(args[0]!), exprNullable(args[0]!) || exprNullable(args[1]!));
    },
    eval(args, call, ctx) {
      const [d, iv] = args as [Vector, Vector];
      const n = d.length;
      const validity = andValidityAll(args, n);
      if (iv.type.kind === "calendar_interval") return addCalendarInterval(d, iv, validity, ctx.timeZone, ctx.ansi);
      if (d.type.kind === "date") {
        // DateAddYMInterval: LocalDate.plusMonths.
        const days = daysOf(d);
        const months = numberData(iv)!;
        const out = new Int32Array(n);
        const scratch = new Int32Array(3);
        for (let i = 0; i < n; i++) out[i] = validity !== null && validity[i] === 0 ? 0 : addMonthsToDays(days[i]!, sign * months[i]!, scratch);
        return dateVector(out, validity);
      }
      const zone = d.type.kind === "timestamp" ? zoneRulesOrUtc(ctx.timeZone) : zoneRulesOrUtc("UTC");
      const us = microsOf(d);
      const out = new Float64Array(n);
      if (iv.type.kind === "year_month_interval") {
        const months = numberData(iv)!;
        const scratch = new Int32Array(3);
        for (let i = 0; i < n; i++) if (validity === null || validity[i] === 1) out[i] = shiftWallClock(us[i]!, 0, sign * months[i]!, zone, scratch);
      } else {
        const delta = longsOf(iv);
        for (let i = 0; i < n; i++) if (validity === null || validity[i] === 1) out[i] = addDayTime(us[i]!, sign * delta[i]!, zone);
      }
      return timestampVector(call.dataType, out, validity);
    },
  };
}

/** ExtractANSIIntervalDays: the whole days of a DAY-TIME interval (truncated toward zero). */
const EXTRACT_ANSI_INTERVAL_DAYS: ScalarFunctionDef = {
  kind: "scalar",
  name: DAYS_OF,
  doc: doc(`${DAYS_OF}(interval)`, "The whole days of a day-time interval, as date ± INTERVAL 'n' DAY uses them."),
  resolve(_n, args) {
    checkArity(DAYS_OF, args, 1);
    return scalarCall(DAYS_OF, [implicitCast(args[0]!, dayTimeIntervalType())], IntegerType, exprNullable(args[0]!));
  },
  eval(args) {
    const v = args[0]!;
    const us = longsOf(v);
    const out = new Int32Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = Math.trunc(us[i]! / MICROS_PER_DAY);
    return makeVector(IntegerType, out, v.validity, v.length);
  },
};

/** INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION, as IntervalUtils' exact math raises it. */
function intervalOverflow(): SparkException {
  return new SparkException("ArithmeticException", "INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION", {});
}

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);
const SECS_TYPE = decimalType(18, 6);

/** make_dt_interval(days, hours, mins, secs): Math.addExact/multiplyExact over microseconds. */
const MAKE_DT_INTERVAL: ScalarFunctionDef = {
  kind: "scalar",
  name: "make_dt_interval",
  doc: doc("make_dt_interval([days[, hours[, mins[, secs]]]])", "Makes a DAY TO SECOND interval from days, hours, minutes and (fractional) seconds; absent fields are 0."),
  resolve(_n, args) {
    checkArity("make_dt_interval", args, 0, 4);
    const zero = (t: DataType): Expr => ({ kind: "Literal", value: 0, dataType: t });
    const full = [0, 1, 2].map((k) => (args[k] === undefined ? zero(IntegerType) : coerceArg("make_dt_interval", args, k, "int", dayTimeIntervalType())));
    const secs = args[3] === undefined ? zero(IntegerType) : args[3];
    return scalarCall("make_dt_interval", [...full, implicitCast(secs, SECS_TYPE)], dayTimeIntervalType(), [...full, secs].some(exprNullable));
  },
  eval(args) {
    const n = args[0]!.length;
    const d = numberData(args[0]!)!;
    const h = numberData(args[1]!)!;
    const m = numberData(args[2]!)!;
    const secs = unscaledData(args[3]!);
    const validity = andValidityAll(args, n);
    const out = new Float64Array(n);
    let safe = true;
    for (let i = 0; i < n && safe; i++) {
      if (validity !== null && validity[i] === 0) continue;
      const total = d[i]! * MICROS_PER_DAY + h[i]! * 3_600_000_000 + m[i]! * 60_000_000 + Number(secs[i]!);
      safe = Number.isSafeInteger(total);
      out[i] = total;
    }
    if (safe) return makeVector(dayTimeIntervalType(), out, validity, n);
    // Past 2^53 somewhere: the batch exactly in BigInt, with Spark's overflow past a long.
    const big = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      if (validity !== null && validity[i] === 0) continue;
      const exact = BigInt(d[i]!) * BigInt(MICROS_PER_DAY) + BigInt(h[i]!) * 3_600_000_000n + BigInt(m[i]!) * 60_000_000n + secs[i]!;
      if (exact > LONG_MAX || exact < LONG_MIN) throw intervalOverflow();
      big[i] = exact;
    }
    return makeVector(dayTimeIntervalType(), big, validity, n);
  },
};

/** make_ym_interval(years, months): Math.addExact(multiplyExact(years, 12), months) in int. */
const MAKE_YM_INTERVAL: ScalarFunctionDef = {
  kind: "scalar",
  name: "make_ym_interval",
  doc: doc("make_ym_interval([years[, months]])", "Makes a YEAR TO MONTH interval from years and months; absent fields are 0."),
  resolve(_n, args) {
    checkArity("make_ym_interval", args, 0, 2);
    const full = [0, 1].map((k): Expr => (args[k] === undefined ? { kind: "Literal", value: 0, dataType: IntegerType } : coerceArg("make_ym_interval", args, k, "int", yearMonthIntervalType())));
    return scalarCall("make_ym_interval", full, yearMonthIntervalType(), full.some(exprNullable));
  },
  eval(args) {
    const n = args[0]!.length;
    const y = numberData(args[0]!)!;
    const m = numberData(args[1]!)!;
    const validity = writableValidity(andValidityAll(args, n), n);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (validity[i] === 0) continue;
      const total = y[i]! * 12 + m[i]!;
      if (total > 2147483647 || total < -2147483648) throw intervalOverflow();
      out[i] = total;
    }
    return makeVector(yearMonthIntervalType(), out, compactValidity(validity), n);
  },
};

/** Registry entries for datetime ± interval and the ANSI interval constructors. */
export const DATETIME_INTERVAL_FUNCTIONS: readonly ScalarFunctionDef[] = [
  datetimeIntervalDef(PLUS, 1),
  datetimeIntervalDef(MINUS, -1),
  EXTRACT_ANSI_INTERVAL_DAYS,
  MAKE_DT_INTERVAL,
  MAKE_YM_INTERVAL,
];
