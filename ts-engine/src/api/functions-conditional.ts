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
