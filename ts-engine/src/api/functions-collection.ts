import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke } from "./invoke.js";

// Array, map and struct functions and generators (Spark's collection, array, map, struct and generator groups).

/** An array of the columns' values. */
export const array = (...cols: ColumnOrName[]): Column => invoke("array", ...cols);
/** A struct of the columns. */
export const struct = (...cols: ColumnOrName[]): Column => invoke("struct", ...cols);
/** One row per element of an array (or entry of a map). */
export const explode = (c: ColumnOrName): Column => invoke("explode", c);
