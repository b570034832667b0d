import type { ParsedExpr as Expr } from "../expr/parsed-expr.js";
import { call, toExpr, type Column, type ColumnOrValue } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { literalOf } from "./literal.js";

/**
 * The Node API's wrappers of the issue-6.2 aggregates (pair statistics, moments, boolean and
 * bitwise aggregates, count_if, max_by/min_by, product, percentiles, synonyms), one line each
 * over the engine registry's names, as python/tspark/sql/functions/_aggregate_stats.py.
 */

const over = (name: string, ...cols: ColumnOrName[]): Column => call(name, cols.map((c) => toColumn(c).expr));
/** PySpark's lit() of a list is `array(lit(p1), …)`, which names the column. */
const percentage = (p: number | readonly number[]): Expr => (typeof p === "number" ? literalOf(p) : { kind: "UnresolvedFunction", name: "array", args: p.map((x) => literalOf(x)), isDistinct: false });
/** `corr(col1, col2)`. */
export const corr = (col1: ColumnOrName, col2: ColumnOrName): Column => over("corr", col1, col2);
/** `covar_pop(col1, col2)`. */
export const covar_pop = (col1: ColumnOrName, col2: ColumnOrName): Column => over("covar_pop", col1, col2);
/** `covar_samp(col1, col2)`. */
export const covar_samp = (col1: ColumnOrName, col2: ColumnOrName): Column => over("covar_samp", col1, col2);
/** `regr_avgx(y, x)`. */
export const regr_avgx = (y: ColumnOrName, x: ColumnOrName): Column => over("regr_avgx", y, x);
/** `regr_avgy(y, x)`. */
export const regr_avgy = (y: ColumnOrName, x: ColumnOrName): Column => over("regr_avgy", y, x);
/** `regr_count(y, x)`. */
export const regr_count = (y: ColumnOrName, x: ColumnOrName): Column => over("regr_count", y, x);
/** `regr_intercept(y, x)`. */
export const regr_intercept = (y: ColumnOrName, x: ColumnOrName): Column => over("regr_intercept", y, x);
/** `regr_r2(y, x)`. */
export const regr_r2 = (y: ColumnOrName, x: ColumnOrName): Column => over("regr_r2", y, x);
/** `regr_slope(y, x)`. */
export const regr_slope = (y: ColumnOrName, x: ColumnOrName): Column => over("regr_slope", y, x);
/** `regr_sxx(y, x)`. */
export const regr_sxx = (y: ColumnOrName, x: ColumnOrName): Column => over("regr_sxx", y, x);
/** `regr_sxy(y, x)`. */
export const regr_sxy = (y: ColumnOrName, x: ColumnOrName): Column => over("regr_sxy", y, x);
/** `regr_syy(y, x)`. */
export const regr_syy = (y: ColumnOrName, x: ColumnOrName): Column => over("regr_syy", y, x);
/** `kurtosis(col)`. */
export const kurtosis = (c: ColumnOrName): Column => over("kurtosis", c);
/** `skewness(col)`. */
export const skewness = (c: ColumnOrName): Column => over("skewness", c);
/** `bool_and(col)`. */
export const bool_and = (c: ColumnOrName): Column => over("bool_and", c);
/** `bool_or(col)`. */
export const bool_or = (c: ColumnOrName): Column => over("bool_or", c);
/** `every(col)`. */
export const every = (c: ColumnOrName): Column => over("every", c);
/** `some(col)`. */
export const some = (c: ColumnOrName): Column => over("some", c);
/** `bit_and(col)`. */
export const bit_and = (c: ColumnOrName): Column => over("bit_and", c);
/** `bit_or(col)`. */
export const bit_or = (c: ColumnOrName): Column => over("bit_or", c);
/** `bit_xor(col)`. */
export const bit_xor = (c: ColumnOrName): Column => over("bit_xor", c);
/** `count_if(col)`. */
export const count_if = (c: ColumnOrName): Column => over("count_if", c);
/** `product(col)`. */
export const product = (c: ColumnOrName): Column => over("product", c);
/** `median(col)`. */
export const median = (c: ColumnOrName): Column => over("median", c);
/** A histogram of at most `nBins` bins: an array of (x, y) structs (bin centre, height). */
export const histogram_numeric = (c: ColumnOrName, nBins: Column): Column => over("histogram_numeric", c, nBins);
/** `array_agg(col)`. */
export const array_agg = (c: ColumnOrName): Column => over("array_agg", c);
/** `max_by(col, ord)`. */
export const max_by = (c: ColumnOrName, ord: ColumnOrName): Column => over("max_by", c, ord);
/** `min_by(col, ord)`. */
export const min_by = (c: ColumnOrName, ord: ColumnOrName): Column => over("min_by", c, ord);
/** Exact percentile(s) of a numeric column, weighted by `frequency`. */
export const percentile = (c: ColumnOrName, p: number | readonly number[], frequency: ColumnOrValue = 1): Column =>
  call("percentile", [toColumn(c).expr, percentage(p), toExpr(frequency)]);
/** The value at the percentage's rank (tspark answers exactly). */
export const percentile_approx = (c: ColumnOrName, p: number | readonly number[], accuracy: ColumnOrValue = 10000): Column =>
  call("percentile_approx", [toColumn(c).expr, percentage(p), toExpr(accuracy)]);
/** Same as percentile_approx. */
export const approx_percentile = (c: ColumnOrName, p: number | readonly number[], accuracy: ColumnOrValue = 10000): Column =>
  call("approx_percentile", [toColumn(c).expr, percentage(p), toExpr(accuracy)]);
/** first(col[, ignoreNulls]) under its SQL name. */
export const first_value = (c: ColumnOrName, ignoreNulls?: boolean): Column =>
  call("first_value", ignoreNulls === undefined ? [toColumn(c).expr] : [toColumn(c).expr, literalOf(ignoreNulls)]);
/** last(col[, ignoreNulls]) under its SQL name. */
export const last_value = (c: ColumnOrName, ignoreNulls?: boolean): Column =>
  call("last_value", ignoreNulls === undefined ? [toColumn(c).expr] : [toColumn(c).expr, literalOf(ignoreNulls)]);
/** Sum, null on overflow. */
export const try_sum = (c: ColumnOrName): Column => over("try_sum", c);
/** Mean, null on overflow. */
export const try_avg = (c: ColumnOrName): Column => over("try_avg", c);
const listAgg = (name: string, c: ColumnOrName, delimiter: ColumnOrValue | undefined, distinct: boolean): Column =>
  call(name, delimiter === undefined ? [toColumn(c).expr] : [toColumn(c).expr, toExpr(delimiter)], distinct);
/** The group's strings joined by the delimiter. */
export const listagg = (c: ColumnOrName, delimiter?: ColumnOrValue): Column => listAgg("listagg", c, delimiter, false);
/** listagg of the distinct strings. */
export const listagg_distinct = (c: ColumnOrName, delimiter?: ColumnOrValue): Column => listAgg("listagg", c, delimiter, true);
/** Same as listagg. */
export const string_agg = (c: ColumnOrName, delimiter?: ColumnOrValue): Column => listAgg("string_agg", c, delimiter, false);
/** Same as listagg_distinct. */
export const string_agg_distinct = (c: ColumnOrName, delimiter?: ColumnOrValue): Column => listAgg("string_agg", c, delimiter, true);
