import { expectStorage, makeVector, numberData, type Vector } from "../../columnar/vector.js";
import { SparkException } from "../../errors/spark-exception.js";
import { DateType, DoubleType, IntegerType, LongType, TimestampType } from "../../types/data-type.js";
import { addMonthsToDays, civilInto, daysFromCivil, daysInMonth, floorDiv, isoDayOfWeek } from "../datetime/civil.js";
import { zoneRulesOrUtc, type ZoneRules } from "../datetime/zone-rules.js";
import type { EvalContext } from "../eval/eval-context.js";
import { compactValidity, dateVector, daysOf, microsOf, timestampVector, writableValidity } from "../eval/datetime-vectors.js";
import { andValidityAll } from "../eval/vectors.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { checkArity, doc, implicitCast, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArg, constantText, textAt } from "./datetime-args.js";

/**
 * Calendar arithmetic: date_add/date_sub, datediff, add_months, months_between, next_day,
 * last_day, trunc, date_trunc, timestampadd and timestampdiff. Dates are day numbers; months
 * move as Java's LocalDate.plusMonths (clamped to the month's end); timestamp units of a day
 * or more move the session-zone wall clock (ZonedDateTime.plusDays keeps the offset where it
 * can), smaller units move the instant.
 */

function intsOf(v: Vector): ArrayLike<number> {
  return numberData(v) ?? Float64Array.from(expectStorage(v, "i64big").data, Number);
}

