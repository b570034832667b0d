import { Column, toExpr, type ColumnOrValue } from "./column.js";
import { literalOf, type LiteralValue } from "./literal.js";
import { attributeExpr, toColumn, type ColumnOrName } from "./column-or-name.js";

// Column constructors and sort orders (col, lit, expr, when, asc/desc …): they build
// expressions themselves rather than call a registry function, so they are the client-only
// names of the registry check. The registry's functions come from functions-builtin.ts.

/** Part of the `functions` namespace as before; defined in column-or-name.ts. */
export { attributeExpr, toColumn, type ColumnOrName };

/** The column named `name` (`"a"`, `"t.a"`, `` "`a.b`" ``, `"*"`, `"t.*"`). */
export function col(name: string): Column {
  return new Column(attributeExpr(name));
}

/** Same as `col`. */
export function column(name: string): Column {
  return col(name);
}

/** A constant column; a Column passes through unchanged. */
export function lit(value: Column | LiteralValue): Column {
  return value instanceof Column ? value : new Column(literalOf(value));
}

/** A SQL expression string parsed by the engine (`expr("a + 1 AS b")`). */
export function expr(sql: string): Column {
  return new Column({ kind: "ExprString", sql });
}

/** Starts a CASE WHEN; chain `.when(...)` and `.otherwise(...)` on the result. */
export function when(condition: Column, value: ColumnOrValue): Column {
  return new Column({ kind: "CaseWhen", branches: [[condition.expr, toExpr(value)]] });
}

/** `funcName(cols…)` for any function the engine knows, by name (unknown names are UNRESOLVED_ROUTINE). */
export function call_function(funcName: string, ...cols: ColumnOrName[]): Column {
  return new Column({ kind: "UnresolvedFunction", name: funcName, args: cols.map((c) => toColumn(c).expr), isDistinct: false });
}

/** Ascending sort order of a column (nulls first). */
export const asc = (c: ColumnOrName): Column => toColumn(c).asc();
/** Ascending sort order, nulls first. */
export const asc_nulls_first = (c: ColumnOrName): Column => toColumn(c).asc_nulls_first();
/** Ascending sort order, nulls last. */
export const asc_nulls_last = (c: ColumnOrName): Column => toColumn(c).asc_nulls_last();
/** Descending sort order of a column (nulls last). */
export const desc = (c: ColumnOrName): Column => toColumn(c).desc();
/** Descending sort order, nulls first. */
export const desc_nulls_first = (c: ColumnOrName): Column => toColumn(c).desc_nulls_first();
/** Descending sort order, nulls last. */
export const desc_nulls_last = (c: ColumnOrName): Column => toColumn(c).desc_nulls_last();

export * from "./functions-builtin.js";
export * from "./functions-hints.js";
export { call_udf, udf, type UserDefinedFunction } from "./functions-udf.js";
