import type { ParsedSortOrder as SortOrder } from "../expr/parsed-expr.js";
import { PySparkTypeError, PySparkValueError } from "./errors.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";

/** PySpark's `ascending=` argument of orderBy/sort: one flag or one per column. */
export interface SortOptions {
  readonly ascending?: boolean | readonly boolean[];
}

/**
 * The SortOrders of `orderBy(cols, ascending=…)`: a column that is already a sort
 * order keeps it; others sort ascending nulls first (or descending nulls last when
 * `ascending` says so), as PySpark's `_sort_cols`.
 */
export function sortOrders(cols: readonly ColumnOrName[], options: SortOptions = {}): SortOrder[] {
  if (cols.length === 0) throw new PySparkValueError("CANNOT_BE_EMPTY", { item: "column" });
  const asc = options.ascending ?? true;
  if (Array.isArray(asc) && asc.length !== cols.length) {
    throw new PySparkValueError("LENGTH_SHOULD_BE_THE_SAME", {
      arg1: "ascending",
      arg2: "cols",
      arg1_length: String(asc.length),
      arg2_length: String(cols.length),
    });
  }
  if (typeof asc !== "boolean" && !Array.isArray(asc)) {
    throw new PySparkTypeError("NOT_BOOL_OR_LIST", { arg_name: "ascending", arg_type: typeof asc });
  }
  return cols.map((c, i) => {
    const e = toColumn(c).expr;
    if (e.kind === "SortOrder") return e;
    const up = typeof asc === "boolean" ? asc : (asc as readonly boolean[])[i] ?? true;
    return { kind: "SortOrder", child: e, ascending: up, nullsFirst: up };
  });
}
