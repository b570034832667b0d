import { InternalError } from "../errors/spark-exception.js";
import { makeBatch, type ColumnBatch } from "./batch.js";
import { takeUtf8 } from "./utf8.js";
import { makeVector, type NumberData, type Vector, type VectorData } from "./vector.js";
import { isLongType, longVectorFromBigInts } from "./builder.js";

function takeNumbers<T extends NumberData | BigInt64Array>(src: T, out: T, indices: Int32Array, n: number): T {
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j >= 0) out[i] = src[j]!;
  }
  return out;
}

function takeArray<T>(src: readonly T[], fill: T, indices: Int32Array, n: number): T[] {
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    out[i] = j < 0 ? fill : src[j]!;
  }
  return out;
}

function takeData(v: Vector, indices: Int32Array, n: number): VectorData {
  switch (v.storage) {
    case "bool":
      return takeNumbers(v.data, new Uint8Array(n), indices, n);
    case "i8":
      return takeNumbers(v.data, new Int8Array(n), indices, n);
    case "i16":
      return takeNumbers(v.data, new Int16Array(n), indices, n);
    case "i32":
      return takeNumbers(v.data, new Int32Array(n), indices, n);
    case "f32":
      return takeNumbers(v.data, new Float32Array(n), indices, n);
    case "f64":
      return takeNumbers(v.data, new Float64Array(n), indices, n);
    case "i64big":
      return takeNumbers(v.data, new BigInt64Array(n), indices, n);
    case "utf8":
      return takeUtf8(v.data, indices, n);
    case "dec64":
      return takeNumbers(v.data, new BigInt64Array(n), indices, n);
    case "dec128":
      return takeArray(v.data, 0n, indices, n);
    case "binary":
      return takeArray(v.data, new Uint8Array(0), indices, n);
    case "values":
      return takeArray<unknown>(v.data, null, indices, n);
  }
}

/**
 * Rows `indices` of `v`, in that order. An index of -1 yields a null (used by outer
 * joins for the missing side). BigInt longs fall back to Float64 when the taken values fit.
 */
export function takeVector(v: Vector, indices: Int32Array, count = indices.length): Vector {
  const n = count;
  const data = takeData(v, indices, n);
  let validity: Uint8Array | null = null;
  const src = v.validity;
  let hasNeg = false;
  for (let i = 0; i < n; i++) {
    if (indices[i]! < 0) {
      hasNeg = true;
      break;
    }
  }
  if (src !== null || hasNeg) {
    validity = new Uint8Array(n);
    let allValid = true;
    for (let i = 0; i < n; i++) {
      const j = indices[i]!;
      const ok = j >= 0 && (src === null || src[j] === 1) ? 1 : 0;
      validity[i] = ok;
      if (ok === 0) allValid = false;
    }
    if (allValid) validity = null;
  }
  if (data instanceof BigInt64Array && isLongType(v.type)) return longVectorFromBigInts(v.type, data, validity);
  return makeVector(v.type, data, validity, n);
}

/** Rows `indices` (first `count` of them) of every column of `b`. */
export function takeBatch(b: ColumnBatch, indices: Int32Array, count = indices.length): ColumnBatch {
  return makeBatch(
    b.schema,
    b.columns.map((c) => takeVector(c, indices, count)),
    count,
  );
}

/** Indices of the rows whose selection byte is 1 (a predicate's true and non-null rows). */
export function selectionToIndices(mask: Uint8Array, validity: Uint8Array | null, n: number): Int32Array {
  const out = new Int32Array(n);
  let k = 0;
  if (validity === null) {
    for (let i = 0; i < n; i++) if (mask[i] === 1) out[k++] = i;
  } else {
    for (let i = 0; i < n; i++) if (mask[i] === 1 && validity[i] === 1) out[k++] = i;
  }
  return out.subarray(0, k);
}

/**
 * Indices of the rows where a predicate vector is true (not false, not null). A NullType
 * predicate (`filter(lit(None))`) selects nothing.
 */
export function selectedRows(pred: Vector): Int32Array {
  if (pred.storage === "bool") return selectionToIndices(pred.data, pred.validity, pred.length);
  if (pred.type.kind === "null") return new Int32Array(0);
  throw new InternalError(`predicate of type ${pred.type.kind}`);
}
