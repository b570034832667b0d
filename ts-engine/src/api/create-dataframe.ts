import type { ParsedLocalRelation as LocalRelation } from "../plan/parsed-plan.js";
import { structField, structType, type DataType, type StructType } from "../types/data-type.js";
import { parseDDL } from "../types/ddl.js";
import { convertRow } from "./convert-input.js";
import { PySparkValueError } from "./errors.js";
import { checkDetermined, inferType, mergeType } from "./infer-schema.js";
import { Row } from "./row.js";

/** A schema as createDataFrame accepts it: a StructType, a DDL string, or column names. */
export type SchemaLike = StructType | string | readonly string[];

/** Rows as createDataFrame accepts them: arrays (by position), Rows, or plain objects (by key). */
export type RowLike = readonly unknown[] | Row | Readonly<Record<string, unknown>>;

/**
 * The LocalRelation for `spark.createDataFrame(data, schema)`: the schema given, or
 * inferred from every row as PySpark does (names from Rows/object keys, `_1, _2 …`
 * for arrays, or the given names), with values checked and converted.
 */
export function localRelation(data: readonly RowLike[], schema?: SchemaLike): LocalRelation {
  if (typeof schema === "string") return build(data, parseDDL(schema));
  if (schema !== undefined && !Array.isArray(schema)) return build(data, schema as StructType);
  const names = schema as readonly string[] | undefined;
  if (data.length === 0) throw new PySparkValueError("CANNOT_INFER_EMPTY_SCHEMA");
  const inferred = data.map(inferRowSchema).reduce((a, b) => mergeType(a, b) as StructType);
  checkDetermined(inferred);
  // Object rows are read by their own keys, before user names replace them.
  const positional = data.map((r) => (isPlainObject(r) ? inferred.fields.map((f) => r[f.name]) : r));
  return build(positional, names === undefined ? inferred : rename(inferred, names));
}

function build(data: readonly RowLike[], schema: StructType): LocalRelation {
  return { kind: "LocalRelation", schema, rows: data.map((r) => convertRow(r, schema)) };
}

function isPlainObject(r: RowLike): r is Readonly<Record<string, unknown>> {
  return !Array.isArray(r) && !(r instanceof Row);
}

/** The struct type of one row, before names are applied. */
function inferRowSchema(row: RowLike): StructType {
  if (Array.isArray(row)) return structType(row.map((v, i) => structField(`_${i + 1}`, inferType(v))));
  if (row instanceof Row) return structType(row.fieldNames().map((n, i) => structField(n, inferType(row.get(i)))));
  const obj = row as Readonly<Record<string, unknown>>;
  return structType(Object.keys(obj).map((k) => structField(k, inferType(obj[k]))));
}

/** Applies user-given names by position; unnamed trailing columns keep `_n`. */
function rename(st: StructType, names: readonly string[]): StructType {
  return structType(st.fields.map((f, i): { name: string; dataType: DataType; nullable: boolean } => ({ ...f, name: names[i] ?? f.name })));
}
