import type { ParsedExpr as Expr, ParsedLambdaFunction, UnresolvedNamedLambdaVariable } from "../expr/parsed-expr.js";
import { call, Column, toExpr, type ColumnOrValue } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { PySparkTypeError, PySparkValueError } from "./errors.js";
import { literalOf } from "./literal.js";

/**
 * PySpark's collection functions for Node: arrays, maps, structs, higher-order functions and
 * generators, each one line over the engine registry's name. A higher-order function's JS
 * callback is called once with placeholder Columns (x_1, y_2 … as PySpark numbers them) to
 * build an engine lambda; it never runs per element.
 */

const over = (name: string, ...cols: ColumnOrName[]): Column => call(name, cols.map((c) => toColumn(c).expr));
const col = (c: ColumnOrName): Expr => toColumn(c).expr;
const val = (v: ColumnOrValue): Expr => toExpr(v);
const intOrCol = (v: number | ColumnOrName): Expr => (typeof v === "number" ? literalOf(v) : col(v));

// ---- arrays ----
/** An array of the columns' values. */
export const array = (...cols: ColumnOrName[]): Column => over("array", ...cols);
/** The array with `value` appended. */
export const array_append = (c: ColumnOrName, value: ColumnOrValue): Column => call("array_append", [col(c), val(value)]);
/** The array with `value` prepended. */
export const array_prepend = (c: ColumnOrName, value: ColumnOrValue): Column => call("array_prepend", [col(c), val(value)]);
/** The array with `value` inserted at 1-based `pos` (negative from the end). */
export const array_insert = (arr: ColumnOrName, pos: number | ColumnOrName, value: ColumnOrValue): Column => call("array_insert", [col(arr), intOrCol(pos), val(value)]);
/** The array without null elements. */
export const array_compact = (c: ColumnOrName): Column => over("array_compact", c);
/** Whether the array contains `value` (null semantics as Spark). */
export const array_contains = (c: ColumnOrName, value: ColumnOrValue): Column => call("array_contains", [col(c), val(value)]);
/** The distinct elements. */
export const array_distinct = (c: ColumnOrName): Column => over("array_distinct", c);
/** Elements of the first array not in the second. */
export const array_except = (a: ColumnOrName, b: ColumnOrName): Column => over("array_except", a, b);
/** Elements in both arrays. */
export const array_intersect = (a: ColumnOrName, b: ColumnOrName): Column => over("array_intersect", a, b);
/** Elements in either array. */
export const array_union = (a: ColumnOrName, b: ColumnOrName): Column => over("array_union", a, b);
/** Whether the arrays share a non-null element. */
export const arrays_overlap = (a: ColumnOrName, b: ColumnOrName): Column => over("arrays_overlap", a, b);
/** The elements joined by `delimiter` (nulls skipped unless `nullReplacement`). */
export function array_join(c: ColumnOrName, delimiter: string, nullReplacement?: string): Column {
  const args = [col(c), literalOf(delimiter)];
  if (nullReplacement !== undefined) args.push(literalOf(nullReplacement));
  return call("array_join", args);
}
/** The largest element. */
export const array_max = (c: ColumnOrName): Column => over("array_max", c);
/** The smallest element. */
export const array_min = (c: ColumnOrName): Column => over("array_min", c);
/** 1-based position of `value`, 0 when absent. */
export const array_position = (c: ColumnOrName, value: ColumnOrValue): Column => call("array_position", [col(c), val(value)]);
/** The array without elements equal to `element`. */
export const array_remove = (c: ColumnOrName, element: ColumnOrValue): Column => call("array_remove", [col(c), val(element)]);
/** `count` copies of the column's value. */
export const array_repeat = (c: ColumnOrName, count: number | ColumnOrName): Column => call("array_repeat", [col(c), intOrCol(count)]);
/** The array's length. */
export const array_size = (c: ColumnOrName): Column => over("array_size", c);
/** Number of elements of an array or map. */
export const cardinality = (c: ColumnOrName): Column => over("cardinality", c);
/** Number of elements of an array or map. */
export const size = (c: ColumnOrName): Column => over("size", c);
/** Structs of the arrays' N-th elements. */
export const arrays_zip = (...cols: ColumnOrName[]): Column => over("arrays_zip", ...cols);
/** Element at 1-based index of an array, or a map's value for a key. */
export const element_at = (c: ColumnOrName, extraction: ColumnOrValue): Column => call("element_at", [col(c), val(extraction)]);
/** element_at, null instead of errors. */
export const try_element_at = (c: ColumnOrName, extraction: ColumnOrName): Column => over("try_element_at", c, extraction);
/** Element at 0-based index, null when out of range. */
export const get = (c: ColumnOrName, index: number | ColumnOrName): Column => call("get", [col(c), intOrCol(index)]);
/** The inner arrays concatenated. */
export const flatten = (c: ColumnOrName): Column => over("flatten", c);
/** The string or array reversed. */
export const reverse = (c: ColumnOrName): Column => over("reverse", c);
/** Integers from start to stop by step. */
export const sequence = (start: ColumnOrName, stop: ColumnOrName, step?: ColumnOrName): Column =>
  step === undefined ? over("sequence", start, stop) : over("sequence", start, stop, step);
