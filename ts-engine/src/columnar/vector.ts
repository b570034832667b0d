import type { DataType } from "../types/data-type.js";
import { InternalError } from "../errors/spark-exception.js";
import { utf8FromStrings, type Utf8Data } from "./utf8.js";

/**
 * How a vector stores its values; the tag that kernels narrow on.
 * - bool: Uint8Array (0/1)
 * - i8 / i16 / i32: byte / short / integer and date (days since epoch)
 * - f32 / f64: float / double; f64 is also long/timestamp/timestamp_ntz while every value of
 *   the vector is within ±2^53 (the fast path), with i64big (BigInt64Array) otherwise, so
 *   LongType stays exact. Timestamps are microseconds since the epoch (UTC).
 * - utf8: string, as UTF-8 bytes + offsets (columnar/utf8.ts)
 * - binary: Uint8Array per value
 * - dec64: decimal(p ≤ 18, s) as unscaled BigInt64Array values (value = unscaled / 10^s);
 *   every unscaled value of precision ≤ 18 fits a long, as in Spark's compact Decimal
 * - dec128: decimal(19..38, s) as one unscaled bigint per value
 * - values: array/map/struct/null as plain JS values (arrays, [k, v][] pairs, field arrays);
 *   calendar intervals and variants as their objects (columnar/calendar-interval.ts, variant.ts)
 * Slots whose validity byte is 0 hold an arbitrary value and must not be read.
 */
export type VectorStorage =
  | "bool"
  | "i8"
  | "i16"
  | "i32"
  | "f32"
  | "f64"
  | "i64big"
  | "utf8"
  | "binary"
  | "dec64"
  | "dec128"
  | "values";

interface VectorOf<S extends VectorStorage, D> {
  readonly storage: S;
  readonly type: DataType;
  readonly length: number;
  readonly data: D;
  /** null when no value is null; else 1 = valid, 0 = null. */
  readonly validity: Uint8Array | null;
}

/** Booleans as 0/1 bytes. */
export type BoolVector = VectorOf<"bool", Uint8Array>;
/** ByteType. */
export type I8Vector = VectorOf<"i8", Int8Array>;
/** ShortType. */
export type I16Vector = VectorOf<"i16", Int16Array>;
/** IntegerType and DateType. */
export type I32Vector = VectorOf<"i32", Int32Array>;
/** FloatType. */
export type F32Vector = VectorOf<"f32", Float32Array>;
/** DoubleType, and long-like types while every value is within ±2^53. */
export type F64Vector = VectorOf<"f64", Float64Array>;
/** Long-like types when some value lies beyond ±2^53. */
export type I64BigVector = VectorOf<"i64big", BigInt64Array>;
/** StringType as UTF-8 bytes + offsets. */
export type Utf8Vector = VectorOf<"utf8", Utf8Data>;
/** BinaryType, one byte array per value. */
export type BinaryVector = VectorOf<"binary", Uint8Array[]>;
/** DecimalType of precision ≤ 18: unscaled values at the type's scale. */
export type Dec64Vector = VectorOf<"dec64", BigInt64Array>;
/** DecimalType of precision 19–38: unscaled bigints at the type's scale. */
export type Dec128Vector = VectorOf<"dec128", bigint[]>;
/** Either decimal storage. */
export type DecimalVector = Dec64Vector | Dec128Vector;
/** Nested and null types as plain JS values. */
export type ValuesVector = VectorOf<"values", unknown[]>;

/** One column of a batch, discriminated by `storage`. */
export type Vector =
  | BoolVector
  | I8Vector
  | I16Vector
  | I32Vector
  | F32Vector
  | F64Vector
  | I64BigVector
  | Utf8Vector
  | BinaryVector
  | Dec64Vector
  | Dec128Vector
  | ValuesVector;

/** Any vector's storage. */
export type VectorData = Vector["data"];

/** Largest precision whose unscaled values always fit a signed 64-bit long (Spark's MAX_LONG_DIGITS). */
export const MAX_LONG_DIGITS = 18;

/**
 * The storage each type kind uses by default (long-like types: the f64 fast path; decimals:
 * dec64, or dec128 past MAX_LONG_DIGITS, see `storageOf`).
 */
export const STORAGE_OF: Readonly<Record<DataType["kind"], VectorStorage>> = {
  boolean: "bool",
  byte: "i8",
  short: "i16",
  integer: "i32",
  date: "i32",
  long: "f64",
  timestamp: "f64",
  timestamp_ntz: "f64",
  day_time_interval: "f64",
  year_month_interval: "i32",
  float: "f32",
  double: "f64",
  string: "utf8",
  binary: "binary",
  decimal: "dec64",
  null: "values",
  array: "values",
  map: "values",
  struct: "values",
  calendar_interval: "values",
  variant: "values",
};

/** The storage a type uses by default: STORAGE_OF, with decimals past 18 digits on dec128. */
export function storageOf(type: DataType): VectorStorage {
  if (type.kind === "decimal") return type.precision > MAX_LONG_DIGITS ? "dec128" : "dec64";
  return STORAGE_OF[type.kind];
}

