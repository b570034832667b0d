import type { Column } from "./column.js";
import { Column as ColumnClass, toExpr } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke, invokeExprs, invokeWithLiterals, litArg } from "./invoke.js";
import { PySparkTypeError } from "./errors.js";

// Spark's misc_funcs group: row ids, partition ids, random numbers, session information.

/** A 64-bit id that increases within a partition: the partition index in the upper 31 bits, the row's position in the lower 33. */
export const monotonically_increasing_id = (): Column => invokeExprs("monotonically_increasing_id", []);
/** Uniform random doubles in [0, 1), seeded (a random seed without one). */
export const rand = (seed?: number): Column => invokeExprs("rand", seed === undefined ? [] : [litArg(seed)]);
/** The row's partition index. */
export const spark_partition_id = (): Column => invokeExprs("spark_partition_id", []);
/** The Spark version this engine follows. */
export const version = (): Column => invokeExprs("version", []);
/** The user running the engine. */
export const current_user = (): Column => invokeExprs("current_user", []);
/** The user running the engine. */
export const user = (): Column => invokeExprs("user", []);
/** The user running the engine. */
export const session_user = (): Column => invokeExprs("session_user", []);
/** The current database. */
export const current_database = (): Column => invokeExprs("current_database", []);
/** The current catalog. */
export const current_catalog = (): Column => invokeExprs("current_catalog", []);
/** The current schema. */
export const current_schema = (): Column => invokeExprs("current_schema", []);
/** The file being read (empty without one). */
export const input_file_name = (): Column => invokeExprs("input_file_name", []);
/** Start of the file block being read, or -1. */
export const input_file_block_start = (): Column => invokeExprs("input_file_block_start", []);
/** Length of the file block being read, or -1. */
export const input_file_block_length = (): Column => invokeExprs("input_file_block_length", []);
/** Standard normal random values, seeded. */
export const randn = (seed?: number): Column => invokeExprs("randn", seed === undefined ? [] : [litArg(seed)]);
/** Uniform random values between the constants `min` and `max` (an integer when both are), seeded as rand. */
export const uniform = (min: Column | number, max: Column | number, seed?: Column | number): Column =>
  invokeExprs("uniform", [toExpr(min), toExpr(max), ...(seed === undefined ? [] : [toExpr(seed)])]);
/** Random strings of the constant `length` over 0-9, a-z, A-Z, seeded as rand. */
export const randstr = (length: Column | number, seed?: Column | number): Column => invokeExprs("randstr", [toExpr(length), ...(seed === undefined ? [] : [toExpr(seed)])]);
/** A static Java method's value by class and method name (a fixed set of methods: there is no JVM). */
export const reflect = (...cols: ColumnOrName[]): Column => invoke("reflect", ...cols);
/** Same as reflect. */
export const java_method = (...cols: ColumnOrName[]): Column => invoke("java_method", ...cols);
/** As reflect, null when the method throws. */
export const try_reflect = (...cols: ColumnOrName[]): Column => invoke("try_reflect", ...cols);
/** The DDL name of the column's type. */
const typeOf = (c: ColumnOrName): Column => invoke("typeof", c);
export { typeOf as typeof };
/** Null if `c` is true, else an error with `errMsg`. */
export function assert_true(c: ColumnOrName, errMsg?: Column | string): Column {
  if (errMsg === undefined) return invoke("assert_true", c);
  if (typeof errMsg !== "string" && !(errMsg instanceof ColumnClass)) throw new PySparkTypeError("NOT_COLUMN_OR_STR", { arg_name: "errMsg", arg_type: typeof errMsg });
  return invokeWithLiterals("assert_true", c, errMsg);
}
/** Raises USER_RAISED_EXCEPTION with `errMsg`. */
export function raise_error(errMsg: Column | string): Column {
  if (typeof errMsg !== "string" && !(errMsg instanceof ColumnClass)) throw new PySparkTypeError("NOT_COLUMN_OR_STR", { arg_name: "errMsg", arg_type: typeof errMsg });
  return invokeExprs("raise_error", [errMsg instanceof ColumnClass ? errMsg.expr : litArg(errMsg)]);
}