/** A random permutation (reproducible with a seed). */
export const shuffle = (c: ColumnOrName, seed?: number): Column => call("shuffle", seed === undefined ? [col(c)] : [col(c), literalOf(seed)]);
/** `length` elements from 1-based `start`. */
export const slice = (x: ColumnOrName, start: number | ColumnOrName, length: number | ColumnOrName): Column => call("slice", [col(x), intOrCol(start), intOrCol(length)]);
/** Sorted ascending (nulls first) or descending (nulls last). */
export const sort_array = (c: ColumnOrName, asc = true): Column => call("sort_array", [col(c), literalOf(asc)]);
/** Sorted ascending with nulls last, or by a comparator `(l, r) => Column` returning an int. */
export function array_sort(c: ColumnOrName, comparator?: (l: Column, r: Column) => Column): Column {
  return comparator === undefined ? over("array_sort", c) : call("array_sort", [col(c), lambda(comparator)]);
}

// ---- maps and structs ----
/** A map of key/value column pairs. */
export const create_map = (...cols: ColumnOrName[]): Column => over("map", ...cols);
/** The union of the maps. */
export const map_concat = (...cols: ColumnOrName[]): Column => over("map_concat", ...cols);
/** Whether the map holds the key. */
export const map_contains_key = (c: ColumnOrName, value: ColumnOrValue): Column => call("map_contains_key", [col(c), val(value)]);
/** The map's entries as (key, value) structs. */
export const map_entries = (c: ColumnOrName): Column => over("map_entries", c);
/** A map of a keys array and a values array. */
export const map_from_arrays = (keys: ColumnOrName, values: ColumnOrName): Column => over("map_from_arrays", keys, values);
/** A map of an array of (key, value) structs. */
export const map_from_entries = (c: ColumnOrName): Column => over("map_from_entries", c);
/** The map's keys. */
export const map_keys = (c: ColumnOrName): Column => over("map_keys", c);
/** The map's values. */
export const map_values = (c: ColumnOrName): Column => over("map_values", c);
/** A map parsed from text by pair and key/value delimiters (regular expressions). */
export const str_to_map = (text: ColumnOrName, pairDelim: ColumnOrValue = ",", keyValueDelim: ColumnOrValue = ":"): Column =>
  call("str_to_map", [col(text), val(pairDelim), val(keyValueDelim)]);
/** A struct of the columns. */
export const struct = (...cols: ColumnOrName[]): Column => over("struct", ...cols);
/** A struct of name/value pairs (names as literal columns). */
export const named_struct = (...cols: ColumnOrName[]): Column => over("named_struct", ...cols);

// ---- higher-order functions ----
let varIds = 1;

