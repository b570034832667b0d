import type { ParsedExpr as Expr } from "../expr/parsed-expr.js";
import { call, Column } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { literalOf } from "./literal.js";
import { decimalType } from "../types/data-type.js";

/**
 * PySpark's date and time functions for the Node API, one line each over the engine registry
 * (expr/functions/datetime*.ts). Where PySpark takes a Python str for a pattern, unit, day of
 * week or zone, these take a JS string literal; where it takes a column, a Column or name.
 */

const over = (name: string, ...cols: ColumnOrName[]): Column => call(name, cols.map((c) => toColumn(c).expr));
const e = (c: ColumnOrName): Expr => toColumn(c).expr;
const lit = (v: string | number | boolean): Expr => literalOf(v);
const colOrLit = (v: ColumnOrName | number): Expr => (typeof v === "number" ? literalOf(v) : e(v));
const strOrCol = (v: string | Column): Expr => (v instanceof Column ? v.expr : literalOf(v));

/** Today's date in the session time zone. */
export const current_date = (): Column => call("current_date", []);
/** Same as current_date. */
export const curdate = (): Column => call("curdate", []);
/** The current timestamp. */
export const current_timestamp = (): Column => call("current_timestamp", []);
/** Same as current_timestamp. */
export const now = (): Column => call("now", []);
/** The current session-zone wall clock as TIMESTAMP_NTZ. */
export const localtimestamp = (): Column => call("localtimestamp", []);
/** The session time zone. */
export const current_timezone = (): Column => call("current_timezone", []);
/** A timestamp formatted with a datetime pattern. */
export const date_format = (date: ColumnOrName, format: string): Column => call("date_format", [e(date), lit(format)]);
/** The year. */
export const year = (c: ColumnOrName): Column => over("year", c);
/** The quarter (1–4). */
export const quarter = (c: ColumnOrName): Column => over("quarter", c);
/** The month (1–12). */
export const month = (c: ColumnOrName): Column => over("month", c);
/** The day of week (1 = Sunday … 7 = Saturday). */
export const dayofweek = (c: ColumnOrName): Column => over("dayofweek", c);
/** The day of month. */
export const dayofmonth = (c: ColumnOrName): Column => over("dayofmonth", c);
/** The day of month. */
export const day = (c: ColumnOrName): Column => over("day", c);
/** The day of year. */
export const dayofyear = (c: ColumnOrName): Column => over("dayofyear", c);
/** The hour in the session time zone. */
export const hour = (c: ColumnOrName): Column => over("hour", c);
/** The minute. */
export const minute = (c: ColumnOrName): Column => over("minute", c);
/** The second. */
export const second = (c: ColumnOrName): Column => over("second", c);
/** The ISO week of year. */
export const weekofyear = (c: ColumnOrName): Column => over("weekofyear", c);
/** The day of week (0 = Monday … 6 = Sunday). */
export const weekday = (c: ColumnOrName): Column => over("weekday", c);
/** The three-letter month name. */
export const monthname = (c: ColumnOrName): Column => over("monthname", c);
/** The three-letter day name. */
export const dayname = (c: ColumnOrName): Column => over("dayname", c);
/** extract(field FROM source); field is a Column (lit("YEAR")). */
export const extract = (field: ColumnOrName, source: ColumnOrName): Column => over("extract", field, source);
/** Same as extract. */
export const date_part = (field: ColumnOrName, source: ColumnOrName): Column => over("date_part", field, source);
/** Same as extract. */
export const datepart = (field: ColumnOrName, source: ColumnOrName): Column => over("datepart", field, source);
/** A date from year, month and day columns. */
export const make_date = (y: ColumnOrName, m: ColumnOrName, d: ColumnOrName): Column => over("make_date", y, m, d);
/** The date `days` after `start`. */
export const date_add = (start: ColumnOrName, days: ColumnOrName | number): Column => call("date_add", [e(start), colOrLit(days)]);
/** Same as date_add. */
export const dateadd = (start: ColumnOrName, days: ColumnOrName | number): Column => call("dateadd", [e(start), colOrLit(days)]);
/** The date `days` before `start`. */
export const date_sub = (start: ColumnOrName, days: ColumnOrName | number): Column => call("date_sub", [e(start), colOrLit(days)]);
/** Days from start to end. */
export const datediff = (end: ColumnOrName, start: ColumnOrName): Column => over("datediff", end, start);
/** Same as datediff. */
export const date_diff = (end: ColumnOrName, start: ColumnOrName): Column => over("date_diff", end, start);
/** The date `days` after 1970-01-01. */
export const date_from_unix_date = (days: ColumnOrName): Column => over("date_from_unix_date", days);
/** The date `months` after `start`, clamped to the month end. */
export const add_months = (start: ColumnOrName, months: ColumnOrName | number): Column => call("add_months", [e(start), colOrLit(months)]);
/** Months between two timestamps (31-day fractions). */
export const months_between = (date1: ColumnOrName, date2: ColumnOrName, roundOff = true): Column => call("months_between", [e(date1), e(date2), lit(roundOff)]);
/** Parses a date (a cast without a format). */
export const to_date = (c: ColumnOrName, format?: string): Column => (format === undefined ? over("to_date", c) : call("to_date", [e(c), lit(format)]));
/** Parses a timestamp (a cast without a format). */
export const to_timestamp = (c: ColumnOrName, format?: string): Column => (format === undefined ? over("to_timestamp", c) : call("to_timestamp", [e(c), lit(format)]));
/** As to_timestamp, null for text that does not parse. */
export const try_to_timestamp = (c: ColumnOrName, format?: ColumnOrName): Column => (format === undefined ? over("try_to_timestamp", c) : over("try_to_timestamp", c, format));
/** Parses a timestamp with local time zone. */
export const to_timestamp_ltz = (c: ColumnOrName, format?: ColumnOrName): Column => (format === undefined ? over("to_timestamp_ltz", c) : over("to_timestamp_ltz", c, format));
/** Parses a timestamp without time zone. */
export const to_timestamp_ntz = (c: ColumnOrName, format?: ColumnOrName): Column => (format === undefined ? over("to_timestamp_ntz", c) : over("to_timestamp_ntz", c, format));
/** A date truncated to year/quarter/month/week. */
export const trunc = (date: ColumnOrName, format: string): Column => call("trunc", [e(date), lit(format)]);
/** A timestamp truncated to a unit. */
export const date_trunc = (format: string, timestamp: ColumnOrName): Column => call("date_trunc", [lit(format), e(timestamp)]);
/** The next date after `date` on `dayOfWeek`. */
export const next_day = (date: ColumnOrName, dayOfWeek: string): Column => call("next_day", [e(date), lit(dayOfWeek)]);
/** The last day of the month. */
export const last_day = (date: ColumnOrName): Column => over("last_day", date);
/** Epoch seconds formatted with a pattern. */
export const from_unixtime = (timestamp: ColumnOrName, format = "yyyy-MM-dd HH:mm:ss"): Column => call("from_unixtime", [e(timestamp), lit(format)]);
/** Epoch seconds of a time (now when omitted). */
export function unix_timestamp(timestamp?: ColumnOrName, format = "yyyy-MM-dd HH:mm:ss"): Column {
  return call("unix_timestamp", [timestamp === undefined ? call("current_timestamp", []).expr : e(timestamp), lit(format)]);
}
/** Epoch seconds of a time, parsing strings with `format`. */
export const to_unix_timestamp = (timestamp: ColumnOrName, format?: ColumnOrName): Column =>
  format === undefined ? over("to_unix_timestamp", timestamp) : over("to_unix_timestamp", timestamp, format);
