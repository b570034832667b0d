import type { SchemaElement } from "hyparquet";
import { makeVector, MAX_LONG_DIGITS, type Vector } from "../../columnar/vector.js";
import type { DataType } from "../../types/data-type.js";
import type { DecodedChunk, PhysicalValues } from "./column-chunk-decoder.js";

/** Days from the Julian day number epoch to 1970-01-01 (INT96 timestamps count Julian days). */
const JULIAN_UNIX_EPOCH_DAY = 2440588;
const MICROS_PER_DAY = 86_400_000_000;
const TWO_32 = 4294967296;

/**
 * A decoded flat column chunk as an engine vector of `type` (the Spark type of the column, see
 * parquet-schema.ts): fixed-width values are reinterpreted or widened in one pass, strings keep
 * the chunk's UTF-8 bytes (only the offsets are rebuilt when some row is null), longs stay on
 * the Float64 fast path unless a value lies beyond ±2^53.
 */
export function chunkToVector(chunk: DecodedChunk, type: DataType, element: SchemaElement): Vector {
  const { values, validity, numRows: n } = chunk;
  switch (type.kind) {
    case "boolean":
      return makeVector(type, scatterBytes(expectKind(values, "bool").data, validity, n), validity, n);
    case "byte":
    case "short":
    case "integer":
    case "date":
    case "year_month_interval": {
      const words = int32Words(values);
      const out = type.kind === "byte" ? new Int8Array(n) : type.kind === "short" ? new Int16Array(n) : new Int32Array(n);
      scatterNumbers(words, validity, out);
      return makeVector(type, out, validity, n);
    }
    case "float": {
      const f = new Float32Array(n);
      const src = fixed(values, 4);
      scatterNumbers(new Float32Array(src.buffer, src.byteOffset, src.length >> 2), validity, f);
      return makeVector(type, f, validity, n);
    }
    case "double": {
      const f = new Float64Array(n);
      scatterNumbers(float64s(fixed(values, 8)), validity, f);
      return makeVector(type, f, validity, n);
    }
    case "long":
    case "timestamp":
    case "timestamp_ntz":
    case "day_time_interval":
      return longVector(type, values, validity, n, element);
    case "decimal":
      return decimalVector(type, values, validity, n, element);
    case "string": {
      const b = expectKind(values, "bytes");
      return makeVector(type, { offsets: scatterOffsets(b.offsets, validity, n), bytes: b.data }, validity, n);
    }
    case "binary": {
      const out = new Array<Uint8Array>(n);
      const empty = new Uint8Array(0);
      let j = 0;
      if (values.kind === "bytes") {
        for (let i = 0; i < n; i++) {
          if (validity !== null && validity[i] === 0) out[i] = empty;
          else {
            out[i] = values.data.slice(values.offsets[j]!, values.offsets[j + 1]!);
            j++;
          }
        }
      } else {
        const f = expectKind(values, "fixed");
        for (let i = 0; i < n; i++) {
          if (validity !== null && validity[i] === 0) out[i] = empty;
          else out[i] = f.bytes.slice(j * f.width, ++j * f.width);
        }
      }
      return makeVector(type, out, validity, n);
    }
    case "null":
    case "calendar_interval":
    case "variant":
    case "array":
    case "map":
    case "struct":
      throw new Error(`a flat Parquet column cannot be read as ${type.kind}`);
  }
}

function expectKind<K extends PhysicalValues["kind"]>(v: PhysicalValues, k: K): Extract<PhysicalValues, { kind: K }> {
  if (v.kind !== k) throw new Error(`expected ${k} values, got ${v.kind}`);
  return v as Extract<PhysicalValues, { kind: K }>;
}

function fixed(v: PhysicalValues, width: number): Uint8Array {
  const f = expectKind(v, "fixed");
  if (f.width !== width) throw new Error(`expected ${width}-byte values, got ${f.width}`);
  return f.bytes.byteOffset % 8 === 0 ? f.bytes : f.bytes.slice();
}

function int32Words(v: PhysicalValues): Int32Array {
  const b = fixed(v, 4);
  return new Int32Array(b.buffer, b.byteOffset, b.length >> 2);
}

