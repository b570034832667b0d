import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke } from "./invoke.js";

// The try_* arithmetic family: the operator's result, or null where it would fail.

/** `left + right`, null on overflow. */
export const try_add = (left: ColumnOrName, right: ColumnOrName): Column => invoke("try_add", left, right);
/** `left - right`, null on overflow. */
export const try_subtract = (left: ColumnOrName, right: ColumnOrName): Column => invoke("try_subtract", left, right);
/** `left * right`, null on overflow. */
export const try_multiply = (left: ColumnOrName, right: ColumnOrName): Column => invoke("try_multiply", left, right);
/** `left / right`, null when `right` is 0 or on overflow. */
export const try_divide = (left: ColumnOrName, right: ColumnOrName): Column => invoke("try_divide", left, right);
/** `left % right`, null when `right` is 0. */
export const try_mod = (left: ColumnOrName, right: ColumnOrName): Column => invoke("try_mod", left, right);
