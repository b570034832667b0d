import type { StructType } from "../types/data-type.js";
import { makeBatch, type ColumnBatch } from "./batch.js";
import { expectStorage, makeVector, type NumberData, type Vector } from "./vector.js";
import { concatUtf8, utf8Strings } from "./utf8.js";
import { allocVector, isLongType, LONG_SAFE, longVectorFromBigInts, vectorFromValues } from "./builder.js";
import { formatUnscaled } from "./decimal-value.js";

const BIG_SAFE = BigInt(LONG_SAFE);

/**
 * The vector's values as JS values in the vector convention: null for nulls, booleans
 * as true/false, longs as numbers within ±2^53 and bigints beyond, decimals as canonical text.
 */
export function vectorToValues(v: Vector): unknown[] {
  const n = v.length;
  const out = new Array<unknown>(n);
  const val = v.validity;
  switch (v.storage) {
    case "bool": {
      const d = v.data;
      for (let i = 0; i < n; i++) out[i] = val !== null && val[i] === 0 ? null : d[i] === 1;
      return out;
    }
    case "i64big": {
      const d = v.data;
      for (let i = 0; i < n; i++) {
        const b = d[i]!;
        out[i] = val !== null && val[i] === 0 ? null : b <= BIG_SAFE && b >= -BIG_SAFE ? Number(b) : b;
      }
      return out;
    }
    case "utf8": {
      const d = utf8Strings(v.data, n);
      for (let i = 0; i < n; i++) out[i] = val !== null && val[i] === 0 ? null : d[i];
      return out;
    }
    case "dec64":
    case "dec128": {
      const d = v.data;
      const scale = v.type.kind === "decimal" ? v.type.scale : 0;
      for (let i = 0; i < n; i++) out[i] = val !== null && val[i] === 0 ? null : formatUnscaled(d[i]!, scale);
      return out;
    }
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64":
    case "binary":
    case "values": {
      const d = v.data;
      for (let i = 0; i < n; i++) out[i] = val !== null && val[i] === 0 ? null : d[i];
      return out;
    }
  }
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

function concatNumbers(parts: readonly Vector[], out: NumberData, get: (v: Vector) => NumberData): NumberData {
  let off = 0;
  for (const p of parts) {
    out.set(get(p).subarray(0, p.length), off);
    off += p.length;
  }
  return out;
}

function concatArrays<T>(parts: readonly Vector[], get: (v: Vector) => readonly T[]): T[] {
  const out: T[] = [];
  for (const p of parts) {
    const d = get(p);
    for (let i = 0; i < p.length; i++) out.push(d[i]!);
  }
  return out;
}

function concatBig(parts: readonly Vector[], n: number): BigInt64Array {
  const big = new BigInt64Array(n);
  let off = 0;
  for (const p of parts) {
    if (p.storage === "i64big") big.set(p.data.subarray(0, p.length), off);
    else {
      const f = expectStorage(p, "f64").data;
      for (let i = 0; i < p.length; i++) big[off + i] = BigInt(f[i]!);
    }
    off += p.length;
  }
  return big;
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
    if (p.storage === "i64big") anyBig = true;
  }
  let validity: Uint8Array | null = null;
  if (anyNull) {
    validity = new Uint8Array(n);
    let off = 0;
    for (const p of parts) {
      if (p.validity === null) validity.fill(1, off, off + p.length);
      else validity.set(p.validity.subarray(0, p.length), off);
      off += p.length;
    }
  }
  if (anyBig && isLongType(type)) return longVectorFromBigInts(type, concatBig(parts, n), validity);
  const storage = first.storage;
  switch (storage) {
    case "bool":
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64": {
      const out = allocVector(type, n);
      if (out.storage !== storage) throw new Error(`concatVectors: ${type.kind} is not stored as ${storage}`);
      return makeVector(type, concatNumbers(parts, out.data, (p) => expectStorage(p, storage).data), validity, n);
    }
    case "i64big":
      return longVectorFromBigInts(type, concatBig(parts, n), validity);
    case "dec64": {
      const out = new BigInt64Array(n);
      let off = 0;
      for (const p of parts) {
        out.set(expectStorage(p, "dec64").data.subarray(0, p.length), off);
        off += p.length;
      }
      return makeVector(type, out, validity, n);
    }
    case "utf8":
      return makeVector(
        type,
        concatUtf8(
          parts.map((p) => expectStorage(p, "utf8").data),
          parts.map((p) => p.length),
        ),
        validity,
        n,
      );
    case "binary":
    case "dec128":
    case "values":
      return makeVector(type, concatArrays(parts, (p) => expectStorage(p, storage).data), validity, n);
  }
}

/** One batch holding the rows of all `batches` in order (an empty batch of `schema` for none). */
export function concatBatches(schema: StructType, batches: readonly ColumnBatch[]): ColumnBatch {
  if (batches.length === 1) return batches[0]!;
  if (batches.length === 0) {
    return makeBatch(schema, schema.fields.map((f) => allocVector(f.dataType, 0)), 0);
  }
  const columns = schema.fields.map((_, c) => concatVectors(batches.map((b) => b.columns[c]!)));
  return makeBatch(schema, columns, batches.reduce((s, b) => s + b.numRows, 0));
}

/** Rows [start, end) of a vector, sharing storage where the layout allows. */
export function sliceVector(v: Vector, start: number, end: number): Vector {
  const n = Math.max(0, end - start);
  const validity = v.validity === null ? null : v.validity.subarray(start, end);
  switch (v.storage) {
    case "bool":
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64":
    case "i64big":
    case "dec64":
      return makeVector(v.type, v.data.subarray(start, end), validity, n);
    case "utf8":
      // Shares the bytes; the offsets view keeps the absolute positions.
      return makeVector(v.type, { offsets: v.data.offsets.subarray(start, start + n + 1), bytes: v.data.bytes }, validity, n);
    case "binary":
    case "dec128":
    case "values":
      return makeVector(v.type, v.data.slice(start, end), validity, n);
  }
}

/** Rows [start, end) of a batch. */
export function sliceBatch(b: ColumnBatch, start: number, end: number): ColumnBatch {
  const e = Math.min(end, b.numRows);
  const s = Math.min(start, e);
  if (s === 0 && e === b.numRows) return b;
  return makeBatch(b.schema, b.columns.map((c) => sliceVector(c, s, e)), e - s);
}