/** date_add(start, days) and date_sub(start, days). */
function dateAddDef(name: string, shown: string, sign: 1 | -1): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}(start_date, num_days)`, sign > 0 ? "Returns the date that is `num_days` after `start_date`." : "Returns the date that is `num_days` before `start_date`."),
    resolve(_n, args) {
      checkArity(name, args, 2);
      const d = coerceArg(shown, args, 0, "date", DateType);
      const k = coerceArg(shown, args, 1, "int", DateType);
      return scalarCall(shown, [d, k], DateType, exprNullable(args[0]!) || exprNullable(args[1]!));
    },
    eval(args) {
      const [a, b] = args as [Vector, Vector];
      const days = daysOf(a);
      const k = intsOf(b);
      const n = a.length;
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = days[i]! + sign * k[i]!;
      return dateVector(out, andValidityAll(args, n));
    },
  };
}

const DATEDIFF: ScalarFunctionDef = {
  kind: "scalar",
  name: "datediff",
  doc: doc("datediff(endDate, startDate)", "Returns the number of days from `startDate` to `endDate`."),
  resolve(called, args) {
    // date_diff keeps its own name in generated column names.
    const name = called === "date_diff" ? "date_diff" : "datediff";
    checkArity(name, args, 2);
    return scalarCall(name, [coerceArg(name, args, 0, "date", IntegerType), coerceArg(name, args, 1, "date", IntegerType)], IntegerType, exprNullable(args[0]!) || exprNullable(args[1]!));
  },
  eval(args) {
    const a = daysOf(args[0]!);
    const b = daysOf(args[1]!);
    const n = args[0]!.length;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!;
    return makeVector(IntegerType, out, andValidityAll(args, n), n);
  },
};

const ADD_MONTHS: ScalarFunctionDef = {
  kind: "scalar",
  name: "add_months",
  doc: doc("add_months(start_date, num_months)", "Returns the date that is `num_months` after `start_date` (clamped to the end of the month)."),
  resolve(_n, args) {
    checkArity("add_months", args, 2);
    return scalarCall("add_months", [coerceArg("add_months", args, 0, "date", DateType), coerceArg("add_months", args, 1, "int", DateType)], DateType, exprNullable(args[0]!) || exprNullable(args[1]!));
  },
  eval(args) {
    const days = daysOf(args[0]!);
    const k = intsOf(args[1]!);
    const n = args[0]!.length;
    const out = new Int32Array(n);
    const scratch = new Int32Array(3);
    for (let i = 0; i < n; i++) out[i] = addMonthsToDays(days[i]!, k[i]!, scratch);
    return dateVector(out, andValidityAll(args, n));
  },
};

/** Spark's DateTimeUtils.monthsBetween over two instants in `zone`. */
export function monthsBetween(t1: number, t2: number, roundOff: boolean, zone: ZoneRules, s1: Int32Array, s2: Int32Array): number {
  const sec1 = floorDiv(t1, 1e6);
  const sec2 = floorDiv(t2, 1e6);
  const l1 = sec1 + zone.offsetAt(sec1);
  const l2 = sec2 + zone.offsetAt(sec2);
  const d1 = floorDiv(l1, 86400);
  const d2 = floorDiv(l2, 86400);
  civilInto(d1, s1);
  civilInto(d2, s2);
  const monthDiff = s1[0]! * 12 + s1[1]! - (s2[0]! * 12 + s2[1]!);
  const end1 = s1[2] === daysInMonth(s1[0]!, s1[1]!);
  const end2 = s2[2] === daysInMonth(s2[0]!, s2[1]!);
  if (s1[2] === s2[2] || (end1 && end2)) return monthDiff;
  // Seconds into each day from the day's start in the zone, as Hive does (not milliseconds).
  const inDay1 = Math.trunc((t1 - zone.localToUtc(d1 * 86400) * 1e6) / 1e6);
  const inDay2 = Math.trunc((t2 - zone.localToUtc(d2 * 86400) * 1e6) / 1e6);
  const secondsDiff = (s1[2]! - s2[2]!) * 86400 + inDay1 - inDay2;
  const diff = monthDiff + secondsDiff / (31 * 86400);
  return roundOff ? Math.round(diff * 1e8) / 1e8 : diff;
}

const MONTHS_BETWEEN: ScalarFunctionDef = {
  kind: "scalar",
  name: "months_between",
  doc: doc("months_between(timestamp1, timestamp2[, roundOff])", "Returns the months from `timestamp2` to `timestamp1`; fractions count 31-day months, rounded to 8 digits unless `roundOff` is false."),
  resolve(_n, args) {
    checkArity("months_between", args, 2, 3);
    const round: Expr = args[2] ?? { kind: "Literal", value: true, dataType: { kind: "boolean" } };
    const r = exprType(round).kind === "boolean" ? round : implicitCast(round, { kind: "boolean" });
    return scalarCall("months_between", [coerceArg("months_between", args, 0, "timestamp", DoubleType), coerceArg("months_between", args, 1, "timestamp", DoubleType), r], DoubleType, true);
  },
  eval(args, _call, ctx) {
    const a = microsOf(args[0]!);
    const b = microsOf(args[1]!);
    const r = args[2]!.data as Uint8Array;
    const n = args[0]!.length;
    const zone = zoneRulesOrUtc(ctx.timeZone);
    const out = new Float64Array(n);
    const s1 = new Int32Array(3);
    const s2 = new Int32Array(3);
    for (let i = 0; i < n; i++) out[i] = monthsBetween(a[i]!, b[i]!, r[i] === 1, zone, s1, s2);
    return makeVector(DoubleType, out, andValidityAll(args, n), n);
  },
};

const DAY_NAMES: Readonly<Record<string, number>> = {
  MO: 1, MON: 1, MONDAY: 1, TU: 2, TUE: 2, TUESDAY: 2, WE: 3, WED: 3, WEDNESDAY: 3, TH: 4, THU: 4, THURSDAY: 4,
  FR: 5, FRI: 5, FRIDAY: 5, SA: 6, SAT: 6, SATURDAY: 6, SU: 7, SUN: 7, SUNDAY: 7,
};

const NEXT_DAY: ScalarFunctionDef = {
  kind: "scalar",
  name: "next_day",
  doc: doc("next_day(start_date, day_of_week)", "Returns the first date later than `start_date` that falls on `day_of_week` (`Mon`, `TU`, `friday` …)."),
  resolve(_n, args) {
    checkArity("next_day", args, 2);
    return scalarCall("next_day", [coerceArg("next_day", args, 0, "date", DateType), coerceArg("next_day", args, 1, "string", DateType)], DateType, true);
  },
  eval(args, _call, ctx) {
    const [a, w] = args as [Vector, Vector];
    const days = daysOf(a);
    const n = a.length;
    const out = new Int32Array(n);
    const validity = writableValidity(andValidityAll(args, n), n);
    const lit = constantText(w);
    for (let i = 0; i < n; i++) {
      if (validity[i] === 0) continue;
      const text = lit ?? textAt(w, i)!;
      const dow = DAY_NAMES[text.trim().toUpperCase()];
      if (dow === undefined) {
        if (ctx.ansi) throw new SparkException("IllegalArgumentException", "ILLEGAL_DAY_OF_WEEK", { string: text });
        validity[i] = 0;
        continue;
      }
      const cur = isoDayOfWeek(days[i]!);
      out[i] = days[i]! + (((dow - cur + 6) % 7) + 1);
    }
    return dateVector(out, compactValidity(validity));
  },
};

const LAST_DAY: ScalarFunctionDef = {
  kind: "scalar",
  name: "last_day",
  doc: doc("last_day(date)", "Returns the last day of the month which the date belongs to."),
  resolve(_n, args) {
    checkArity("last_day", args, 1);
    return scalarCall("last_day", [coerceArg("last_day", args, 0, "date", DateType)], DateType, exprNullable(args[0]!));
  },
  eval(args) {
    const days = daysOf(args[0]!);
    const n = args[0]!.length;
    const out = new Int32Array(n);
    const s = new Int32Array(3);
    for (let i = 0; i < n; i++) {
      civilInto(days[i]!, s);
      out[i] = days[i]! + daysInMonth(s[0]!, s[1]!) - s[2]!;
    }
    return dateVector(out, args[0]!.validity);
  },
};

/** Truncation levels of trunc / date_trunc, by Spark's accepted spellings. */
type TruncLevel = "year" | "quarter" | "month" | "week" | "day" | "hour" | "minute" | "second" | "millisecond" | "microsecond";

const TRUNC_LEVELS: Readonly<Record<string, TruncLevel>> = {
  YEAR: "year", YYYY: "year", YY: "year", QUARTER: "quarter", MONTH: "month", MM: "month", MON: "month", WEEK: "week",
  DAY: "day", DD: "day", HOUR: "hour", MINUTE: "minute", SECOND: "second", MILLISECOND: "millisecond", MICROSECOND: "microsecond",
};

function truncLevel(text: string | null, dateOnly: boolean): TruncLevel | null {
  if (text === null) return null;
  const l = TRUNC_LEVELS[text.toUpperCase()];
  if (l === undefined) return null;
  if (dateOnly && l !== "year" && l !== "quarter" && l !== "month" && l !== "week") return null;
  return l;
}

/** The first day of the year/quarter/month/week holding `days`. */
function truncDays(days: number, level: TruncLevel, s: Int32Array): number {
  if (level === "week") return days - isoDayOfWeek(days) + 1;
  civilInto(days, s);
  if (level === "year") return daysFromCivil(s[0]!, 1, 1);
  if (level === "quarter") return daysFromCivil(s[0]!, Math.floor((s[1]! - 1) / 3) * 3 + 1, 1);
  return daysFromCivil(s[0]!, s[1]!, 1);
}

const TRUNC: ScalarFunctionDef = {
  kind: "scalar",
  name: "trunc",
  doc: doc("trunc(date, fmt)", "Returns `date` truncated to the unit `fmt` (year, yyyy, yy, quarter, month, mon, mm, week); null for other units."),
  resolve(_n, args) {
    checkArity("trunc", args, 2);
    return scalarCall("trunc", [coerceArg("trunc", args, 0, "date", DateType), coerceArg("trunc", args, 1, "string", DateType)], DateType, true);
  },
  eval(args) {
    const [a, f] = args as [Vector, Vector];
    const days = daysOf(a);
    const n = a.length;
    const out = new Int32Array(n);
    const validity = writableValidity(andValidityAll(args, n), n);
    const lit = constantText(f);
    const fixed = truncLevel(lit, true);
    const s = new Int32Array(3);
    for (let i = 0; i < n; i++) {
      if (validity[i] === 0) continue;
      const level = lit !== null ? fixed : truncLevel(textAt(f, i), true);
      if (level === null) validity[i] = 0;
      else out[i] = truncDays(days[i]!, level, s);
    }
    return dateVector(out, compactValidity(validity));
  },
};

/** ZonedDateTime.truncatedTo: truncate the wall clock, keeping the offset when it is still valid. */
function truncLocal(sec: number, unit: number, zone: ZoneRules): number {
  const off = zone.offsetAt(sec);
  const local = sec + off;
  const t = local - (((local % unit) + unit) % unit);
  return zone.offsetAt(t - off) === off ? t - off : zone.localToUtc(t);
}

/** Spark's DateTimeUtils.truncTimestamp. */
function truncTimestamp(us: number, level: TruncLevel, zone: ZoneRules, s: Int32Array): number {
  switch (level) {
    case "microsecond":
      return us;
    case "millisecond":
      return us - (((us % 1000) + 1000) % 1000);
    case "second":
      return us - (((us % 1e6) + 1e6) % 1e6);
    case "minute":
      return truncLocal(floorDiv(us, 1e6), 60, zone) * 1e6;
    case "hour":
      return truncLocal(floorDiv(us, 1e6), 3600, zone) * 1e6;
    case "day":
      return truncLocal(floorDiv(us, 1e6), 86400, zone) * 1e6;
    case "week":
    case "month":
    case "quarter":
    case "year": {
      const sec = floorDiv(us, 1e6);
      const days = floorDiv(sec + zone.offsetAt(sec), 86400);
      return zone.localToUtc(truncDays(days, level, s) * 86400) * 1e6;
    }
  }
}

const DATE_TRUNC: ScalarFunctionDef = {
  kind: "scalar",
  name: "date_trunc",
  doc: doc("date_trunc(fmt, ts)", "Returns timestamp `ts` truncated to the unit `fmt` (year … microsecond) in the session time zone; null for unknown units."),
  resolve(_n, args) {
    checkArity("date_trunc", args, 2);
    return scalarCall("date_trunc", [coerceArg("date_trunc", args, 0, "string", TimestampType), coerceArg("date_trunc", args, 1, "timestamp", TimestampType)], TimestampType, true);
  },
  eval(args, _call, ctx) {
    const [f, t] = args as [Vector, Vector];
    const us = microsOf(t);
    const n = t.length;
    const out = new Float64Array(n);
    const validity = writableValidity(andValidityAll(args, n), n);
    const lit = constantText(f);
    const fixed = truncLevel(lit, false);
    const zone = zoneRulesOrUtc(ctx.timeZone);
    const s = new Int32Array(3);
    for (let i = 0; i < n; i++) {
      if (validity[i] === 0) continue;
      const level = lit !== null ? fixed : truncLevel(textAt(f, i), false);
      if (level === null) validity[i] = 0;
      else out[i] = truncTimestamp(us[i]!, level, zone, s);
    }
    return timestampVector(TimestampType, out, compactValidity(validity));
  },
};

/** timestampadd/timestampdiff units. */
type TsUnit = "YEAR" | "QUARTER" | "MONTH" | "WEEK" | "DAY" | "DAYOFYEAR" | "HOUR" | "MINUTE" | "SECOND" | "MILLISECOND" | "MICROSECOND";
const TS_UNITS = new Set<string>(["YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DAYOFYEAR", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND"]);
const MICROS_PER: Readonly<Partial<Record<TsUnit, number>>> = { HOUR: 3600e6, MINUTE: 60e6, SECOND: 1e6, MILLISECOND: 1000, MICROSECOND: 1 };

function unitOf(fn: string, args: readonly Expr[]): TsUnit {
  const u = args[0]!;
  const text = u.kind === "Literal" && typeof u.value === "string" ? u.value.toUpperCase() : null;
  if (text === null || !TS_UNITS.has(text)) {
    throw new SparkException("AnalysisException", "INVALID_PARAMETER_VALUE.DATETIME_UNIT", {
      parameter: "`unit`",
      functionName: `\`${fn}\``,
      invalidValue: `'${u.kind === "Literal" ? String(u.value) : ""}'`,
    });
  }
  return text as TsUnit;
}

