import type { DataType } from "../types/data-type.js";

/**
 * Storage of a vector's values, by type:
 * - boolean: Uint8Array (0/1)
 * - byte/short/integer/date: Int8Array / Int16Array / Int32Array / Int32Array (days since epoch)
 * - long/timestamp/timestamp_ntz: Float64Array holding integers while every value of the
 *   vector is within ±2^53 (the fast path), BigInt64Array otherwise — LongType stays exact.
 *   Timestamps are microseconds since the epoch (UTC).
 * - float/double: Float32Array / Float64Array
 * - string: string[]
 * - binary: Uint8Array[]
 * - decimal: string[] of the canonical decimal text (exact; arithmetic is out of scope so far)
 * - array/map/struct/null: unknown[] of plain JS values (arrays, [k, v][] pairs, field arrays)
 * Slots whose validity byte is 0 hold an arbitrary value and must not be read.
 */
export type VectorData =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | string[]
  | Uint8Array[]
  | unknown[];

/** One column of a batch. `validity` is null when no value is null; else 1 = valid, 0 = null. */
export interface Vector {
  readonly type: DataType;
  readonly length: number;
  readonly data: VectorData;
  readonly validity: Uint8Array | null;
}

export function makeVector(type: DataType, data: VectorData, validity: Uint8Array | null, length = data.length): Vector {
  return { type, length, data, validity };
}

export function isNullAt(v: Vector, i: number): boolean {
  return v.validity !== null && v.validity[i] === 0;
}

/** True when the long-like vector uses exact BigInt storage. */
export function isBigLong(v: Vector): v is Vector & { data: BigInt64Array } {
  return v.data instanceof BigInt64Array;
}