/** A UTC wall clock rendered in `tz`. */
export const from_utc_timestamp = (timestamp: ColumnOrName, tz: string | Column): Column => call("from_utc_timestamp", [e(timestamp), strOrCol(tz)]);
/** A wall clock in `tz` rendered in UTC. */
export const to_utc_timestamp = (timestamp: ColumnOrName, tz: string | Column): Column => call("to_utc_timestamp", [e(timestamp), strOrCol(tz)]);
/** A TIMESTAMP_NTZ from one zone's wall clock to another's (source null: the session zone). */
export function convert_timezone(sourceTz: Column | null, targetTz: Column, sourceTs: ColumnOrName): Column {
  return sourceTz === null ? call("convert_timezone", [targetTz.expr, e(sourceTs)]) : call("convert_timezone", [sourceTz.expr, targetTz.expr, e(sourceTs)]);
}
/** A timestamp from epoch seconds. */
export const timestamp_seconds = (c: ColumnOrName): Column => over("timestamp_seconds", c);
/** A timestamp from epoch milliseconds. */
export const timestamp_millis = (c: ColumnOrName): Column => over("timestamp_millis", c);
/** A timestamp from epoch microseconds. */
export const timestamp_micros = (c: ColumnOrName): Column => over("timestamp_micros", c);
/** Days since 1970-01-01. */
export const unix_date = (c: ColumnOrName): Column => over("unix_date", c);
/** Seconds since the epoch. */
export const unix_seconds = (c: ColumnOrName): Column => over("unix_seconds", c);
/** Milliseconds since the epoch. */
export const unix_millis = (c: ColumnOrName): Column => over("unix_millis", c);
/** Microseconds since the epoch. */
export const unix_micros = (c: ColumnOrName): Column => over("unix_micros", c);
/** timestampadd(unit, quantity, ts). */
export const timestamp_add = (unit: string, quantity: ColumnOrName, ts: ColumnOrName): Column => call("timestampadd", [lit(unit), e(quantity), e(ts)]);
/** timestampdiff(unit, start, end). */
export const timestamp_diff = (unit: string, start: ColumnOrName, end: ColumnOrName): Column => call("timestampdiff", [lit(unit), e(start), e(end)]);

