import { makeBatch, type ColumnBatch } from "../../src/columnar/batch.js";
import type { Vector } from "../../src/columnar/vector.js";
import { structField, structType, type DataType } from "../../src/types/data-type.js";
import { valueAt, vectorFromRowValues } from "../../src/expr/eval/vectors.js";
import type { BoundRef, Expr, Literal } from "../../src/expr/expr.js";

/** Test helper: a vector from JS values (null = null). */
export function vec(type: DataType, values: readonly unknown[]): Vector {
  return vectorFromRowValues(type, values);
}

/** Test helper: the vector's values as JS values (null for nulls). */
export function values(v: Vector): unknown[] {
  return Array.from({ length: v.length }, (_, i) => valueAt(v, i));
}

/** Test helper: a batch of named columns. */
export function batchOf(cols: Record<string, Vector>): ColumnBatch {
  const names = Object.keys(cols);
  const vs = names.map((n) => cols[n]!);
  return makeBatch(structType(names.map((n, i) => structField(n, vs[i]!.type))), vs);
}

export function ref(ordinal: number, dataType: DataType, name = `c${ordinal}`): BoundRef {
  return { kind: "BoundRef", ordinal, dataType, nullable: true, name };
}

export function lit(value: unknown, dataType: DataType): Literal {
  return { kind: "Literal", value, dataType };
}

export function call(fn: string, dataType: DataType, ...args: Expr[]): Expr {
  return { kind: "ScalarCall", fn, args, dataType, nullable: true };
}
