import type { Column, ColumnOrValue } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke, invokeExprs, invokeWithLiterals } from "./invoke.js";

// Date and time functions (Spark's datetime_funcs group).

/** Today's date in the session time zone. */
export const current_date = (): Column => invokeExprs("current_date", []);
/** The current timestamp. */
export const current_timestamp = (): Column => invokeExprs("current_timestamp", []);
/** Parses a date, optionally with a format. */
export const to_date = (c: ColumnOrName, format?: string): Column => (format === undefined ? invoke("to_date", c) : invokeWithLiterals("to_date", c, format));
/** The year of a date/timestamp. */
export const year = (c: ColumnOrName): Column => invoke("year", c);
/** The month of a date/timestamp. */
export const month = (c: ColumnOrName): Column => invoke("month", c);
/** The day of month of a date/timestamp. */
export const day = (c: ColumnOrName): Column => invoke("day", c);
/** The day of month of a date/timestamp. */
export const dayofmonth = (c: ColumnOrName): Column => invoke("dayofmonth", c);
/** The date `days` days after `start`. */
export const date_add = (start: ColumnOrName, days: ColumnOrValue): Column => invokeWithLiterals("date_add", start, days);
/** The date `days` days before `start`. */
export const date_sub = (start: ColumnOrName, days: ColumnOrValue): Column => invokeWithLiterals("date_sub", start, days);