/** PySpark's _create_lambda: calls `f` once with variables x_N, y_N, z_N. */
function lambda(f: (...args: Column[]) => Column): ParsedLambdaFunction {
  if (f.length < 1 || f.length > 3) {
    throw new PySparkValueError("WRONG_NUM_ARGS_FOR_HIGHER_ORDER_FUNCTION", { func_name: f.name || "<lambda>", num_args: String(f.length) });
  }
  const args: UnresolvedNamedLambdaVariable[] = ["x", "y", "z"].slice(0, f.length).map((n) => ({ kind: "UnresolvedNamedLambdaVariable", nameParts: [`${n}_${varIds++}`] }));
  const body: unknown = f(...args.map((a) => new Column(a)));
  if (!(body instanceof Column)) {
    throw new PySparkTypeError("HIGHER_ORDER_FUNCTION_SHOULD_RETURN_COLUMN", { func_name: f.name || "<lambda>", return_type: typeof body });
  }
  return { kind: "LambdaFunction", body: body.expr, args };
}

/** Each element mapped by `f(x)` or `f(x, i)`. */
export const transform = (c: ColumnOrName, f: ((x: Column) => Column) | ((x: Column, i: Column) => Column)): Column => call("transform", [col(c), lambda(f)]);
/** The elements for which `f(x)` or `f(x, i)` holds. */
export const filter = (c: ColumnOrName, f: ((x: Column) => Column) | ((x: Column, i: Column) => Column)): Column => call("filter", [col(c), lambda(f)]);
/** Whether `f` holds for some element. */
export const exists = (c: ColumnOrName, f: (x: Column) => Column): Column => call("exists", [col(c), lambda(f)]);
/** Whether `f` holds for every element. */
export const forall = (c: ColumnOrName, f: (x: Column) => Column): Column => call("forall", [col(c), lambda(f)]);
/** The elements folded into `initialValue` by `merge`, then mapped by `finish`. */
export function aggregate(c: ColumnOrName, initialValue: ColumnOrName, merge: (acc: Column, x: Column) => Column, finish?: (acc: Column) => Column): Column {
  return call("aggregate", [col(c), col(initialValue), lambda(merge), ...(finish === undefined ? [] : [lambda(finish)])]);
}
/** Same as `aggregate`, named reduce. */
export function reduce(c: ColumnOrName, initialValue: ColumnOrName, merge: (acc: Column, x: Column) => Column, finish?: (acc: Column) => Column): Column {
  return call("reduce", [col(c), col(initialValue), lambda(merge), ...(finish === undefined ? [] : [lambda(finish)])]);
}
/** Two arrays merged element-wise by `f(x, y)`. */
export const zip_with = (left: ColumnOrName, right: ColumnOrName, f: (x: Column, y: Column) => Column): Column => call("zip_with", [col(left), col(right), lambda(f)]);
/** The entries for which `f(k, v)` holds. */
export const map_filter = (c: ColumnOrName, f: (k: Column, v: Column) => Column): Column => call("map_filter", [col(c), lambda(f)]);
/** Two maps merged by key with `f(k, v1, v2)`. */
export const map_zip_with = (a: ColumnOrName, b: ColumnOrName, f: (k: Column, v1: Column, v2: Column) => Column): Column => call("map_zip_with", [col(a), col(b), lambda(f)]);
/** Keys replaced by `f(k, v)`. */
export const transform_keys = (c: ColumnOrName, f: (k: Column, v: Column) => Column): Column => call("transform_keys", [col(c), lambda(f)]);
/** Values replaced by `f(k, v)`. */
export const transform_values = (c: ColumnOrName, f: (k: Column, v: Column) => Column): Column => call("transform_values", [col(c), lambda(f)]);

// ---- generators ----
/** A row per element (array) or entry (map). */
export const explode = (c: ColumnOrName): Column => over("explode", c);
/** explode, with a null row for a null or empty input. */
export const explode_outer = (c: ColumnOrName): Column => over("explode_outer", c);
/** explode with the position. */
export const posexplode = (c: ColumnOrName): Column => over("posexplode", c);
/** posexplode, with a null row for a null or empty input. */
export const posexplode_outer = (c: ColumnOrName): Column => over("posexplode_outer", c);
/** A row per struct of an array of structs, a column per field. */
export const inline = (c: ColumnOrName): Column => over("inline", c);
/** inline, with a null row for a null or empty input. */
export const inline_outer = (c: ColumnOrName): Column => over("inline_outer", c);
/** `n` rows of the remaining columns. */
export const stack = (...cols: ColumnOrName[]): Column => over("stack", ...cols);
