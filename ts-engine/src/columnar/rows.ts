import type { StructType } from "../types/data-type.js";
import { makeBatch, type ColumnBatch } from "./batch.js";
import { makeVector, type Vector, type VectorData } from "./vector.js";
import { allocVectorData, isLongType, LONG_SAFE, longVectorFromBigInts, vectorFromValues } from "./builder.js";

type Indexable = { length: number; [i: number]: unknown };

/**
 * The vector's values as JS values in the vector convention: null for nulls, booleans
 * as true/false, longs as numbers within ±2^53 and bigints beyond.
 */
export function vectorToValues(v: Vector): unknown[] {
  const n = v.length;
  const out = new Array<unknown>(n);
  const data = v.data as Indexable;
  const val = v.validity;
  const isBool = v.type.kind === "boolean";
  const isBig = v.data instanceof BigInt64Array;
  for (let i = 0; i < n; i++) {
    if (val !== null && val[i] === 0) {
      out[i] = null;
      continue;
    }
    const x = data[i];
    if (isBool) out[i] = x === 1;
    else if (isBig) {
      const b = x as bigint;
      out[i] = b <= BigInt(LONG_SAFE) && b >= -BigInt(LONG_SAFE) ? Number(b) : b;
    } else out[i] = x;
  }
  return out;
}

/** The batch as row arrays (one array per row, values as in `vectorToValues`). */
export function batchToRows(b: ColumnBatch): unknown[][] {
  const cols = b.columns.map(vectorToValues);
  const rows = new Array<unknown[]>(b.numRows);
  for (let i = 0; i < b.numRows; i++) {
    const r = new Array<unknown>(cols.length);
    for (let c = 0; c < cols.length; c++) r[c] = cols[c]![i];
    rows[i] = r;
  }
  return rows;
}

/** A batch of `schema` from row arrays whose values follow the vector convention. */
export function rowsToBatch(schema: StructType, rows: readonly (readonly unknown[])[]): ColumnBatch {
  const columns = schema.fields.map((f, c) => vectorFromValues(f.dataType, rows.map((r) => r[c] ?? null)));
  return makeBatch(schema, columns, rows.length);
}

/** Concatenates vectors of one type; longs stay exact (BigInt64 when any part needs it). */
export function concatVectors(parts: readonly Vector[]): Vector {
  const first = parts[0];
  if (first === undefined) throw new Error("concatVectors: no parts");
  if (parts.length === 1) return first;
  const type = first.type;
  let n = 0;
  let anyNull = false;
  let anyBig = false;
  for (const p of parts) {
    n += p.length;
    if (p.validity !== null) anyNull = true;
    if (p.data instanceof BigInt64Array) anyBig = true;
  }
  const validity = anyNull ? new Uint8Array(n) : null;
  let data: VectorData;
  if (anyBig && isLongType(type)) {
    const big = new BigInt64Array(n);
    let off = 0;
    for (const p of parts) {
      if (p.data instanceof BigInt64Array) big.set(p.data.subarray(0, p.length), off);
      else {
        const f = p.data as Float64Array;
        for (let i = 0; i < p.length; i++) big[off + i] = BigInt(f[i]!);
      }
      off += p.length;
    }
    data = big;
  } else if (Array.isArray(first.data)) {
    const arr = new Array<unknown>(n);
    let off = 0;
    for (const p of parts) {
      const d = p.data as unknown[];
      for (let i = 0; i < p.length; i++) arr[off + i] = d[i];
      off += p.length;
    }
    data = arr;
  } else {
    const out = allocVectorData(type, 0) as unknown as { constructor: new (n: number) => { set(a: ArrayLike<number>, o: number): void } };
    const typed = new out.constructor(n);
    let off = 0;
    for (const p of parts) {
      typed.set((p.data as Float64Array).subarray(0, p.length), off);
      off += p.length;
    }
    data = typed as unknown as VectorData;
  }
  if (validity !== null) {
    let off = 0;
    for (const p of parts) {
      if (p.validity === null) validity.fill(1, off, off + p.length);
      else validity.set(p.validity.subarray(0, p.length), off);
      off += p.length;
    }
  }
  if (data instanceof BigInt64Array) return longVectorFromBigInts(type, data, validity);
  return makeVector(type, data, validity, n);
}

/** One batch holding the rows of all `batches` in order (an empty batch of `schema` for none). */
export function concatBatches(schema: StructType, batches: readonly ColumnBatch[]): ColumnBatch {
  if (batches.length === 1) return batches[0]!;
  if (batches.length === 0) {
    return makeBatch(schema, schema.fields.map((f) => makeVector(f.dataType, allocVectorData(f.dataType, 0), null, 0)), 0);
  }
  const columns = schema.fields.map((_, c) => concatVectors(batches.map((b) => b.columns[c]!)));
  return makeBatch(schema, columns, batches.reduce((s, b) => s + b.numRows, 0));
}

/** Rows [start, end) of a vector, sharing storage where the layout allows. */
export function sliceVector(v: Vector, start: number, end: number): Vector {
  const n = Math.max(0, end - start);
  const data = Array.isArray(v.data) ? v.data.slice(start, end) : (v.data as Float64Array).subarray(start, end);
  const validity = v.validity === null ? null : v.validity.subarray(start, end);
  return makeVector(v.type, data as VectorData, validity, n);
}

/** Rows [start, end) of a batch. */
export function sliceBatch(b: ColumnBatch, start: number, end: number): ColumnBatch {
  const e = Math.min(end, b.numRows);
  const s = Math.min(start, e);
  if (s === 0 && e === b.numRows) return b;
  return makeBatch(b.schema, b.columns.map((c) => sliceVector(c, s, e)), e - s);
}
