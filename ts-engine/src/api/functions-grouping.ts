import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke } from "./invoke.js";

// Spark's grouping functions: which grouping set a row of a cube, rollup or groupingSets aggregate belongs to.

/** 1 (tinyint) when `col` is aggregated away in the row's grouping set, else 0. */
export const grouping = (col: ColumnOrName): Column => invoke("grouping", col);
/** The row's grouping set as a bit mask (bigint); `cols`, when given, must be the grouping columns. */
export const grouping_id = (...cols: ColumnOrName[]): Column => invoke("grouping_id", ...cols);