function storageOfData(type: DataType, data: VectorData): VectorStorage {
  if (data instanceof Float64Array) return "f64";
  if (data instanceof Int32Array) return "i32";
  if (data instanceof Uint8Array) return "bool";
  if (data instanceof BigInt64Array) return type.kind === "decimal" ? "dec64" : "i64big";
  if (data instanceof Int8Array) return "i8";
  if (data instanceof Int16Array) return "i16";
  if (data instanceof Float32Array) return "f32";
  if (!Array.isArray(data)) return "utf8";
  // Wide decimals are bigint arrays: text or number arrays are a caller's mistake, not dec128.
  if (type.kind === "decimal") return data.length === 0 || typeof data[0] === "bigint" ? "dec128" : "values";
  return storageOf(type);
}

/** True for types stored as 64-bit integers (f64 fast path or i64big). */
export function isLongType(type: DataType): boolean {
  return type.kind === "long" || type.kind === "timestamp" || type.kind === "timestamp_ntz" || type.kind === "day_time_interval";
}

/**
 * The vector of `type` over `data`, its storage tag taken from the data and checked against
 * the type (an InternalError on a mismatch: a kernel that built the wrong storage).
 */
export function makeVector(type: DataType, data: VectorData | readonly string[], validity: Uint8Array | null, length = dataLength(data)): Vector {
  // JS strings for a string column are encoded here, so callers with string[] still get utf8 storage.
  if (type.kind === "string" && Array.isArray(data)) data = utf8FromStrings(data as readonly string[]);
  const storage = storageOfData(type, data as VectorData);
  const expected = storageOf(type);
  if (storage !== expected && !(storage === "i64big" && expected === "f64" && isLongType(type))) {
    throw new InternalError(`vector of ${type.kind} cannot have ${storage} storage`);
  }
  return { storage, type, length, data, validity } as Vector;
}

function dataLength(data: VectorData | readonly string[]): number {
  return "offsets" in data ? data.offsets.length - 1 : data.length;
}

/** The same values under another type of the same storage (casts that only relabel). */
export function retypeVector(v: Vector, type: DataType): Vector {
  return makeVector(type, v.data, v.validity, v.length);
}

/** True when row `i` is null. */
export function isNullAt(v: Vector, i: number): boolean {
  return v.validity !== null && v.validity[i] === 0;
}

/** True when the long-like vector uses exact BigInt storage. */
export function isBigLong(v: Vector): v is I64BigVector {
  return v.storage === "i64big";
}

/** A vector of the given storage kind. */
export type VectorOfStorage<S extends VectorStorage> = Extract<Vector, { readonly storage: S }>;

/**
 * `v` narrowed to storage `s`, for kernels whose input types the analyzer fixed (a boolean
 * predicate, a double argument); an InternalError when the storage is not the expected one.
 */
export function expectStorage<S extends VectorStorage>(v: Vector, s: S): VectorOfStorage<S> {
  if (v.storage !== s) throw new InternalError(`expected ${s} storage, got ${v.storage} (${v.type.kind})`);
  return v as VectorOfStorage<S>;
}

/** Typed-array storages of plain numbers (not BigInt). */
export type NumberData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** The storage of a vector the analyzer typed as numeric and small enough for Numbers (an InternalError otherwise). */
export function numbersOf(v: Vector): NumberData {
  const d = numberData(v);
  if (d === null) throw new InternalError(`expected number storage, got ${v.storage} (${v.type.kind})`);
  return d;
}

/** The storage as plain numbers, or null for BigInt, string and object storage. */
export function numberData(v: Vector): NumberData | null {
  switch (v.storage) {
    case "bool":
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64":
      return v.data;
    case "i64big":
    case "utf8":
    case "binary":
    case "dec64":
    case "dec128":
    case "values":
      return null;
  }
}

/** What V8 spends on a JS string or small object beyond its payload (header, pointer). */
const OBJECT_OVERHEAD = 24;
/** A nested value (array, map, struct) of unknown shape: a rough guess, not a measure. */
const NESTED_VALUE = 64;

/**
 * An estimate of the heap bytes a vector holds, which the memory manager budgets with and
 * shuffle statistics measure: exact for typed arrays and UTF-8 strings, payload plus object
 * overhead for wide decimals and binaries, a flat guess per nested value.
 */
export function vectorByteSize(v: Vector): number {
  const n = v.length;
  const validity = v.validity === null ? 0 : n;
  switch (v.storage) {
    case "bool":
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64":
    case "i64big":
    case "dec64":
      return validity + n * v.data.BYTES_PER_ELEMENT;
    case "utf8":
      return validity + 4 * (n + 1) + (v.data.offsets[n]! - v.data.offsets[0]!);
    case "dec128":
      // A heap BigInt of up to 128 bits: header plus two 64-bit digits.
      return validity + n * (8 + OBJECT_OVERHEAD);
    case "binary": {
      let bytes = validity + n * 8;
      for (let i = 0; i < n; i++) bytes += (v.data[i]?.byteLength ?? 0) + OBJECT_OVERHEAD * 4;
      return bytes;
    }
    case "values":
      return validity + n * (8 + NESTED_VALUE);
  }
}
