import { jsFunctionOf, type JsFunction } from "../exec/js-function/js-function.js";
import { encodeJsUdf, JS_UDF_EVAL_TYPE } from "../exec/js-function/js-udf.js";
import type { DataType } from "../types/data-type.js";
import { parseDataType } from "../types/ddl.js";
import { Column } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";

// User-defined functions written in JavaScript (PySpark's `udf`, with a JS function for the
// Python one). They run row by row inside the stage's tasks on the engine's worker threads,
// so every partition is evaluated in parallel; the function travels as its source text and
// is compiled once per thread.

/** A JS UDF applied to columns (`myUdf("id")`), as PySpark's UserDefinedFunction. */
export interface UserDefinedFunction {
  (...cols: ColumnOrName[]): Column;
  /** The function's name (its JS name, or `<anonymous>`), as explain and errors show it. */
  readonly funcName: string;
  readonly returnType: DataType;
  readonly deterministic: boolean;
  /** The same UDF marked nondeterministic: the optimizer never duplicates or reorders its calls. */
  asNondeterministic(): UserDefinedFunction;
  /** @internal what the UDF carries to the engine. */
  readonly jsFunction: JsFunction;
}

/** A return type given as a DataType or a DDL string ("long", "array<string>", "a INT, b STRING"). */
export type ReturnType = DataType | string;

/**
 * `udf(f, returnType = "string", captures)`: `f` runs once per row with the argument
 * columns' values (numbers, strings, booleans, Dates, arrays, Maps, structs as objects, null
 * for NULL) and returns a value of `returnType`; a value of another type gives NULL, as for
 * PySpark's Python UDFs. `f` is shipped as source, so it must not read variables of an
 * enclosing scope: pass them as `captures` (`udf((x) => x * k, "double", { k })`), which are
 * copied to every worker thread (structured clone). A thrown error fails the query with a
 * JsFunctionException that carries the function's stack.
 */
export function udf(f: (...args: never[]) => unknown, returnType: ReturnType = "string", captures: Readonly<Record<string, unknown>> = {}): UserDefinedFunction {
  return makeUdf(jsFunctionOf(f, captures), typeOf(returnType), true);
}

function typeOf(t: ReturnType): DataType {
  return typeof t === "string" ? parseDataType(t) : t;
}

/** @internal a UDF of an already checked function (spark.udf.register reuses it). */
export function makeUdf(fn: JsFunction, returnType: DataType, deterministic: boolean): UserDefinedFunction {
  const func = encodeJsUdf(fn);
  const apply = (...cols: ColumnOrName[]): Column =>
    new Column({
      kind: "PythonUDF",
      name: fn.name === "<anonymous>" ? "<lambda>" : fn.name,
      func,
      returnType,
      args: cols.map((c) => toColumn(c).expr),
      evalType: JS_UDF_EVAL_TYPE,
      deterministic,
    });
  return Object.assign(apply, {
    funcName: fn.name,
    returnType,
    deterministic,
    jsFunction: fn,
    asNondeterministic: () => makeUdf(fn, returnType, false),
  });
}

/** `call_udf(name, ...cols)`: the function `spark.udf.register` registered as `udfName`, called on `cols` (resolved by name, as SQL does). */
export function call_udf(udfName: string, ...cols: ColumnOrName[]): Column {
  return new Column({ kind: "UnresolvedFunction", name: udfName, args: cols.map((c) => toColumn(c).expr), isDistinct: false });
}
