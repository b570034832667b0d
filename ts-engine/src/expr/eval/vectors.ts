import type { DataType } from "../../types/data-type.js";
import { expectStorage, makeVector, numberData, type Vector } from "../../columnar/vector.js";
import { utf8At, utf8FromStrings, utf8Strings, type Utf8Data } from "../../columnar/utf8.js";
import { InternalError } from "../../errors/spark-exception.js";
import { formatUnscaled, unscaled } from "../../columnar/decimal-value.js";

// Storage conventions are columnar/builder.ts's; the evaluator uses them under its own names.
import {
  LONG_SAFE as MAX_SAFE,
  allocVector,
  allocVectorData as allocData,
  isLongType as isLongLike,
  longVectorFromBigInts,
  vectorFromValues,
} from "../../columnar/builder.js";

export { MAX_SAFE, allocData, isLongLike };

/** Value at row `i` as a JS value (number, bigint, string, boolean, decimal text, ...), or null. */
export function valueAt(v: Vector, i: number): unknown {
  if (v.validity !== null && v.validity[i] === 0) return null;
  switch (v.storage) {
    case "bool":
      return v.data[i] === 1;
    case "utf8":
      return utf8Strings(v.data, v.length)[i];
    case "dec64":
    case "dec128":
      return formatUnscaled(v.data[i]!, v.type.kind === "decimal" ? v.type.scale : 0);
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64":
    case "i64big":
    case "binary":
    case "values":
      return v.data[i];
  }
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
  if (type.kind === "string") return makeVector(type, repeatUtf8(String(value), n), null, n);
  const out = allocVector(type, n);
  switch (out.storage) {
    case "bool":
      out.data.fill(value === true || value === 1 ? 1 : 0);
      break;
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64":
      out.data.fill(Number(value as number | bigint));
      break;
    case "i64big":
      out.data.fill(BigInt(value as number | bigint));
      break;
    case "utf8":
      throw new InternalError("string broadcasts are built from bytes above");
    case "dec64":
    case "dec128":
      // Literal decimals are their text (a number or bigint literal is its value).
      out.data.fill(unscaled(String(value), type.kind === "decimal" ? type.scale : 0));
      break;
    case "binary":
      out.data.fill(value as Uint8Array);
      break;
    case "values":
      out.data.fill(value);
      break;
  }
  return out;
}

/** Storage of `n` copies of one string: its bytes repeated, evenly spaced offsets. */
function repeatUtf8(s: string, n: number): Utf8Data {
  const one = utf8FromStrings([s]).bytes;
  const k = one.length;
  const bytes = new Uint8Array(k * n);
  if (k > 0) {
    bytes.set(one, 0);
    // Doubling copies: log(n) set() calls instead of n.
    for (let filled = k; filled < bytes.length; filled *= 2) bytes.copyWithin(filled, 0, Math.min(filled, bytes.length - filled));
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) offsets[i] = i * k;
  return { offsets, bytes };
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
  if (v.storage === "f64" || v.storage === "i32") return v.data[0]!;
  return null;
}

/** The string every row of `v` holds when `v` is a cached non-null string literal, else null. */
export function constantString(v: Vector): string | null {
  if (v.length === 0 || v.validity !== null || !constantVectors.has(v) || v.storage !== "utf8") return null;
  return utf8At(v.data, 0);
}

/** The first `n` rows of a broadcast literal as a view (no copy), or null when not typed storage. */
export function constantPrefix(v: Vector, n: number): Vector | null {
  if (!constantVectors.has(v) || v.length < n) return null;
  const d = numberData(v) ?? (v.storage === "i64big" ? v.data : null);
  if (d === null) return null;
  const validity = v.validity === null ? null : v.validity.subarray(0, n);
  return markConstant(makeVector(v.type, d.subarray(0, n), validity, n));
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
  if (v.storage === "i64big") return v.data;
  const src = expectStorage(v, "f64").data;
  const out = new BigInt64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = src[i]!;
    out[i] = Number.isInteger(x) ? BigInt(x) : 0n;
  }
  return out;
}

/** Long storage in its canonical form: Float64 when every valid value is within ±2^53, else BigInt64. */
export function normalizeLongs(type: DataType, data: BigInt64Array, validity: Uint8Array | null): Vector {
  return longVectorFromBigInts(type, data, validity);
}

/** Builds a vector of `type` from row values (null = null); used by the few non-vectorizable paths. */
export function vectorFromRowValues(type: DataType, values: readonly unknown[]): Vector {
  return vectorFromValues(type, values);
}