/**
 * Spark's timestampAddInterval for one unit: months and days move the zone's wall clock and
 * re-resolve it keeping the original offset when valid (ZonedDateTime.plusMonths/plusDays);
 * time units add to the instant.
 */
function addUnit(us: number, unit: TsUnit, k: number, zone: ZoneRules, s: Int32Array): number {
  const per = MICROS_PER[unit];
  if (per !== undefined) return us + k * per;
  const sec = floorDiv(us, 1e6);
  const frac = us - sec * 1e6;
  const off = zone.offsetAt(sec);
  const local = sec + off;
  const days = floorDiv(local, 86400);
  const sod = local - days * 86400;
  let nd: number;
  if (unit === "DAY" || unit === "DAYOFYEAR") nd = days + k;
  else if (unit === "WEEK") nd = days + 7 * k;
  else nd = addMonthsToDays(days, unit === "MONTH" ? k : unit === "QUARTER" ? 3 * k : 12 * k, s);
  const nl = nd * 86400 + sod;
  const keep = zone.offsetAt(nl - off) === off ? nl - off : zone.localToUtc(nl);
  return keep * 1e6 + frac;
}

const TIMESTAMPADD: ScalarFunctionDef = {
  kind: "scalar",
  name: "timestampadd",
  doc: doc("timestampadd(unit, quantity, timestamp)", "Adds `quantity` units (YEAR … MICROSECOND) to `timestamp`, in the session time zone."),
  resolve(_n, args) {
    checkArity("timestampadd", args, 3);
    unitOf("timestampadd", args);
    const q = exprType(args[1]!).kind === "long" ? args[1]! : implicitCast(args[1]!, LongType);
    const t = exprType(args[2]!).kind === "timestamp_ntz" ? args[2]! : coerceArg("timestampadd", args, 2, "timestamp", TimestampType);
    return scalarCall("timestampadd", [args[0]!, q, t], exprType(t), true);
  },
  eval(args, call, ctx) {
    const unit = unitOf("timestampadd", call.args);
    const k = intsOf(args[1]!);
    const t = args[2]!;
    const us = microsOf(t);
    const n = t.length;
    const zone = t.type.kind === "timestamp" ? zoneRulesOrUtc(ctx.timeZone) : zoneRulesOrUtc("UTC");
    const out = new Float64Array(n);
    const s = new Int32Array(3);
    for (let i = 0; i < n; i++) out[i] = addUnit(us[i]!, unit, k[i]!, zone, s);
    return timestampVector(t.type, out, andValidityAll(args.slice(1), n));
  },
};

