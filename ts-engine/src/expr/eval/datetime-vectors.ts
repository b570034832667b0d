import { makeVector, type Vector } from "../../columnar/vector.js";
import { InternalError } from "../../errors/spark-exception.js";
import { DateType, type DataType } from "../../types/data-type.js";

/**
 * Typed-array access for date and timestamp vectors, shared by the datetime kernels: dates are
 * Int32 day numbers; timestamps are Float64 microseconds while every value is within ±2^53
 * (1685–2255), else BigInt64 storage, which kernels read as the nearest double (exact for
 * whole seconds there, sub-10 µs error beyond).
 */

/** The microseconds of a timestamp or timestamp_ntz vector as doubles. */
export function microsOf(v: Vector): Float64Array {
  if (v.storage === "f64") return v.data;
  if (v.storage === "i64big") {
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = Number(v.data[i]!);
    return out;
  }
  throw new InternalError(`expected timestamp storage, got ${v.storage} (${v.type.kind})`);
}

/** The day numbers of a date vector. */
export function daysOf(v: Vector): Int32Array {
  if (v.storage === "i32") return v.data;
  throw new InternalError(`expected date storage, got ${v.storage} (${v.type.kind})`);
}

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * A timestamp-typed vector over `data` (microseconds, integral): Float64 storage when every valid
 * value is within ±2^53, else exact BigInt64 storage.
 */
export function timestampVector(type: DataType, data: Float64Array, validity: Uint8Array | null): Vector {
  const n = data.length;
  let big = false;
  for (let i = 0; i < n; i++) {
    const x = data[i]!;
    if ((x > SAFE || x < -SAFE) && (validity === null || validity[i] === 1)) {
      big = true;
      break;
    }
  }
  if (!big) return makeVector(type, data, validity, n);
  const out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    const x = data[i]!;
    // Saturate at the long range (a double past it would wrap in BigInt64Array).
    out[i] = validity !== null && validity[i] === 0 ? 0n : x >= 9.223372036854776e18 ? LONG_MAX : x <= -9.223372036854776e18 ? LONG_MIN : BigInt(x);
  }
  return makeVector(type, out, validity, n);
}

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

/** Whole seconds (floor) and microsecond-of-second of each timestamp, exact for BigInt storage too. */
export interface MicrosParts {
  readonly seconds: Float64Array;
  readonly micros: Float64Array;
}

/** Splits a timestamp vector into exact seconds and microseconds (what formatting needs). */
export function microsParts(v: Vector): MicrosParts {
  const n = v.length;
  const seconds = new Float64Array(n);
  const micros = new Float64Array(n);
  if (v.storage === "i64big") {
    for (let i = 0; i < n; i++) {
      const x = v.data[i]!;
      const s = x >= 0n ? x / 1000000n : -((-x + 999999n) / 1000000n);
      seconds[i] = Number(s);
      micros[i] = Number(x - s * 1000000n);
    }
    return { seconds, micros };
  }
  const us = microsOf(v);
  for (let i = 0; i < n; i++) {
    const s = Math.floor(us[i]! / 1e6);
    seconds[i] = s;
    micros[i] = us[i]! - s * 1e6;
  }
  return { seconds, micros };
}

/** A date vector over day numbers. */
export function dateVector(data: Int32Array, validity: Uint8Array | null): Vector {
  return makeVector(DateType, data, validity, data.length);
}

/** A copy of `validity` (or all-valid) that a kernel may clear rows in. */
export function writableValidity(validity: Uint8Array | null, n: number): Uint8Array {
  return validity === null ? new Uint8Array(n).fill(1) : validity.slice();
}

/** `validity` with no null left collapsed to null, as vectors carry it. */
export function compactValidity(validity: Uint8Array): Uint8Array | null {
  for (let i = 0; i < validity.length; i++) if (validity[i] === 0) return validity;
  return null;
}

/**
 * A timestamp vector from whole seconds and microseconds: Float64 microseconds when every valid
 * value is within ±2^53, else exact BigInt64 (the parts keep what a double would round away).
 */
export function timestampVectorFromParts(type: DataType, seconds: Float64Array, micros: Float64Array, validity: Uint8Array | null): Vector {
  const n = seconds.length;
  const out = new Float64Array(n);
  let big = false;
  for (let i = 0; i < n; i++) {
    const x = seconds[i]! * 1e6 + micros[i]!;
    if ((x > SAFE || x < -SAFE) && (validity === null || validity[i] === 1)) big = true;
    out[i] = x;
  }
  if (!big) return makeVector(type, out, validity, n);
  const exact = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    if (validity === null || validity[i] === 1) exact[i] = BigInt(seconds[i]!) * 1000000n + BigInt(micros[i]!);
  }
  return makeVector(type, exact, validity, n);
}