function float64s(b: Uint8Array): Float64Array {
  return new Float64Array(b.buffer, b.byteOffset, b.length >> 3);
}

type Numbers = Int8Array | Int16Array | Int32Array | Float32Array | Float64Array | Uint8Array;

/** out[i] = the next dense value for each valid row (all rows when validity is null). */
function scatterNumbers(dense: Numbers, validity: Uint8Array | null, out: Numbers): void {
  const n = out.length;
  if (validity === null) {
    if (dense.constructor === out.constructor) out.set(dense.subarray(0, n) as never);
    else for (let i = 0; i < n; i++) out[i] = dense[i]!;
    return;
  }
  let j = 0;
  for (let i = 0; i < n; i++) if (validity[i] === 1) out[i] = dense[j++]!;
}

function scatterBytes(dense: Uint8Array, validity: Uint8Array | null, n: number): Uint8Array {
  if (validity === null) return dense.length === n ? dense : dense.slice(0, n);
  const out = new Uint8Array(n);
  scatterNumbers(dense, validity, out);
  return out;
}

/** Row offsets over the dense values' bytes: a null row is an empty range. */
function scatterOffsets(dense: Int32Array, validity: Uint8Array | null, n: number): Int32Array {
  if (validity === null) return dense;
  const out = new Int32Array(n + 1);
  out[0] = dense[0]!;
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (validity[i] === 1) j++;
    out[i + 1] = dense[j]!;
  }
  return out;
}

/**
 * Long-like values: INT64 (times 1000 for TIMESTAMP_MILLIS), INT96 timestamps (Julian day +
 * nanoseconds of the day, truncated to microseconds as Spark does) or unsigned INT32; Numbers
 * while every value is within ±2^53, exact BigInts otherwise.
 */
function longVector(type: DataType, values: PhysicalValues, validity: Uint8Array | null, n: number, element: SchemaElement): Vector {
  const out = new Float64Array(n);
  const f = expectKind(values, "fixed");
  const b = f.bytes.byteOffset % 4 === 0 ? f.bytes : f.bytes.slice();
  const w = new Int32Array(b.buffer, b.byteOffset, b.length >> 2);
  const millis = element.converted_type === "TIMESTAMP_MILLIS" || (element.logical_type?.type === "TIMESTAMP" && element.logical_type.unit === "MILLIS");
  let safe = true;
  let j = 0;
  if (f.width === 4) {
    // UINT_32 read as long.
    for (let i = 0; i < n; i++) if (validity === null || validity[i] === 1) out[i] = w[j++]! >>> 0;
    return makeVector(type, out, validity, n);
  }
  if (f.width === 12) {
    for (let i = 0; i < n; i++) {
      if (validity !== null && validity[i] === 0) continue;
      const nanos = w[j * 3 + 1]! * TWO_32 + (w[j * 3]! >>> 0);
      const day = w[j * 3 + 2]!;
      const v = (day - JULIAN_UNIX_EPOCH_DAY) * MICROS_PER_DAY + Math.floor(nanos / 1000);
      if (!Number.isSafeInteger(v)) safe = false;
      out[i] = v;
      j++;
    }
    if (safe) return makeVector(type, out, validity, n);
    const big = new BigInt64Array(n);
    j = 0;
    for (let i = 0; i < n; i++) {
      if (validity !== null && validity[i] === 0) continue;
      const nanos = (BigInt(w[j * 3 + 1]!) << 32n) | BigInt(w[j * 3]! >>> 0);
      big[i] = BigInt(w[j * 3 + 2]! - JULIAN_UNIX_EPOCH_DAY) * BigInt(MICROS_PER_DAY) + nanos / 1000n;
      j++;
    }
    return makeVector(type, big, validity, n);
  }
  const scale = millis ? 1000 : 1;
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const hi = w[2 * j + 1]!;
    // |hi| < 2^21 keeps hi·2^32 + lo within ±2^53.
    if (hi >= 2097152 || hi < -2097151) safe = false;
    out[i] = (hi * TWO_32 + (w[2 * j]! >>> 0)) * scale;
    j++;
  }
  if (safe && (scale === 1 || out.every((x) => Number.isSafeInteger(x)))) return makeVector(type, out, validity, n);
  const src = new BigInt64Array(b.buffer, b.byteOffset, b.length >> 3);
  const big = new BigInt64Array(n);
  j = 0;
  for (let i = 0; i < n; i++) if (validity === null || validity[i] === 1) big[i] = src[j++]! * BigInt(scale);
  return makeVector(type, big, validity, n);
}

