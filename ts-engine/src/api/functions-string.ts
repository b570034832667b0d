import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { toColumn } from "./column-or-name.js";
import { invoke, invokeExprs, invokeWithLiterals, litArg } from "./invoke.js";

// String and regular-expression functions (Spark's string_funcs group).

/** Upper-case. */
export const upper = (c: ColumnOrName): Column => invoke("upper", c);
/** Lower-case. */
export const lower = (c: ColumnOrName): Column => invoke("lower", c);
/** Length in characters. */
export const length = (c: ColumnOrName): Column => invoke("length", c);
/** Strips spaces at both ends. */
export const trim = (c: ColumnOrName): Column => invoke("trim", c);
/** Strips leading spaces. */
export const ltrim = (c: ColumnOrName): Column => invoke("ltrim", c);
/** Strips trailing spaces. */
export const rtrim = (c: ColumnOrName): Column => invoke("rtrim", c);
/** Concatenation (null if any input is null). */
export const concat = (...cols: ColumnOrName[]): Column => invoke("concat", ...cols);
/** Concatenation with a separator, skipping nulls. */
export const concat_ws = (sep: string, ...cols: ColumnOrName[]): Column => invokeExprs("concat_ws", [litArg(sep), ...cols.map((c) => toColumn(c).expr)]);
/** `len` characters from 1-based position `pos`. */
export const substring = (c: ColumnOrName, pos: number, len: number): Column => invokeWithLiterals("substring", c, pos, len);
/** `substr(str, pos[, len])` with Column or name arguments. */
export const substr = (str: ColumnOrName, pos: ColumnOrName, len?: ColumnOrName): Column =>
  len === undefined ? invoke("substr", str, pos) : invoke("substr", str, pos, len);
/** Splits around matches of a regular expression. */
export const split = (c: ColumnOrName, pattern: string, limit = -1): Column => invokeWithLiterals("split", c, pattern, limit);
/** True where `right` occurs in `left`. */
export const contains = (left: ColumnOrName, right: ColumnOrName): Column => invoke("contains", left, right);
/** True where `str` starts with `prefix`. */
export const startswith = (str: ColumnOrName, prefix: ColumnOrName): Column => invoke("startswith", str, prefix);
/** True where `str` ends with `suffix`. */
export const endswith = (str: ColumnOrName, suffix: ColumnOrName): Column => invoke("endswith", str, suffix);
/** SQL LIKE (`%`, `_`; `escapeChar` escapes them, `\` by default). */
export const like = (str: ColumnOrName, pattern: ColumnOrName, escapeChar?: Column): Column =>
  escapeChar === undefined ? invoke("like", str, pattern) : invoke("like", str, pattern, escapeChar);
/** Case-insensitive LIKE. */
export const ilike = (str: ColumnOrName, pattern: ColumnOrName, escapeChar?: Column): Column =>
  escapeChar === undefined ? invoke("ilike", str, pattern) : invoke("ilike", str, pattern, escapeChar);
/** True where some substring of `str` matches the Java regular expression `regexp`. */
export const rlike = (str: ColumnOrName, regexp: ColumnOrName): Column => invoke("rlike", str, regexp);
