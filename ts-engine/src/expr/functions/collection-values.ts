import { vectorToValues } from "../../columnar/rows.js";
import { valueKey } from "../../columnar/value-key.js";
import type { Vector } from "../../columnar/vector.js";
import { AnalysisException, SparkException } from "../../errors/spark-exception.js";
import { arrayType, type ArrayType, type DataType, type MapType } from "../../types/data-type.js";
import { sqlTypeName } from "../../types/type-names.js";
import { valid, vectorFromRowValues } from "../eval/vectors.js";
import type { EvalContext } from "../eval/eval-context.js";
import { exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { implicitCast, quotedSql, quotedType } from "./function-def.js";
import { typeEquals } from "../../types/data-type.js";

/**
 * Nested values are plain JS values in "values" vectors (columnar/vector.ts): an array is a
 * JS array of element values, a map an array of [key, value] pairs, a struct an array of field
 * values. These helpers move between that form and flat element vectors, so element-wise work
 * (lambda bodies, generators) runs as one vectorized evaluation per batch.
 */

/** A map value: its entries in order. */
export type MapEntries = readonly (readonly [unknown, unknown])[];

/** The elements of every non-null array of `v`, flattened, with where each row's elements start. */
export interface FlatArrays {
  /** The arrays of each row (null for a null row). */
  readonly rows: readonly (readonly unknown[] | null)[];
  /** Row i's elements are flat[offsets[i] .. offsets[i+1]). */
  readonly offsets: Int32Array;
  /** The batch row each flat element came from. */
  readonly parentRows: Int32Array;
  /** Each element's index within its array. */
  readonly positions: Int32Array;
  /** Every element, in row order. */
  readonly flat: unknown[];
}

/** The rows of a "values" vector as JS values (null where the row is null). */
export function rowValues(v: Vector): unknown[] {
  return vectorToValues(v);
}

/** Flattens the arrays of `v` (null rows contribute nothing). */
export function flattenArrays(v: Vector): FlatArrays {
  const n = v.length;
  const rows = rowValues(v) as (unknown[] | null)[];
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = rows[i];
    offsets[i] = total;
    if (a !== null && a !== undefined && valid(v.validity, i)) total += a.length;
    else rows[i] = null;
  }
  offsets[n] = total;
  const flat = new Array<unknown>(total);
  const parentRows = new Int32Array(total);
  const positions = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    const a = rows[i];
    if (a === null || a === undefined) continue;
    const base = offsets[i]!;
    for (let j = 0; j < a.length; j++) {
      flat[base + j] = a[j] ?? null;
      parentRows[base + j] = i;
      positions[base + j] = j;
    }
  }
  return { rows, offsets, parentRows, positions, flat };
}

/** A vector of `type` over JS values (null = null). */
export function valuesVector(type: DataType, values: readonly unknown[]): Vector {
  return vectorFromRowValues(type, values);
}

/** The element type of an array type (InternalError-free: callers checked the type). */
export function elementTypeOf(t: DataType): DataType {
  return t.kind === "array" ? t.elementType : t;
}

/** DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE unless argument `index` of `call` is an array; its type. */
export function expectArray(call: Expr, args: readonly Expr[], index: number): ArrayType {
  const a = args[index]!;
  const t = exprType(a);
  if (t.kind === "array") return t;
  if (t.kind === "null") return arrayType(t, true);
  throw unexpected(call, index, a, '"ARRAY"');
}

/** DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE unless argument `index` of `call` is a map; its type. */
export function expectMap(call: Expr, args: readonly Expr[], index: number): MapType {
  const a = args[index]!;
  const t = exprType(a);
  if (t.kind === "map") return t;
  throw unexpected(call, index, a, '"MAP"');
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth"];

/** DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE for argument `index` (0-based). */
export function unexpected(call: Expr, index: number, arg: Expr, required: string): AnalysisException {
  return new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", {
    sqlExpr: quotedSql(call),
    paramIndex: ORDINALS[index] ?? `${index + 1}th`,
    requiredType: required,
    inputSql: quotedSql(arg),
    inputType: quotedType(exprType(arg)),
  });
}

/** `"INT"` quoting for messages. */
export function typeText(t: DataType): string {
  return `"${sqlTypeName(t)}"`;
}

/**
 * Builds a map from entries in order with Spark's ArrayBasedMapBuilder rules: a null key
 * raises NULL_MAP_KEY; a repeated key raises DUPLICATED_MAP_KEY under the default
 * spark.sql.mapKeyDedupPolicy=EXCEPTION, or keeps its first position with the last value
 * under LAST_WIN.
 */
export function buildMap(entries: Iterable<readonly [unknown, unknown]>, ctx: EvalContext): [unknown, unknown][] {
  const out: [unknown, unknown][] = [];
  const index = new Map<unknown, number>();
  const lastWin = (ctx.mapKeyDedupPolicy ?? "EXCEPTION").toUpperCase() === "LAST_WIN";
  for (const [k, v] of entries) {
    if (k === null || k === undefined) throw runtimeError("NULL_MAP_KEY", {});
    const key = valueKey(k);
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, out.length);
      out.push([k, v]);
    } else if (lastWin) {
      out[at] = [k, v];
    } else {
      throw runtimeError("DUPLICATED_MAP_KEY", { key: mapKeyText(k), mapKeyDedupPolicy: '"spark.sql.mapKeyDedupPolicy"' });
    }
  }
  return out;
}

/** A key as DUPLICATED_MAP_KEY prints it (Spark's toString of the key). */
function mapKeyText(k: unknown): string {
  if (Array.isArray(k)) return `[${k.map((x) => (x === null ? "null" : mapKeyText(x))).join(",")}]`;
  return String(k);
}

/** An error raised while evaluating, under PySpark's SparkRuntimeException (or the class given). */
export function runtimeError(errorClass: string, params: Readonly<Record<string, string>>, exceptionName = "SparkRuntimeException"): SparkException {
  return new SparkException(exceptionName, errorClass, params);
}

/** Structural type equality that ignores nullability (containsNull, valueContainsNull, field nullability). */
export function sameTypeIgnoringNullability(a: DataType, b: DataType): boolean {
  if (a.kind === "array" && b.kind === "array") return sameTypeIgnoringNullability(a.elementType, b.elementType);
  if (a.kind === "map" && b.kind === "map") return sameTypeIgnoringNullability(a.keyType, b.keyType) && sameTypeIgnoringNullability(a.valueType, b.valueType);
  if (a.kind === "struct" && b.kind === "struct") {
    return a.fields.length === b.fields.length && a.fields.every((f, i) => f.name === b.fields[i]!.name && sameTypeIgnoringNullability(f.dataType, b.fields[i]!.dataType));
  }
  return typeEquals(a, b);
}

/** An implicit cast to `t`, skipped when only nullability differs (values need no conversion then). */
export function coerce(e: Expr, t: DataType): Expr {
  return sameTypeIgnoringNullability(exprType(e), t) ? e : implicitCast(e, t);
}