/** A big-endian two's complement integer (FIXED_LEN_BYTE_ARRAY / BYTE_ARRAY decimals). */
function bigEndianSigned(bytes: Uint8Array, s: number, e: number): bigint {
  if (e <= s) return 0n;
  let v = 0n;
  for (let k = s; k < e; k++) v = (v << 8n) | BigInt(bytes[k]!);
  if (bytes[s]! & 0x80) v -= 1n << BigInt(8 * (e - s));
  return v;
}

/** Decimals from INT32, INT64, FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY: dec64 up to 18 digits, dec128 past. */
function decimalVector(type: DataType & { kind: "decimal" }, values: PhysicalValues, validity: Uint8Array | null, n: number, element: SchemaElement): Vector {
  const wide = type.precision > MAX_LONG_DIGITS;
  if (values.kind === "fixed" && (values.width === 4 || values.width === 8) && element.type !== "FIXED_LEN_BYTE_ARRAY") {
    const b = values.bytes.byteOffset % 8 === 0 ? values.bytes : values.bytes.slice();
    if (values.width === 8 && !wide && element.converted_type !== "UINT_64" && !(element.logical_type?.type === "INTEGER")) {
      const src = new BigInt64Array(b.buffer, b.byteOffset, b.length >> 3);
      const out = new BigInt64Array(n);
      if (validity === null) out.set(src.subarray(0, n));
      else {
        const o32 = new Int32Array(out.buffer);
        const s32 = new Int32Array(b.buffer, b.byteOffset, b.length >> 2);
        let j = 0;
        for (let i = 0; i < n; i++) {
          if (validity[i] === 1) {
            o32[2 * i] = s32[2 * j]!;
            o32[2 * i + 1] = s32[2 * j + 1]!;
            j++;
          }
        }
      }
      return makeVector(type, out, validity, n);
    }
    if (values.width === 4 && !wide) {
      const src = new Int32Array(b.buffer, b.byteOffset, b.length >> 2);
      const out = new BigInt64Array(n);
      const o32 = new Int32Array(out.buffer);
      let j = 0;
      for (let i = 0; i < n; i++) {
        if (validity !== null && validity[i] === 0) continue;
        const v = src[j++]!;
        o32[2 * i] = v;
        o32[2 * i + 1] = v >> 31;
      }
      return makeVector(type, out, validity, n);
    }
    // UINT_64 as decimal(20,0), or an int-backed decimal declared wider than 18 digits.
    const unsigned = element.converted_type === "UINT_64" || (element.logical_type?.type === "INTEGER" && !element.logical_type.isSigned);
    const out = new Array<bigint>(n).fill(0n);
    const src64 = values.width === 8 ? new BigInt64Array(b.buffer, b.byteOffset, b.length >> 3) : null;
    const src32 = values.width === 4 ? new Int32Array(b.buffer, b.byteOffset, b.length >> 2) : null;
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (validity !== null && validity[i] === 0) continue;
      let v = src64 !== null ? src64[j]! : BigInt(src32![j]!);
      if (unsigned && v < 0n) v += 1n << 64n;
      out[i] = v;
      j++;
    }
    return wide ? makeVector(type, out, validity, n) : makeVector(type, BigInt64Array.from(out), validity, n);
  }
  const big = new Array<bigint>(n).fill(0n);
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    if (values.kind === "bytes") big[i] = bigEndianSigned(values.data, values.offsets[j]!, values.offsets[j + 1]!);
    else if (values.kind === "fixed") big[i] = bigEndianSigned(values.bytes, j * values.width, (j + 1) * values.width);
    else throw new Error("a boolean column cannot be a decimal");
    j++;
  }
  return wide ? makeVector(type, big, validity, n) : makeVector(type, BigInt64Array.from(big), validity, n);
}
