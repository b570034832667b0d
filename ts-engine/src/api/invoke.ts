import type { ParsedExpr as Expr } from "../expr/parsed-expr.js";
import { call, toExpr, type Column, type ColumnOrValue } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { literalOf, type LiteralValue } from "./literal.js";

// The building blocks of the one-line wrappers in functions-<family>.ts, as PySpark's
// _invoke_function_over_columns: each wrapper names a registry function and passes its arguments.

/** `name(cols…)` where every argument is a Column or a column name. */
export function invoke(name: string, ...cols: ColumnOrName[]): Column {
  return call(name, cols.map((c) => toColumn(c).expr));
}

/** `name(DISTINCT cols…)`. */
export function invokeDistinct(name: string, ...cols: ColumnOrName[]): Column {
  return call(name, cols.map((c) => toColumn(c).expr), true);
}

/** `name(col, v1, …)`: the first argument a column, the rest constants (or Columns). */
export function invokeWithLiterals(name: string, c: ColumnOrName, ...values: ColumnOrValue[]): Column {
  return call(name, [toColumn(c).expr, ...values.map(toExpr)]);
}

/** `name(args…)` over already-built argument expressions. */
export function invokeExprs(name: string, args: readonly Expr[]): Column {
  return call(name, args);
}

/** A constant argument as a literal expression. */
export function litArg(v: LiteralValue): Expr {
  return literalOf(v);
}

/** A Column or column name as a column, a plain number as a literal (`pow(2, "x")`). */
export function numOrCol(x: ColumnOrName | number): Expr {
  return typeof x === "number" ? literalOf(x) : toColumn(x).expr;
}
