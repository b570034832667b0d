import { InternalError } from "../errors/spark-exception.js";
import { makeBatch, type ColumnBatch } from "./batch.js";
import { takeUtf8 } from "./utf8.js";
import { makeVector, type Vector, type VectorData } from "./vector.js";
import { isLongType, longVectorFromBigInts } from "./builder.js";

/*
 * One gather loop per typed-array kind, not one generic loop: V8's element access in a
 * loop shared by seven array kinds goes megamorphic, which measured 9x slower on random
 * indices and 30x on sequential ones (3M rows; a join or sort takes every column).
 * An index of -1 leaves the slot zero (the caller marks it null).
 */
function takeU8(src: Uint8Array, indices: Int32Array, n: number, out: Uint8Array = new Uint8Array(n)): Uint8Array {
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j >= 0) out[i] = src[j]!;
  }
  return out;
}

function takeI8(src: Int8Array, indices: Int32Array, n: number, out: Int8Array = new Int8Array(n)): Int8Array {
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j >= 0) out[i] = src[j]!;
  }
  return out;
}

function takeI16(src: Int16Array, indices: Int32Array, n: number, out: Int16Array = new Int16Array(n)): Int16Array {
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j >= 0) out[i] = src[j]!;
  }
  return out;
}

function takeI32(src: Int32Array, indices: Int32Array, n: number, out: Int32Array = new Int32Array(n)): Int32Array {
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j >= 0) out[i] = src[j]!;
  }
  return out;
}

function takeF32(src: Float32Array, indices: Int32Array, n: number, out: Float32Array = new Float32Array(n)): Float32Array {
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j >= 0) out[i] = src[j]!;
  }
  return out;
}

function takeF64(src: Float64Array, indices: Int32Array, n: number, out: Float64Array = new Float64Array(n)): Float64Array {
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j >= 0) out[i] = src[j]!;
  }
  return out;
}

function takeBig(src: BigInt64Array, indices: Int32Array, n: number, out: BigInt64Array = new BigInt64Array(n)): BigInt64Array {
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

/** A typed array of `n` elements, in a SharedArrayBuffer of its own when `shared`. */
function alloc<T>(Ctor: { new (n: number): T; new (b: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number }, n: number, shared: boolean): T {
  return shared ? new Ctor(new SharedArrayBuffer(n * Ctor.BYTES_PER_ELEMENT)) : new Ctor(n);
}

function takeData(v: Vector, indices: Int32Array, n: number, shared: boolean): VectorData {
  switch (v.storage) {
    case "bool":
      return takeU8(v.data, indices, n, alloc(Uint8Array, n, shared));
    case "i8":
      return takeI8(v.data, indices, n, alloc(Int8Array, n, shared));
    case "i16":
      return takeI16(v.data, indices, n, alloc(Int16Array, n, shared));
    case "i32":
      return takeI32(v.data, indices, n, alloc(Int32Array, n, shared));
    case "f32":
      return takeF32(v.data, indices, n, alloc(Float32Array, n, shared));
    case "f64":
      return takeF64(v.data, indices, n, alloc(Float64Array, n, shared));
    case "i64big":
      return takeBig(v.data, indices, n, alloc(BigInt64Array, n, shared));
    case "utf8":
      return takeUtf8(v.data, indices, n, shared);
    case "dec64":
      return takeBig(v.data, indices, n, alloc(BigInt64Array, n, shared));
    case "dec128":
      return takeArray(v.data, 0n, indices, n);
    case "binary":
      return takeArray(v.data, new Uint8Array(0), indices, n);
    case "values":
      return takeArray<unknown>(v.data, null, indices, n);
  }
}

function allOnes(a: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] === 0) return false;
  return true;
}

function hasNegative(indices: Int32Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (indices[i]! < 0) return true;
  return false;
}

/**
 * How a take may work: `shared` puts the output in SharedArrayBuffers (a shuffle block
 * that the main thread hands to readers as views); `nonNegative` says no index is -1 (the
 * caller knows: a sort's permutation, an inner join's pairs), sparing the scan for one.
 */
export interface TakeOptions {
  readonly shared?: boolean;
  readonly nonNegative?: boolean;
}

/**
 * Rows `indices` of `v`, in that order. An index of -1 yields a null (used by outer
 * joins for the missing side). BigInt longs fall back to Float64 when the taken values fit.
 */
export function takeVector(v: Vector, indices: Int32Array, count = indices.length, opts: TakeOptions = {}): Vector {
  const n = count;
  const shared = opts.shared === true;
  const data = takeData(v, indices, n, shared);
  let validity: Uint8Array | null = null;
  const src = v.validity;
  if (src !== null) {
    // a -1 index gathers a 0: the missing side's row is null
    validity = takeU8(src, indices, n, alloc(Uint8Array, n, shared));
    if (allOnes(validity, n)) validity = null;
  } else if (opts.nonNegative !== true && hasNegative(indices, n)) {
    validity = new Uint8Array(n);
    for (let i = 0; i < n; i++) validity[i] = indices[i]! >= 0 ? 1 : 0;
  }
  if (data instanceof BigInt64Array && isLongType(v.type)) return longVectorFromBigInts(v.type, data, validity);
  return makeVector(v.type, data, validity, n);
}

/** Rows `indices` (first `count` of them) of every column of `b`. */
export function takeBatch(b: ColumnBatch, indices: Int32Array, count = indices.length, opts: TakeOptions = {}): ColumnBatch {
  return makeBatch(
    b.schema,
    b.columns.map((c) => takeVector(c, indices, count, opts)),
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
