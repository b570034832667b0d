import { Utf8Builder } from "../../columnar/utf8.js";
import { makeVector, retypeVector, type Vector } from "../../columnar/vector.js";
import { IntegerType, LongType, StringType } from "../../types/data-type.js";
import { civilInto, dayOfYear, floorDiv, isoDayOfWeek, isoWeek, yearOfDays } from "../datetime/civil.js";
import { zoneRulesOrUtc } from "../datetime/zone-rules.js";
import type { EvalContext } from "../eval/eval-context.js";
import { daysOf, microsOf } from "../eval/datetime-vectors.js";
import { exprNullable, exprType } from "../expr-type.js";
import { checkArity, doc, scalarCall, type FunctionDoc, type ScalarFunctionDef } from "./function-def.js";
import { coerceArg } from "./datetime-args.js";

/**
 * Field extraction from dates and timestamps: year … second, day-of-week variants, ISO weeks,
 * month and day names, and the epoch counts (unix_date, unix_seconds …). Dates come in as
 * day numbers (timestamps and strings are cast to DATE first, in the session zone, as Spark's
 * ImplicitCastInputTypes does); hour/minute/second read timestamps in the session zone.
 */

/** What a date field kernel computes per day number. */
export type DateField = "year" | "month" | "day" | "quarter" | "dayofweek" | "weekday" | "dayofyear" | "weekofyear" | "yearofweek" | "dayofweek_iso";

/** The field of one day number (scratch is a reused 3-slot buffer). */
export function dateFieldOf(field: DateField, days: number, scratch: Int32Array): number {
  switch (field) {
    case "year":
      return yearOfDays(days);
    case "month":
      civilInto(days, scratch);
      return scratch[1]!;
    case "day":
      civilInto(days, scratch);
      return scratch[2]!;
    case "quarter":
      civilInto(days, scratch);
      return Math.floor((scratch[1]! - 1) / 3) + 1;
    case "dayofweek":
      // Spark: 1 = Sunday … 7 = Saturday.
      return (isoDayOfWeek(days) % 7) + 1;
    case "weekday":
      // 0 = Monday … 6 = Sunday.
      return isoDayOfWeek(days) - 1;
    case "dayofweek_iso":
      return isoDayOfWeek(days);
    case "dayofyear":
      return dayOfYear(days);
    case "weekofyear":
      return isoWeek(days)[1];
    case "yearofweek":
      return isoWeek(days)[0];
  }
}

/** A date field over a whole vector of day numbers. */
export function dateFieldVector(field: DateField, v: Vector): Vector {
  const days = daysOf(v);
  const n = v.length;
  const out = new Int32Array(n);
  const scratch = new Int32Array(3);
  if (field === "year") for (let i = 0; i < n; i++) out[i] = yearOfDays(days[i]!);
  else for (let i = 0; i < n; i++) out[i] = dateFieldOf(field, days[i]!, scratch);
  return makeVector(IntegerType, out, v.validity, n);
}

/** Time-of-day fields of timestamps. */
export type TimeField = "hour" | "minute" | "second";

/** hour/minute/second of a timestamp (session zone) or timestamp_ntz vector. */
export function timeFieldVector(field: TimeField, v: Vector, ctx: EvalContext): Vector {
  const us = microsOf(v);
  const n = v.length;
  const out = new Int32Array(n);
  const zone = v.type.kind === "timestamp" ? zoneRulesOrUtc(ctx.timeZone) : null;
  const div = field === "hour" ? 3600 : field === "minute" ? 60 : 1;
  const mod = field === "hour" ? 24 : 60;
  for (let i = 0; i < n; i++) {
    const s = floorDiv(us[i]!, 1e6);
    const local = zone === null ? s : s + zone.offsetAt(s);
    const sod = local - floorDiv(local, 86400) * 86400;
    out[i] = Math.floor(sod / div) % mod;
  }
  return makeVector(IntegerType, out, v.validity, n);
}

function dateFieldDef(name: string, field: DateField, d: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: d,
    resolve(_n, args) {
      checkArity(name, args, 1);
      return scalarCall(name, [coerceArg(name, args, 0, "date", IntegerType)], IntegerType, exprNullable(args[0]!));
    },
    eval(args) {
      return dateFieldVector(field, args[0]!);
    },
  };
}

function timeFieldDef(name: TimeField, d: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: d,
    resolve(_n, args) {
      checkArity(name, args, 1);
      return scalarCall(name, [coerceArg(name, args, 0, "anyTimestamp", IntegerType)], IntegerType, exprNullable(args[0]!));
    },
    eval(args, _call, ctx) {
      return timeFieldVector(name, args[0]!, ctx);
    },
  };
}

const MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function nameDef(name: "monthname" | "dayname", d: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: d,
    resolve(_n, args) {
      checkArity(name, args, 1);
      return scalarCall(name, [coerceArg(name, args, 0, "date", StringType)], StringType, exprNullable(args[0]!));
    },
    eval(args) {
      const v = args[0]!;
      const days = daysOf(v);
      const n = v.length;
      const b = new Utf8Builder(n, n * 3);
      const scratch = new Int32Array(3);
      for (let i = 0; i < n; i++) {
        if (v.validity !== null && v.validity[i] === 0) b.commit(0);
        else if (name === "monthname") {
          civilInto(days[i]!, scratch);
          b.appendString(MONTH_SHORT[scratch[1]! - 1]!);
        } else b.appendString(DAY_SHORT[isoDayOfWeek(days[i]!) - 1]!);
      }
      return makeVector(StringType, b.finish(), v.validity, n);
    },
  };
}

/** unix_seconds / unix_millis / unix_micros: a timestamp as a count since the epoch (floor). */
function unixCountDef(name: string, perSecond: number, d: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: d,
    resolve(_n, args) {
      checkArity(name, args, 1);
      return scalarCall(name, [coerceArg(name, args, 0, "timestamp", LongType)], LongType, exprNullable(args[0]!));
    },
    eval(args) {
      const v = args[0]!;
      if (perSecond === 1e6) return retypeVector(v, LongType);
      const us = microsOf(v);
      const out = new Float64Array(v.length);
      const div = 1e6 / perSecond;
      for (let i = 0; i < v.length; i++) out[i] = floorDiv(us[i]!, div);
      return makeVector(LongType, out, v.validity, v.length);
    },
  };
}

const UNIX_DATE: ScalarFunctionDef = {
  kind: "scalar",
  name: "unix_date",
  doc: doc("unix_date(date)", "Returns the number of days since 1970-01-01."),
  resolve(_n, args) {
    checkArity("unix_date", args, 1);
    const a = args[0]!;
    if (exprType(a).kind !== "date") return scalarCall("unix_date", [coerceArg("unix_date", args, 0, "date", IntegerType)], IntegerType, exprNullable(a));
    return scalarCall("unix_date", [a], IntegerType, exprNullable(a));
  },
  eval(args) {
    const v = args[0]!;
    return makeVector(IntegerType, daysOf(v), v.validity, v.length);
  },
};

/** Registry entries for field extraction. */
export const DATETIME_FIELD_FUNCTIONS: readonly ScalarFunctionDef[] = [
  dateFieldDef("year", "year", doc("year(date)", "Returns the year component of the date/timestamp.")),
  dateFieldDef("quarter", "quarter", doc("quarter(date)", "Returns the quarter of the year for date, in the range 1 to 4.")),
  dateFieldDef("month", "month", doc("month(date)", "Returns the month component of the date/timestamp.")),
  dateFieldDef("dayofmonth", "day", doc("dayofmonth(date)", "Returns the day of month of the date/timestamp.")),
  dateFieldDef("day", "day", doc("day(date)", "Returns the day of month of the date/timestamp.")),
  dateFieldDef("dayofweek", "dayofweek", doc("dayofweek(date)", "Returns the day of the week for date/timestamp (1 = Sunday, 2 = Monday, ..., 7 = Saturday).")),
  dateFieldDef("weekday", "weekday", doc("weekday(date)", "Returns the day of the week for date/timestamp (0 = Monday, 1 = Tuesday, ..., 6 = Sunday).")),
  dateFieldDef("dayofyear", "dayofyear", doc("dayofyear(date)", "Returns the day of year of the date/timestamp.")),
  dateFieldDef("weekofyear", "weekofyear", doc("weekofyear(date)", "Returns the week of the year of the given date (ISO 8601: weeks start on Monday, week 1 has more than 3 days).")),
  timeFieldDef("hour", doc("hour(timestamp)", "Returns the hour component of the string/timestamp.")),
  timeFieldDef("minute", doc("minute(timestamp)", "Returns the minute component of the string/timestamp.")),
  timeFieldDef("second", doc("second(timestamp)", "Returns the second component of the string/timestamp.")),
  nameDef("monthname", doc("monthname(date)", "Returns the three-letter abbreviated month name from the given date.")),
  nameDef("dayname", doc("dayname(date)", "Returns the three-letter abbreviated day name from the given date.")),
  UNIX_DATE,
  unixCountDef("unix_seconds", 1, doc("unix_seconds(timestamp)", "Returns the number of seconds since 1970-01-01 00:00:00 UTC. Truncates higher levels of precision.")),
  unixCountDef("unix_millis", 1000, doc("unix_millis(timestamp)", "Returns the number of milliseconds since 1970-01-01 00:00:00 UTC. Truncates higher levels of precision.")),
  unixCountDef("unix_micros", 1e6, doc("unix_micros(timestamp)", "Returns the number of microseconds since 1970-01-01 00:00:00 UTC.")),
];
