import { makeBatch, type ColumnBatch } from "./batch.js";
import { makeVector, type Vector, type VectorData } from "./vector.js";
import { isLongType, longVectorFromBigInts } from "./builder.js";

type Indexable = { length: number; [i: number]: unknown };

function takeData(data: VectorData, indices: Int32Array, n: number): VectorData {
  if (Array.isArray(data)) {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const j = indices[i]!;
      out[i] = j < 0 ? null : data[j];
    }
    return out;
  }
  const Ctor = (data as unknown as { constructor: new (n: number) => Indexable }).constructor;
  const out = new Ctor(n);
  const src = data as Indexable;
  for (let i = 0; i < n; i++) {
    const j = indices[i]!;
    if (j >= 0) out[i] = src[j];
  }
  return out as VectorData;
}

/**
 * Rows `indices` of `v`, in that order. An index of -1 yields a null (used by outer
 * joins for the missing side). BigInt longs fall back to Float64 when the taken values fit.
 */
export function takeVector(v: Vector, indices: Int32Array, count = indices.length): Vector {
  const n = count;
  const data = takeData(v.data, indices, n);
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