type Six = [ColumnOrName, ColumnOrName, ColumnOrName, ColumnOrName, ColumnOrName, ColumnOrName];
const makeTs = (name: string, cols: Six, tz?: ColumnOrName): Column => over(name, ...cols, ...(tz === undefined ? [] : [tz]));
/** A timestamp from fields (optionally in a zone). */
export const make_timestamp = (y: ColumnOrName, mo: ColumnOrName, d: ColumnOrName, h: ColumnOrName, mi: ColumnOrName, s: ColumnOrName, tz?: ColumnOrName): Column =>
  makeTs("make_timestamp", [y, mo, d, h, mi, s], tz);
/** Same as make_timestamp. */
export const make_timestamp_ltz = (y: ColumnOrName, mo: ColumnOrName, d: ColumnOrName, h: ColumnOrName, mi: ColumnOrName, s: ColumnOrName, tz?: ColumnOrName): Column =>
  makeTs("make_timestamp_ltz", [y, mo, d, h, mi, s], tz);
/** A TIMESTAMP_NTZ from fields. */
export const make_timestamp_ntz = (y: ColumnOrName, mo: ColumnOrName, d: ColumnOrName, h: ColumnOrName, mi: ColumnOrName, s: ColumnOrName): Column =>
  makeTs("make_timestamp_ntz", [y, mo, d, h, mi, s]);
/** As make_timestamp, null for invalid fields. */
export const try_make_timestamp = (y: ColumnOrName, mo: ColumnOrName, d: ColumnOrName, h: ColumnOrName, mi: ColumnOrName, s: ColumnOrName, tz?: ColumnOrName): Column =>
  makeTs("try_make_timestamp", [y, mo, d, h, mi, s], tz);
/** As make_timestamp_ltz, null for invalid fields. */
export const try_make_timestamp_ltz = (y: ColumnOrName, mo: ColumnOrName, d: ColumnOrName, h: ColumnOrName, mi: ColumnOrName, s: ColumnOrName, tz?: ColumnOrName): Column =>
  makeTs("try_make_timestamp_ltz", [y, mo, d, h, mi, s], tz);
/** As make_timestamp_ntz, null for invalid fields. */
export const try_make_timestamp_ntz = (y: ColumnOrName, mo: ColumnOrName, d: ColumnOrName, h: ColumnOrName, mi: ColumnOrName, s: ColumnOrName): Column =>
  makeTs("try_make_timestamp_ntz", [y, mo, d, h, mi, s]);
/** A DAY TO SECOND interval from days, hours, minutes and seconds (absent fields are 0, as PySpark's lit(0)). */
export const make_dt_interval = (days?: ColumnOrName, hours?: ColumnOrName, mins?: ColumnOrName, secs?: ColumnOrName): Column =>
  call("make_dt_interval", [days, hours, mins, secs].map((v) => (v === undefined ? literalOf(0) : e(v))));
/** A YEAR TO MONTH interval from years and months (absent fields are 0). */
export const make_ym_interval = (years?: ColumnOrName, months?: ColumnOrName): Column =>
  call("make_ym_interval", [years, months].map((v) => (v === undefined ? literalOf(0) : e(v))));
const intervalFields = (fields: readonly (ColumnOrName | undefined)[], secs: ColumnOrName | undefined) => [
  ...fields.map((v) => (v === undefined ? literalOf(0) : e(v))),
  // PySpark's lit(Decimal(0)): a DECIMAL(1,0) zero.
  secs === undefined ? { kind: "Literal" as const, value: "0", dataType: decimalType(1, 0) } : e(secs),
];
/** A calendar interval from years, months, weeks, days, hours, minutes and seconds (absent fields are 0). */
export const make_interval = (years?: ColumnOrName, months?: ColumnOrName, weeks?: ColumnOrName, days?: ColumnOrName, hours?: ColumnOrName, mins?: ColumnOrName, secs?: ColumnOrName): Column =>
  call("make_interval", intervalFields([years, months, weeks, days, hours, mins], secs));
/** As make_interval, null where make_interval overflows. */
export const try_make_interval = (years?: ColumnOrName, months?: ColumnOrName, weeks?: ColumnOrName, days?: ColumnOrName, hours?: ColumnOrName, mins?: ColumnOrName, secs?: ColumnOrName): Column =>
  call("try_make_interval", intervalFields([years, months, weeks, days, hours, mins], secs));
