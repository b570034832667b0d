import type { DataType } from "../types/data-type.js";
import { emptyUtf8, utf8FromStrings } from "./utf8.js";
import { isLongType, makeVector, storageOf, type Vector, type VectorData, type VectorStorage } from "./vector.js";
import { unscaled } from "./decimal-value.js";

/** Largest magnitude a long may have and still use the Float64 fast path. */
export const LONG_SAFE = Number.MAX_SAFE_INTEGER;
const BIG_SAFE = BigInt(LONG_SAFE);

export { isLongType };

const ALLOC: Readonly<Record<VectorStorage, (n: number) => VectorData>> = {
  bool: (n) => new Uint8Array(n),
  i8: (n) => new Int8Array(n),
  i16: (n) => new Int16Array(n),
  i32: (n) => new Int32Array(n),
  f32: (n) => new Float32Array(n),
  f64: (n) => new Float64Array(n),
  i64big: (n) => new BigInt64Array(n),
  utf8: (n) => emptyUtf8(n),
  dec64: (n) => new BigInt64Array(n),
  dec128: (n) => new Array<bigint>(n).fill(0n),
  binary: (n) => new Array<Uint8Array>(n).fill(new Uint8Array(0)),
  values: (n) => new Array<unknown>(n).fill(null),
};

/** Fresh zeroed storage for `n` values of `type` (longs on the Float64 fast path). */
export function allocVectorData(type: DataType, n: number): VectorData {
  return ALLOC[storageOf(type)](n);
}

/** A vector of `n` zero values (validity all-valid) of `type`, for kernels that fill it in. */
export function allocVector(type: DataType, n: number, validity: Uint8Array | null = null): Vector {
  return makeVector(type, allocVectorData(type, n), validity, n);
}

function needsBig(values: readonly unknown[]): boolean {
  for (const x of values) {
    if (typeof x === "bigint" && (x > BIG_SAFE || x < -BIG_SAFE)) return true;
  }
  return false;
}

type NumberStorage = Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

const NUMBER_ALLOC: Readonly<Record<"i8" | "i16" | "i32" | "f32" | "f64", (n: number) => NumberStorage>> = {
  i8: (n) => new Int8Array(n),
  i16: (n) => new Int16Array(n),
  i32: (n) => new Int32Array(n),
  f32: (n) => new Float32Array(n),
  f64: (n) => new Float64Array(n),
};

/**
 * A vector of `type` from JS values in the vector convention (null/undefined = null;
 * booleans as true/false; longs as number or bigint; decimals as their text). Longs go to
 * BigInt64Array only when some value lies beyond ±2^53. Decimal text with more fraction
 * digits than the type's scale rounds HALF_UP.
 */
export function vectorFromValues(type: DataType, values: readonly unknown[]): Vector {
  const n = values.length;
  let validity: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x === null || x === undefined) {
      validity ??= new Uint8Array(n).fill(1);
      validity[i] = 0;
    }
  }
  const ok = (i: number): boolean => validity === null || validity[i] === 1;
  if (isLongType(type) && needsBig(values)) {
    const big = new BigInt64Array(n);
    for (let i = 0; i < n; i++) if (ok(i)) big[i] = BigInt(values[i] as number | bigint);
    return makeVector(type, big, validity, n);
  }
  const storage = storageOf(type);
  switch (storage) {
    case "bool": {
      const d = new Uint8Array(n);
      for (let i = 0; i < n; i++) if (ok(i)) d[i] = values[i] === true || values[i] === 1 ? 1 : 0;
      return makeVector(type, d, validity, n);
    }
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64":
    case "i64big": {
      const d = NUMBER_ALLOC[storage === "i64big" ? "f64" : storage](n);
      for (let i = 0; i < n; i++) if (ok(i)) d[i] = Number(values[i] as number | bigint);
      return makeVector(type, d, validity, n);
    }
    case "utf8": {
      const d = new Array<string>(n);
      for (let i = 0; i < n; i++) d[i] = ok(i) ? String(values[i]) : "";
      return makeVector(type, utf8FromStrings(d), validity, n);
    }
    case "dec64":
    case "dec128": {
      const scale = type.kind === "decimal" ? type.scale : 0;
      const d = storage === "dec64" ? new BigInt64Array(n) : new Array<bigint>(n).fill(0n);
      for (let i = 0; i < n; i++) if (ok(i)) d[i] = unscaled(String(values[i]), scale);
      return makeVector(type, d, validity, n);
    }
    case "binary": {
      const d = new Array<Uint8Array>(n);
      const empty = new Uint8Array(0);
      for (let i = 0; i < n; i++) d[i] = ok(i) ? (values[i] as Uint8Array) : empty;
      return makeVector(type, d, validity, n);
    }
    case "values":
      return makeVector(type, values.map((x) => x ?? null), validity, n);
  }
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
