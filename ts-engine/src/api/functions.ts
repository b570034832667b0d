import type { ParsedExpr as Expr } from "../expr/parsed-expr.js";
import { call, Column, toExpr, type ColumnOrValue } from "./column.js";
import { literalOf, type LiteralValue } from "./literal.js";
import { attributeExpr, toColumn, type ColumnOrName } from "./column-or-name.js";

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

/** Sum of a numeric column (long for integral input, double for fractional). */
export function sum(c: ColumnOrName): Column {
  return call("sum", [nameOrColumn(c)]);
}

/** Average, as a double. */
export function avg(c: ColumnOrName): Column {
  return call("avg", [nameOrColumn(c)]);
}

/** Same as `avg`. */
export function mean(c: ColumnOrName): Column {
  return call("avg", [nameOrColumn(c)]);
}

/** Count of non-null values; `count("*")` counts rows (as `count(1)`). */
export function count(c: ColumnOrName): Column {
  if (c === "*") return call("count", [literalOf(1)]);
  return call("count", [nameOrColumn(c)]);
}

/** Minimum value. */
export function min(c: ColumnOrName): Column {
  return call("min", [nameOrColumn(c)]);
}

/** Maximum value. */
export function max(c: ColumnOrName): Column {
  return call("max", [nameOrColumn(c)]);
}

/** Number of distinct non-null combinations of the given columns. */
export function countDistinct(c: ColumnOrName, ...cols: ColumnOrName[]): Column {
  return call("count", [c, ...cols].map(nameOrColumn), true);
}

/** Same as `countDistinct`. */
export function count_distinct(c: ColumnOrName, ...cols: ColumnOrName[]): Column {
  return countDistinct(c, ...cols);
}

/** Ascending sort order of a column. */
export function asc(c: ColumnOrName): Column {
  return toColumn(c).asc();
}

/** Descending sort order of a column. */
export function desc(c: ColumnOrName): Column {
  return toColumn(c).desc();
}

function nameOrColumn(c: ColumnOrName): Expr {
  return toColumn(c).expr;
}

export * from "./functions-builtin.js";
