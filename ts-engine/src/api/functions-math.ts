import type { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke, invokeExprs, invokeWithLiterals, numOrCol } from "./invoke.js";

// Math functions (Spark's math_funcs group).

/** Absolute value. */
export const abs = (c: ColumnOrName): Column => invoke("abs", c);
/** Smallest integer not below the value. */
export const ceil = (c: ColumnOrName): Column => invoke("ceil", c);
/** Same as `ceil`. */
export const ceiling = (c: ColumnOrName): Column => invoke("ceiling", c);
/** Largest integer not above the value. */
export const floor = (c: ColumnOrName): Column => invoke("floor", c);
/** e raised to the value. */
export const exp = (c: ColumnOrName): Column => invoke("exp", c);
/** Square root. */
export const sqrt = (c: ColumnOrName): Column => invoke("sqrt", c);
/** Natural logarithm. */
export const ln = (c: ColumnOrName): Column => invoke("ln", c);
/** `log(col)` natural logarithm, or `log(base, col)`, as PySpark's `log(arg1, arg2)`. */
export function log(arg1: ColumnOrName | number, arg2?: ColumnOrName): Column {
  if (arg2 === undefined) return invoke("ln", arg1 as ColumnOrName);
  return invokeExprs("log", [numOrCol(arg1), numOrCol(arg2)]);
}
/** `col1` raised to `col2`. */
export const pow = (col1: ColumnOrName | number, col2: ColumnOrName | number): Column => invokeExprs("power", [numOrCol(col1), numOrCol(col2)]);
/** Same as `pow`. */
export const power = pow;
/** Rounds half up to `scale` decimal places. */
export const round = (c: ColumnOrName, scale = 0): Column => invokeWithLiterals("round", c, scale);
/** `-col`. */
export const negative = (c: ColumnOrName): Column => invoke("negative", c);
/** Same as `negative`. */
export const negate = negative;
/** The largest value of the columns, skipping nulls. */
export const greatest = (...cols: ColumnOrName[]): Column => invoke("greatest", ...cols);
/** The smallest value of the columns, skipping nulls. */
export const least = (...cols: ColumnOrName[]): Column => invoke("least", ...cols);
