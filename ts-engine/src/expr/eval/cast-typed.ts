import { expectStorage, makeVector, numberData, type Vector } from "../../columnar/vector.js";
import type { DataType } from "../../types/data-type.js";
import { castOverflow, numericSqlValue } from "./errors.js";

const NARROW: Record<string, readonly [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
};

/** Int32 target: the store itself wraps like Java's `(int) long`; returns whether any value was out of range. */
function narrowToI32(src: Float64Array, out: Int32Array, n: number): boolean {
  let bad = false;
  for (let i = 0; i < n; i++) {
    const x = src[i]!;
    out[i] = x;
    if (x > 2147483647 || x < -2147483648) bad = true;
  }
  return bad;
}

/** Int16/Int8 twin of narrowToI32 (stores wrap to 16/8 bits). */
function narrowToSmall(src: Float64Array, out: Int16Array | Int8Array, n: number, min: number, max: number): boolean {
  let bad = false;
  for (let i = 0; i < n; i++) {
    const x = src[i]!;
    out[i] = x;
    if (x > max || x < min) bad = true;
  }
  return bad;
}

/**
 * LongType on the Float64 fast path cast to integer/short/byte as one typed loop. Legacy mode
 * wraps like Java's narrowing (the typed-array store does exactly that for integers); ANSI mode
 * raises CAST_OVERFLOW for the first valid row out of range. Null for other casts.
 */
export function castLongNarrow(v: Vector, to: DataType, ansi: boolean): Vector | null {
  const bounds = NARROW[to.kind];
  if (v.type.kind !== "long" || v.storage !== "f64" || bounds === undefined) return null;
  const n = v.length;
  const src = v.data;
  const [min, max] = bounds;
  let out: Int32Array | Int16Array | Int8Array;
  let bad: boolean;
  if (to.kind === "integer") {
    const o = new Int32Array(n);
    bad = narrowToI32(src, o, n);
    out = o;
  } else {
    const o = to.kind === "short" ? new Int16Array(n) : new Int8Array(n);
    bad = narrowToSmall(src, o, n, min, max);
    out = o;
  }
  if (bad && ansi) {
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      if ((x > max || x < min) && (v.validity === null || v.validity[i] === 1)) {
        throw castOverflow(numericSqlValue(x, v.type), v.type, to);
      }
    }
  }
  return makeVector(to, out, v.validity, n);
}

/**
 * Casts that cannot fail, as typed-array conversions: byte/short/int → long/double/wider int,
 * float → double, long → double. A Float64-backed long already holds its exact double values,
 * so long → double shares the storage (vectors are immutable). Null for other casts.
 */
export function castWiden(v: Vector, to: DataType): Vector | null {
  const from = v.type.kind;
  const n = v.length;
  const src = v.data;
  if (from === "long" && to.kind === "double") {
    if (src instanceof Float64Array) return makeVector(to, src, v.validity, n);
    const big = expectStorage(v, "i64big").data;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = Number(big[i]!);
    return makeVector(to, out, v.validity, n);
  }
  const narrowInt = from === "byte" || from === "short" || from === "integer";
  // (A date is no number: legacy date → numeric is null, ANSI rejects it at analysis.)
  if (!narrowInt && from !== "float") return null;
  const arr = numberData(v);
  if (arr === null) return null;
  if (to.kind === "double" || (to.kind === "long" && narrowInt)) return makeVector(to, new Float64Array(arr), v.validity, n);
  if (to.kind === "integer" && narrowInt) return makeVector(to, new Int32Array(arr), v.validity, n);
  if (to.kind === "short" && from === "byte") return makeVector(to, new Int16Array(arr), v.validity, n);
  return null;
}

/**
 * DoubleType to integer/long as one typed loop: truncation toward zero like Spark. Legacy mode
 * maps NaN to 0 and saturates out-of-range values to the int bounds; ANSI mode raises
 * CAST_OVERFLOW for a valid NaN, infinity or out-of-range value. For long, only batches whose
 * truncated values all stay within ±2^53 (else null: the exact per-value path decides).
 */
export function castDoubleIntegral(v: Vector, to: DataType, ansi: boolean): Vector | null {
  if (v.type.kind !== "double" || v.storage !== "f64" || (to.kind !== "integer" && to.kind !== "long")) return null;
  const n = v.length;
  const src = v.data;
  const validity = v.validity;
  const isInt = to.kind === "integer";
  const lo = isInt ? -2147483648 : -Number.MAX_SAFE_INTEGER;
  const hi = isInt ? 2147483647 : Number.MAX_SAFE_INTEGER;
  const out = isInt ? new Int32Array(n) : new Float64Array(n);
  let bad = false;
  for (let i = 0; i < n; i++) {
    const t = Math.trunc(src[i]!) + 0;
    if (t >= lo && t <= hi) out[i] = t;
    else bad = true; // NaN fails both tests
  }
  if (bad) {
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      const t = Math.trunc(x);
      if ((t >= lo && t <= hi) || (validity !== null && validity[i] === 0)) continue;
      if (!isInt) return null;
      if (ansi) throw castOverflow(numericSqlValue(x, v.type), v.type, to);
      out[i] = x !== x ? 0 : t < 0 ? lo : hi;
    }
  }
  return makeVector(to, out, validity, n);
}
