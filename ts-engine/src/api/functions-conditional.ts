import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke } from "./invoke.js";

// Null handling and conditional functions (Spark's conditional_funcs and predicate_funcs).

/** The first non-null value of the columns. */
export const coalesce = (...cols: ColumnOrName[]): Column => invoke("coalesce", ...cols);
/** True where the value is null. */
export const isnull = (c: ColumnOrName): Column => invoke("isnull", c);
/** True where the value is not null. */
export const isnotnull = (c: ColumnOrName): Column => invoke("isnotnull", c);
/** True where the value is NaN (false for null). */
export const isnan = (c: ColumnOrName): Column => invoke("isnan", c);
/** `col2` where `col1` is null. */
export const nvl = (col1: ColumnOrName, col2: ColumnOrName): Column => invoke("nvl", col1, col2);
/** `col2` where `col1` is null. */
export const ifnull = (col1: ColumnOrName, col2: ColumnOrName): Column => invoke("ifnull", col1, col2);
/** Null where the columns are equal, else `col1`. */
export const nullif = (col1: ColumnOrName, col2: ColumnOrName): Column => invoke("nullif", col1, col2);
/** `col2` where `col1` is NaN. */
export const nanvl = (col1: ColumnOrName, col2: ColumnOrName): Column => invoke("nanvl", col1, col2);
/** Null-safe equality. */
export const equal_null = (col1: ColumnOrName, col2: ColumnOrName): Column => invoke("equal_null", col1, col2);
/** `col2` where `col1` is not null, else `col3`. */
export const nvl2 = (col1: ColumnOrName, col2: ColumnOrName, col3: ColumnOrName): Column => invoke("nvl2", col1, col2, col3);
/** Null where the value is 0. */
export const nullifzero = (c: ColumnOrName): Column => invoke("nullifzero", c);
/** 0 where the value is null. */
export const zeroifnull = (c: ColumnOrName): Column => invoke("zeroifnull", c);
