import { makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { compactUtf8 } from "../../columnar/utf8.js";
import { makeVector, type Vector } from "../../columnar/vector.js";
import { assertNever } from "../../errors/assert-never.js";

type TypedArray = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array | BigInt64Array;
type TypedArrayCtor<T extends TypedArray> = new (buffer: SharedArrayBuffer, byteOffset: number, length: number) => T;

/** Whether a typed array's memory is shared (then posting it to a thread shares, not copies). */
export function isShared(a: ArrayBufferView): boolean {
  return a.buffer instanceof SharedArrayBuffer;
}

/** `a`'s values in a SharedArrayBuffer of their own (a itself when it already is). */
function shareArray<T extends TypedArray>(a: T): T {
  if (isShared(a)) return a;
  const sab = new SharedArrayBuffer(a.byteLength);
  new Uint8Array(sab).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const Ctor = a.constructor as TypedArrayCtor<T>;
  return new Ctor(sab, 0, a.length);
}

function shareVector(v: Vector): Vector {
  const validity = v.validity === null ? null : shareArray(v.validity);
  switch (v.storage) {
    case "utf8": {
      const d = v.data.offsets[0] === 0 && v.data.bytes.length === v.data.offsets[v.length] ? v.data : compactUtf8(v.data, v.length);
      return makeVector(v.type, { offsets: shareArray(d.offsets), bytes: shareArray(d.bytes) }, validity, v.length);
    }
    case "bool":
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64":
    case "i64big":
    case "dec64":
      return makeVector(v.type, shareArray(v.data), validity, v.length);
    case "binary":
    case "dec128":
    case "values":
      // object storage cannot live in shared memory: it is cloned per task instead
      return makeVector(v.type, v.data, validity, v.length);
    default:
      return assertNever(v);
  }
}

/**
 * The batch with its buffers copied into SharedArrayBuffers, once, when a cached relation
 * is materialised: every later task on any worker thread then reads the same memory
 * (structured clone shares a SharedArrayBuffer), where plain buffers would be copied per
 * task. Readers never write into their input batches, so sharing is safe.
 */
export function shareBatch(b: ColumnBatch): ColumnBatch {
  return makeBatch(b.schema, b.columns.map(shareVector), b.numRows);
}
