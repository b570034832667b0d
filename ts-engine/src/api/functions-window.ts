import type { Column, ColumnOrValue } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invokeExprs, invokeWithLiterals, litArg } from "./invoke.js";

// Window functions (Spark's window_funcs group), used with `.over(window)`: ranking and offset
// functions; aggregates over windows are the aggregate wrappers.

/** row_number(): 1, 2, 3 … within each window partition, in window order. */
export function row_number(): Column {
  return invokeExprs("row_number", []);
}

/** rank(): one plus the rows before the row's peers (ties leave gaps). */
export function rank(): Column {
  return invokeExprs("rank", []);
}

/** dense_rank(): the rank without gaps after ties. */
export function dense_rank(): Column {
  return invokeExprs("dense_rank", []);
}

/** percent_rank(): (rank - 1) / (partition rows - 1). */
export function percent_rank(): Column {
  return invokeExprs("percent_rank", []);
}

/** cume_dist(): rows up to the row's last peer over the partition's rows. */
export function cume_dist(): Column {
  return invokeExprs("cume_dist", []);
}

/** ntile(n): the row's bucket (1 … n) when each partition is split into n near-equal buckets. */
export function ntile(n: number): Column {
  return invokeExprs("ntile", [litArg(n)]);
}

/** lag(col, offset = 1, default = null): the value `offset` rows before, within the partition. */
export function lag(col: ColumnOrName, offset = 1, defaultValue: ColumnOrValue = null): Column {
  return invokeWithLiterals("lag", col, offset, defaultValue);
}

/** lead(col, offset = 1, default = null): the value `offset` rows after, within the partition. */
export function lead(col: ColumnOrName, offset = 1, defaultValue: ColumnOrValue = null): Column {
  return invokeWithLiterals("lead", col, offset, defaultValue);
}

/** nth_value(col, offset, ignoreNulls = false): the value of the frame's offset-th row. */
export function nth_value(col: ColumnOrName, offset: number, ignoreNulls = false): Column {
  return invokeWithLiterals("nth_value", col, offset, ignoreNulls);
}
