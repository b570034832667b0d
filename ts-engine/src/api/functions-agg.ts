import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke, invokeDistinct, invokeExprs, invokeWithLiterals, litArg } from "./invoke.js";

// Aggregate functions (Spark's agg_funcs group).

/** Sum of a numeric column (long for integral input, double for fractional). */
export const sum = (c: ColumnOrName): Column => invoke("sum", c);
/** Average, as a double. */
export const avg = (c: ColumnOrName): Column => invoke("avg", c);
/** Same as `avg`. */
export const mean = (c: ColumnOrName): Column => invoke("avg", c);
/** Count of non-null values; `count("*")` counts rows (as `count(1)`). */
export const count = (c: ColumnOrName): Column => (c === "*" ? invokeExprs("count", [litArg(1)]) : invoke("count", c));
/** Minimum value. */
export const min = (c: ColumnOrName): Column => invoke("min", c);
/** Maximum value. */
export const max = (c: ColumnOrName): Column => invoke("max", c);
/** Number of distinct non-null combinations of the given columns. */
export const countDistinct = (c: ColumnOrName, ...cols: ColumnOrName[]): Column => invokeDistinct("count", c, ...cols);
/** Same as `countDistinct`. */
export const count_distinct = countDistinct;
/** Sum of distinct values. */
export const sum_distinct = (c: ColumnOrName): Column => invokeDistinct("sum", c);
/** Same as `sum_distinct`. */
export const sumDistinct = sum_distinct;
/** The first value in a group (the first non-null one with `ignorenulls`). */
export const first = (c: ColumnOrName, ignorenulls = false): Column => invokeWithLiterals("first", c, ignorenulls);
/** The last value in a group (the last non-null one with `ignorenulls`). */
export const last = (c: ColumnOrName, ignorenulls = false): Column => invokeWithLiterals("last", c, ignorenulls);
/** Any value of the group. */
export const any_value = (c: ColumnOrName, ignoreNulls?: boolean): Column =>
  ignoreNulls === undefined ? invoke("any_value", c) : invokeWithLiterals("any_value", c, ignoreNulls);
/** The group's values as an array. */
export const collect_list = (c: ColumnOrName): Column => invoke("collect_list", c);
/** The group's distinct values as an array. */
export const collect_set = (c: ColumnOrName): Column => invoke("collect_set", c);
/** Sample standard deviation. */
export const stddev = (c: ColumnOrName): Column => invoke("stddev", c);
/** Sample standard deviation (same as `stddev`). */
export const std = (c: ColumnOrName): Column => invoke("std", c);
/** Sample standard deviation. */
export const stddev_samp = (c: ColumnOrName): Column => invoke("stddev_samp", c);
/** Population standard deviation. */
export const stddev_pop = (c: ColumnOrName): Column => invoke("stddev_pop", c);
/** Sample variance. */
export const variance = (c: ColumnOrName): Column => invoke("variance", c);
/** Sample variance. */
export const var_samp = (c: ColumnOrName): Column => invoke("var_samp", c);
/** Population variance. */
export const var_pop = (c: ColumnOrName): Column => invoke("var_pop", c);
/** The most frequent value of a group; `deterministic` breaks ties toward the lowest value (PySpark 4.0's `mode(col, deterministic)`). */
export const mode = (c: ColumnOrName, deterministic = false): Column => invokeWithLiterals("mode", c, deterministic);
/** Approximate distinct count. */
export const approx_count_distinct = (c: ColumnOrName): Column => invoke("approx_count_distinct", c);
