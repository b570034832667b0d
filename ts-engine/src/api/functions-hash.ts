import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke } from "./invoke.js";

// Hash functions (Spark's hash_funcs group), bit-exact with Spark's.

/** Spark's Murmur3 hash of the columns (seed 42), an int. */
export const hash = (...cols: ColumnOrName[]): Column => invoke("hash", ...cols);
