import type { ParsedExpr as Expr } from "../expr/parsed-expr.js";
import { call, type Column } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { literalOf } from "./literal.js";

/**
 * PySpark's one-line function wrappers over the engine's registry, by family. Each
 * builds an UnresolvedFunction with Spark's name; the engine resolves and types it.
 */
const over = (name: string, ...cols: ColumnOrName[]): Column => call(name, cols.map((c) => toColumn(c).expr));
const litArg = (v: number | string | boolean): Expr => literalOf(v);

// ---- math ----
/** Absolute value. */
export const abs = (c: ColumnOrName): Column => over("abs", c);
/** Smallest integer not below the value. */
export const ceil = (c: ColumnOrName): Column => over("ceil", c);
/** Largest integer not above the value. */
export const floor = (c: ColumnOrName): Column => over("floor", c);
/** e raised to the value. */
export const exp = (c: ColumnOrName): Column => over("exp", c);
/** Square root. */
export const sqrt = (c: ColumnOrName): Column => over("sqrt", c);
/** Natural logarithm. */
export const ln = (c: ColumnOrName): Column => over("ln", c);
/** `log(col)` natural logarithm, or `log(base, col)`, as PySpark's `log(arg1, arg2)`. */
export function log(arg1: ColumnOrName | number, arg2?: ColumnOrName): Column {
  if (arg2 === undefined) return over("ln", arg1 as ColumnOrName);
  return call("log", [literalOf(arg1 as number), toColumn(arg2).expr]);
}
/** `col1` raised to `col2`. */
export function pow(col1: ColumnOrName | number, col2: ColumnOrName | number): Column {
  const e = (x: ColumnOrName | number): Expr => (typeof x === "number" ? literalOf(x) : toColumn(x).expr);
  return call("power", [e(col1), e(col2)]);
}
/** Rounds half up to `scale` decimal places. */
export function round(c: ColumnOrName, scale?: number): Column {
  return scale === undefined ? over("round", c) : call("round", [toColumn(c).expr, litArg(scale)]);
}
/** The largest value of the columns, skipping nulls. */
export const greatest = (...cols: ColumnOrName[]): Column => over("greatest", ...cols);
/** The smallest value of the columns, skipping nulls. */
export const least = (...cols: ColumnOrName[]): Column => over("least", ...cols);

// ---- null handling and predicates ----
/** The first non-null value of the columns. */
export const coalesce = (...cols: ColumnOrName[]): Column => over("coalesce", ...cols);
/** True where the value is null. */
export const isnull = (c: ColumnOrName): Column => over("isnull", c);
/** True where the value is not null. */
export const isnotnull = (c: ColumnOrName): Column => over("isnotnull", c);

/** Spark's Murmur3 hash of the columns (seed 42), an int. */
export const hash = (...cols: ColumnOrName[]): Column => over("hash", ...cols);

// ---- strings ----
/** Upper-case. */
export const upper = (c: ColumnOrName): Column => over("upper", c);
/** Lower-case. */
export const lower = (c: ColumnOrName): Column => over("lower", c);
/** Length in characters. */
export const length = (c: ColumnOrName): Column => over("length", c);
/** Strips spaces at both ends. */
export const trim = (c: ColumnOrName): Column => over("trim", c);
/** Strips leading spaces. */
export const ltrim = (c: ColumnOrName): Column => over("ltrim", c);
/** Strips trailing spaces. */
export const rtrim = (c: ColumnOrName): Column => over("rtrim", c);
/** Concatenation (null if any input is null). */
export const concat = (...cols: ColumnOrName[]): Column => over("concat", ...cols);
/** Concatenation with a separator, skipping nulls. */
export function concat_ws(sep: string, ...cols: ColumnOrName[]): Column {
  return call("concat_ws", [litArg(sep), ...cols.map((c) => toColumn(c).expr)]);
}
/** `len` characters from 1-based position `pos`. */
export function substring(c: ColumnOrName, pos: number, len: number): Column {
  return call("substring", [toColumn(c).expr, litArg(pos), litArg(len)]);
}
/** Splits around matches of a regular expression. */
export function split(c: ColumnOrName, pattern: string, limit = -1): Column {
  return call("split", [toColumn(c).expr, litArg(pattern), litArg(limit)]);
}

// ---- collections ----
/** An array of the columns' values. */
export const array = (...cols: ColumnOrName[]): Column => over("array", ...cols);
/** A struct of the columns. */
export const struct = (...cols: ColumnOrName[]): Column => over("struct", ...cols);

// ---- dates ----
/** Today's date in the session time zone. */
export const current_date = (): Column => call("current_date", []);
/** The current timestamp. */
export const current_timestamp = (): Column => call("current_timestamp", []);
/** Parses a date, optionally with a format. */
export function to_date(c: ColumnOrName, format?: string): Column {
  return format === undefined ? over("to_date", c) : call("to_date", [toColumn(c).expr, litArg(format)]);
}
/** The year of a date/timestamp. */
export const year = (c: ColumnOrName): Column => over("year", c);
/** The month of a date/timestamp. */
export const month = (c: ColumnOrName): Column => over("month", c);
/** The day of month of a date/timestamp. */
export const dayofmonth = (c: ColumnOrName): Column => over("dayofmonth", c);

// ---- aggregates ----
/** The first value in a group. */
export const first = (c: ColumnOrName): Column => over("first", c);
/** The last value in a group. */
export const last = (c: ColumnOrName): Column => over("last", c);
/** Any value of the group. */
export const any_value = (c: ColumnOrName): Column => over("any_value", c);
/** The group's values as an array. */
export const collect_list = (c: ColumnOrName): Column => over("collect_list", c);
/** The group's distinct values as an array. */
export const collect_set = (c: ColumnOrName): Column => over("collect_set", c);
/** Sample standard deviation. */
export const stddev = (c: ColumnOrName): Column => over("stddev", c);
/** Sample standard deviation. */
export const stddev_samp = (c: ColumnOrName): Column => over("stddev_samp", c);
/** Population standard deviation. */
export const stddev_pop = (c: ColumnOrName): Column => over("stddev_pop", c);
/** Sample variance. */
export const variance = (c: ColumnOrName): Column => over("variance", c);
/** Sample variance. */
export const var_samp = (c: ColumnOrName): Column => over("var_samp", c);
/** Population variance. */
export const var_pop = (c: ColumnOrName): Column => over("var_pop", c);
/** The most frequent value of a group; `deterministic` breaks ties toward the lowest value (PySpark 4.0's `mode(col, deterministic)`). */
export const mode = (c: ColumnOrName, deterministic = false): Column => call("mode", [toColumn(c).expr, litArg(deterministic)]);
/** Approximate distinct count. */
export const approx_count_distinct = (c: ColumnOrName): Column => over("approx_count_distinct", c);
/** Sum of distinct values. */
export const sum_distinct = (c: ColumnOrName): Column => call("sum", [toColumn(c).expr], true);
