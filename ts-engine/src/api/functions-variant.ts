import { Column } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { invoke, invokeExprs, litArg } from "./invoke.js";

// Variant functions (Spark 4's variant_expressions): parse_json, variant_get, schema_of_variant …

/** A path given as text is a literal; a Column passes through (Spark requires it foldable). */
const pathArg = (path: Column | string) => (typeof path === "string" ? litArg(path) : path.expr);

/** Parses JSON text into a VARIANT (malformed JSON raises MALFORMED_RECORD_IN_PARSING). */
export const parse_json = (c: ColumnOrName): Column => invoke("parse_json", c);
/** parse_json, with null for malformed JSON. */
export const try_parse_json = (c: ColumnOrName): Column => invoke("try_parse_json", c);
/** The value at `path` (`$.a[0]`) of a variant, cast to `targetType` (INVALID_VARIANT_CAST when it does not cast). */
export const variant_get = (v: ColumnOrName, path: Column | string, targetType: string): Column =>
  invokeExprs("variant_get", [toColumn(v).expr, pathArg(path), litArg(targetType)]);
/** variant_get, with null for values that do not cast. */
export const try_variant_get = (v: ColumnOrName, path: Column | string, targetType: string): Column =>
  invokeExprs("try_variant_get", [toColumn(v).expr, pathArg(path), litArg(targetType)]);
/** True for a variant null (JSON null), false for anything else, SQL null included. */
export const is_variant_null = (v: ColumnOrName): Column => invoke("is_variant_null", v);
/** The variant's schema as SQL text (`OBJECT<a: BIGINT>`). */
export const schema_of_variant = (v: ColumnOrName): Column => invoke("schema_of_variant", v);
/** Aggregate: the merged schema of a group's variants. */
export const schema_of_variant_agg = (v: ColumnOrName): Column => invoke("schema_of_variant_agg", v);
/** A struct, map or array as a variant object/array. */
export const to_variant_object = (c: ColumnOrName): Column => invoke("to_variant_object", c);