/** ChronoUnit.between on the two wall clocks (whole units, truncated toward zero). */
function diffUnit(a: number, b: number, unit: TsUnit, zone: ZoneRules, s1: Int32Array, s2: Int32Array): number {
  // Every unit, hours too, counts on the session-zone wall clocks (Spark's timestampDiff on
  // LocalDateTimes): across a spring-forward day, 24 real hours are 25 on the clock.
  const sa = floorDiv(a, 1e6);
  const sb = floorDiv(b, 1e6);
  const la = (sa + zone.offsetAt(sa)) * 1e6 + (a - sa * 1e6);
  const lb = (sb + zone.offsetAt(sb)) * 1e6 + (b - sb * 1e6);
  const per = MICROS_PER[unit];
  if (per !== undefined) return Math.trunc((lb - la) / per);
  const da = floorDiv(la, 86400e6);
  let db = floorDiv(lb, 86400e6);
  const ta = la - da * 86400e6;
  const tb = lb - db * 86400e6;
  // LocalDateTime.until: an incomplete last day does not count.
  if (db > da && tb < ta) db--;
  else if (db < da && tb > ta) db++;
  if (unit === "DAY" || unit === "DAYOFYEAR") return db - da;
  if (unit === "WEEK") return Math.trunc((db - da) / 7);
  civilInto(da, s1);
  civilInto(db, s2);
  const packed1 = (s1[0]! * 12 + s1[1]! - 1) * 32 + s1[2]!;
  const packed2 = (s2[0]! * 12 + s2[1]! - 1) * 32 + s2[2]!;
  const months = Math.trunc((packed2 - packed1) / 32);
  if (unit === "MONTH") return months;
  if (unit === "QUARTER") return Math.trunc(months / 3);
  return Math.trunc(months / 12);
}

