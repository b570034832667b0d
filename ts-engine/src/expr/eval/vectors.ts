import type { DataType } from "../../types/data-type.js";
import { makeVector, type Vector, type VectorData } from "../../columnar/vector.js";

// Storage conventions are columnar/builder.ts's; the evaluator uses them under its own names.
import { LONG_SAFE as MAX_SAFE, allocVectorData as allocData, isLongType as isLongLike } from "../../columnar/builder.js";

export { MAX_SAFE, allocData, isLongLike };

/** Value at row `i` as a JS value (number, bigint, string, boolean, ...), or null. */
export function valueAt(v: Vector, i: number): unknown {
  if (v.validity !== null && v.validity[i] === 0) return null;
  const x = (v.data as ArrayLike<unknown>)[i];
  if (v.type.kind === "boolean") return x === 1;
  return x;
}

/** A vector of `n` copies of a literal value (null gives an all-null vector). */
export function broadcast(type: DataType, value: unknown, n: number): Vector {
  if (value === null || value === undefined) return nullVector(type, n);
  if (isLongLike(type) && typeof value === "bigint") {
    if (value > BigInt(MAX_SAFE) || value < -BigInt(MAX_SAFE)) {
      return makeVector(type, new BigInt64Array(n).fill(value), null, n);
    }
    value = Number(value);
  }
  const data = allocData(type, n);
  const fill = type.kind === "boolean" ? (value === true || value === 1 ? 1 : 0) : value;
  (data as { fill(v: unknown): unknown }).fill(fill);
  return makeVector(type, data, null, n);
}

const constantVectors = new WeakSet<Vector>();

/**
 * Records that every row of `v` holds the same value and that no one will write to it (the
 * evaluator's cached literal vectors); returns `v`. Not for broadcasts a caller then edits.
 */
export function markConstant(v: Vector): Vector {
  constantVectors.add(v);
  return v;
}

/**
 * The value every row of `v` holds when `v` is a broadcast non-null literal stored as numbers
 * (not BigInt), else null: lets kernels run `x op c` loops without reading a second array.
 */
export function constantNumber(v: Vector): number | null {
  if (v.length === 0 || v.validity !== null || !constantVectors.has(v)) return null;
  const d = v.data;
  if (d instanceof Float64Array || d instanceof Int32Array) return d[0]!;
  return null;
}

/** The first `n` rows of a broadcast literal as a view (no copy), or null when not typed storage. */
export function constantPrefix(v: Vector, n: number): Vector | null {
  if (!constantVectors.has(v) || v.length < n) return null;
  const d = v.data;
  if (!ArrayBuffer.isView(d) || d instanceof DataView) return null;
  const validity = v.validity === null ? null : v.validity.subarray(0, n);
  return markConstant(makeVector(v.type, (d as Float64Array).subarray(0, n), validity, n));
}

/** An all-null vector of `type`. */
export function nullVector(type: DataType, n: number): Vector {
  return makeVector(type, allocData(type, n), new Uint8Array(n), n);
}

/** Validity of a row-wise binary result: null where either input is null. */
export function andValidity(a: Uint8Array | null, b: Uint8Array | null, n: number): Uint8Array | null {
  if (a === null) return b;
  if (b === null) return a;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i]! & b[i]!;
  return out;
}

/** Validity combined over many inputs. */
export function andValidityAll(vs: readonly Vector[], n: number): Uint8Array | null {
  let acc: Uint8Array | null = null;
  for (const v of vs) acc = andValidity(acc, v.validity, n);
  return acc;
}

/** True when row `i` is valid under an optional mask. */
export function valid(mask: Uint8Array | null, i: number): boolean {
  return mask === null || mask[i] === 1;
}

/** The vector's long values as exact BigInts (converts the Number fast path). */
export function toBigInts(v: Vector): BigInt64Array {
  if (v.data instanceof BigInt64Array) return v.data;
  const src = v.data as Float64Array;
  const out = new BigInt64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = src[i]!;
    out[i] = Number.isInteger(x) ? BigInt(x) : 0n;
  }
  return out;
}

/** Long storage in its canonical form: Float64 when every valid value is within ±2^53, else BigInt64. */
export function normalizeLongs(type: DataType, data: BigInt64Array, validity: Uint8Array | null): Vector {
  const n = data.length;
  const lim = BigInt(MAX_SAFE);
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const x = data[i]!;
    if (x > lim || x < -lim) return makeVector(type, data, validity, n);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Number(data[i]!);
  return makeVector(type, out, validity, n);
}

/** Builds a vector of `type` from row values (null = null); used by the few non-vectorizable paths. */
export function vectorFromRowValues(type: DataType, values: readonly unknown[]): Vector {
  const n = values.length;
  let validity: Uint8Array | null = null;
  if (isLongLike(type) && values.some((x) => typeof x === "bigint" && (x > BigInt(MAX_SAFE) || x < -BigInt(MAX_SAFE)))) {
    const big = new BigInt64Array(n);
    values.forEach((x, i) => {
      if (x === null || x === undefined) {
        validity ??= new Uint8Array(n).fill(1);
        validity[i] = 0;
      } else big[i] = BigInt(x as number | bigint);
    });
    return makeVector(type, big, validity, n);
  }
  const data = allocData(type, n) as { [i: number]: unknown };
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x === null || x === undefined) {
      validity ??= new Uint8Array(n).fill(1);
      validity[i] = 0;
    } else if (type.kind === "boolean") data[i] = x === true ? 1 : 0;
    else if (typeof x === "bigint") data[i] = Number(x);
    else data[i] = x;
  }
  return makeVector(type, data as VectorData, validity, n);
}
