import { assertNever } from "../errors/assert-never.js";
import { vectorFromValues } from "../columnar/builder.js";
import { vectorToValues } from "../columnar/rows.js";
import { makeVector, type Vector, type VectorData } from "../columnar/vector.js";
import type { DataType } from "../types/data-type.js";

/**
 * A fixed-width column as raw little-endian bytes for the worker: `t` names the element
 * format ("i32", "f64", "f32", "u8"), `validity` has one byte per row (1 = valid) when
 * some value is null. Python reads it with `memoryview(data).cast(...)`, which is far
 * cheaper than a msgpack list per value.
 */
export interface TypedColumn {
  readonly t: "i32" | "f64" | "f32" | "u8";
  readonly data: Uint8Array;
  readonly validity?: Uint8Array;
}

/** A column on the worker pipe: a typed column, or a list of wire values (bridge/PROTOCOL.md "Wire values"). */
export type WireColumn = TypedColumn | readonly unknown[];

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function bytesOf(a: Int32Array | Float64Array | Float32Array | Uint8Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function fitsInt32(d: Float64Array, validity: Uint8Array | null): boolean {
  for (let i = 0; i < d.length; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const x = d[i]!;
    if (x < INT32_MIN || x > INT32_MAX) return false;
  }
  return true;
}

function typed(t: TypedColumn["t"], a: Int32Array | Float64Array | Float32Array | Uint8Array, v: Vector): TypedColumn {
  return v.validity === null ? { t, data: bytesOf(a) } : { t, data: bytesOf(a), validity: v.validity };
}

/** An argument vector for the worker: raw bytes for fixed-width types, wire values otherwise. */
export function encodeArgColumn(v: Vector): WireColumn {
  switch (v.storage) {
    case "bool":
      return typed("u8", v.data.subarray(0, v.length), v);
    case "i8":
    case "i16":
      return typed("i32", Int32Array.from(v.data.subarray(0, v.length)), v);
    case "i32":
      return typed("i32", v.data.subarray(0, v.length), v);
    case "f32":
      return typed("f32", v.data.subarray(0, v.length), v);
    case "f64": {
      const d = v.data.subarray(0, v.length);
      if (v.type.kind === "double") return typed("f64", d, v);
      // Long-like on the Number fast path: int32 when it fits, else exact doubles.
      return fitsInt32(d, v.validity) ? typed("i32", Int32Array.from(d), v) : typed("f64", d, v);
    }
    case "i64big": // exact as msgpack ints
    case "utf8":
    case "binary":
    case "dec64": // decimals as their exact text
    case "dec128":
    case "values":
      return vectorToValues(v);
    default:
      return assertNever(v);
  }
}

function copyAligned(b: Uint8Array): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

function isTypedColumn(raw: unknown): raw is TypedColumn {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) && (raw as { data?: unknown }).data instanceof Uint8Array;
}

function typedData(type: DataType, c: TypedColumn): VectorData {
  const buf = copyAligned(c.data);
  const data = c.t === "i32" ? new Int32Array(buf) : c.t === "f64" ? new Float64Array(buf) : c.t === "f32" ? new Float32Array(buf) : new Uint8Array(buf);
  if (type.kind === "byte") return Int8Array.from(data);
  if (type.kind === "short") return Int16Array.from(data);
  return data;
}

/** A result column from the worker as a vector of `type`. */
export function decodeResultColumn(type: DataType, raw: unknown, numRows: number): Vector {
  if (isTypedColumn(raw)) {
    const validity = raw.validity === undefined ? null : new Uint8Array(copyAligned(raw.validity));
    return makeVector(type, typedData(type, raw), validity, numRows);
  }
  if (!Array.isArray(raw)) throw new TypeError("result column is neither a typed column nor a list");
  return vectorFromValues(type, raw);
}