const TIMESTAMPDIFF: ScalarFunctionDef = {
  kind: "scalar",
  name: "timestampdiff",
  doc: doc("timestampdiff(unit, start, end)", "Returns the whole number of `unit`s from `start` to `end`, in the session time zone."),
  resolve(_n, args) {
    checkArity("timestampdiff", args, 3);
    unitOf("timestampdiff", args);
    const ntz = exprType(args[1]!).kind === "timestamp_ntz" && exprType(args[2]!).kind === "timestamp_ntz";
    const a = ntz ? args[1]! : coerceArg("timestampdiff", args, 1, "timestamp", LongType);
    const b = ntz ? args[2]! : coerceArg("timestampdiff", args, 2, "timestamp", LongType);
    return scalarCall("timestampdiff", [args[0]!, a, b], LongType, true);
  },
  eval(args, call, ctx) {
    const unit = unitOf("timestampdiff", call.args);
    const a = microsOf(args[1]!);
    const b = microsOf(args[2]!);
    const n = args[1]!.length;
    const zone = args[1]!.type.kind === "timestamp" ? zoneRulesOrUtc(ctx.timeZone) : zoneRulesOrUtc("UTC");
    const out = new Float64Array(n);
    const s1 = new Int32Array(3);
    const s2 = new Int32Array(3);
    for (let i = 0; i < n; i++) out[i] = diffUnit(a[i]!, b[i]!, unit, zone, s1, s2);
    return makeVector(LongType, out, andValidityAll(args.slice(1), n), n);
  },
};

/** Aliases whose calls Spark shows under another name. */
function alias(name: string, target: ScalarFunctionDef): ScalarFunctionDef {
  return { ...target, name, doc: doc(target.doc.usage.replace(target.name, name), target.doc.description) };
}

/** Registry entries for calendar arithmetic. */
export const DATETIME_ARITH_FUNCTIONS: readonly ScalarFunctionDef[] = [
  dateAddDef("date_add", "date_add", 1),
  dateAddDef("dateadd", "date_add", 1),
  dateAddDef("date_sub", "date_sub", -1),
  DATEDIFF,
  alias("date_diff", DATEDIFF),
  ADD_MONTHS,
  MONTHS_BETWEEN,
  NEXT_DAY,
  LAST_DAY,
  TRUNC,
  DATE_TRUNC,
  TIMESTAMPADD,
  alias("timestamp_add", TIMESTAMPADD),
  TIMESTAMPDIFF,
  alias("timestamp_diff", TIMESTAMPDIFF),
];
