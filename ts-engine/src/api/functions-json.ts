import type { ParsedExpr as Expr } from "../expr/parsed-expr.js";
import { mapType, StringType, type DataType } from "../types/data-type.js";
import { simpleString } from "../types/type-names.js";
import { Column, toExpr, type ColumnOrValue } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { invoke, invokeExprs, litArg } from "./invoke.js";
import { PySparkValueError } from "./errors.js";

// JSON and CSV functions (Spark's json_funcs and csv_funcs).

/** Reader/writer options as one map<string,string> literal argument (none when empty). */
function options(o: Readonly<Record<string, string>> | undefined): Expr[] {
  if (o === undefined || Object.keys(o).length === 0) return [];
  return [{ kind: "Literal", value: Object.entries(o).map(([k, v]) => [k, String(v)]), dataType: mapType(StringType, StringType) }];
}

/** A schema as a DDL or type string, a DataType, or a Column. */
function schemaArg(schema: string | DataType | Column): Expr {
  if (schema instanceof Column) return schema.expr;
  return litArg(typeof schema === "string" ? schema : simpleString(schema));
}

/** Parses JSON text into a struct, array or map of `schema`. */
export const from_json = (c: ColumnOrName, schema: string | DataType | Column, opts?: Readonly<Record<string, string>>): Column =>
  invokeExprs("from_json", [toColumn(c).expr, schemaArg(schema), ...options(opts)]);
/** JSON text of a struct, array or map. */
export const to_json = (c: ColumnOrName, opts?: Readonly<Record<string, string>>): Column => invokeExprs("to_json", [toColumn(c).expr, ...options(opts)]);
/** A generator: a row of the top-level fields `fields` of a JSON object (columns c0, c1 …). */
export const json_tuple = (c: ColumnOrName, ...fields: string[]): Column => {
  if (fields.length === 0) throw new PySparkValueError("CANNOT_BE_EMPTY", { item: "field" });
  return invokeExprs("json_tuple", [toColumn(c).expr, ...fields.map(litArg)]);
};
/** The value at a JSONPath (`$.a[0]`). */
export const get_json_object = (c: ColumnOrName, path: string): Column => invokeExprs("get_json_object", [toColumn(c).expr, litArg(path)]);
/** Elements of the outermost JSON array. */
export const json_array_length = (c: ColumnOrName): Column => invoke("json_array_length", c);
/** Keys of the outermost JSON object. */
export const json_object_keys = (c: ColumnOrName): Column => invoke("json_object_keys", c);
/** The DDL schema inferred from a JSON literal. */
export const schema_of_json = (json: ColumnOrValue, opts?: Readonly<Record<string, string>>): Column => invokeExprs("schema_of_json", [toExpr(json), ...options(opts)]);
/** Parses a CSV record into a struct of the DDL schema. */
export const from_csv = (c: ColumnOrName, schema: string | Column, opts?: Readonly<Record<string, string>>): Column =>
  invokeExprs("from_csv", [toColumn(c).expr, schemaArg(schema), ...options(opts)]);
/** CSV record of a struct. */
export const to_csv = (c: ColumnOrName, opts?: Readonly<Record<string, string>>): Column => invokeExprs("to_csv", [toColumn(c).expr, ...options(opts)]);
/** The DDL schema inferred from a CSV literal. */
export const schema_of_csv = (csv: ColumnOrValue, opts?: Readonly<Record<string, string>>): Column => invokeExprs("schema_of_csv", [toExpr(csv), ...options(opts)]);
