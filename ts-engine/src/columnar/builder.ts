import type { DataType } from "../types/data-type.js";
import { makeVector, type Vector, type VectorData } from "./vector.js";

/** Largest magnitude a long may have and still use the Float64 fast path. */
export const LONG_SAFE = Number.MAX_SAFE_INTEGER;
const BIG_SAFE = BigInt(LONG_SAFE);

/** True for types stored as 64-bit integers (Float64 fast path or BigInt64). */
export function isLongType(type: DataType): boolean {
  return type.kind === "long" || type.kind === "timestamp" || type.kind === "timestamp_ntz";
}

/** Fresh zeroed storage for `n` values of `type` (longs on the Float64 fast path). */
export function allocVectorData(type: DataType, n: number): VectorData {
  switch (type.kind) {
    case "boolean":
      return new Uint8Array(n);
    case "byte":
      return new Int8Array(n);
    case "short":
      return new Int16Array(n);
    case "integer":
    case "date":
      return new Int32Array(n);
    case "long":
    case "timestamp":
    case "timestamp_ntz":
    case "double":
      return new Float64Array(n);
    case "float":
      return new Float32Array(n);
    case "string":
    case "decimal":
      return new Array<string>(n).fill("");
    case "binary":
      return new Array<Uint8Array>(n).fill(new Uint8Array(0));
    default:
      return new Array<unknown>(n).fill(null);
  }
}

function needsBig(values: readonly unknown[]): boolean {
  for (const x of values) {
    if (typeof x === "bigint" && (x > BIG_SAFE || x < -BIG_SAFE)) return true;
  }
  return false;
}

/**
 * A vector of `type` from JS values in the vector convention (null/undefined = null;
 * booleans as true/false; longs as number or bigint). Longs go to BigInt64Array only
 * when some value lies beyond ±2^53.
 */
export function vectorFromValues(type: DataType, values: readonly unknown[]): Vector {
  const n = values.length;
  let validity: Uint8Array | null = null;
  const markNull = (i: number): void => {
    validity ??= new Uint8Array(n).fill(1);
    validity[i] = 0;
  };
  if (isLongType(type) && needsBig(values)) {
    const big = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      const x = values[i];
      if (x === null || x === undefined) markNull(i);
      else big[i] = typeof x === "bigint" ? x : BigInt(x as number);
    }
    return makeVector(type, big, validity, n);
  }
  const data = allocVectorData(type, n) as { [i: number]: unknown };
  const isBool = type.kind === "boolean";
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x === null || x === undefined) markNull(i);
    else if (isBool) data[i] = x === true || x === 1 ? 1 : 0;
    else if (typeof x === "bigint") data[i] = Number(x);
    else data[i] = x;
  }
  return makeVector(type, data as VectorData, validity, n);
}

/** A vector of `n` nulls of `type`. */
export function nullVectorOf(type: DataType, n: number): Vector {
  return makeVector(type, allocVectorData(type, n), new Uint8Array(n), n);
}

/**
 * Canonical long storage from exact BigInts: Float64 when every valid value is within
 * ±2^53, else the BigInt64Array itself.
 */
export function longVectorFromBigInts(type: DataType, data: BigInt64Array, validity: Uint8Array | null): Vector {
  const n = data.length;
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const x = data[i]!;
    if (x > BIG_SAFE || x < -BIG_SAFE) return makeVector(type, data, validity, n);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Number(data[i]!);
  return makeVector(type, out, validity, n);
}
