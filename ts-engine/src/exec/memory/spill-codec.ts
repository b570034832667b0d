import v8 from "node:v8";
import { makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import type { Utf8Data } from "../../columnar/utf8.js";
import { makeVector, type Vector, type VectorData } from "../../columnar/vector.js";
import { assertNever } from "../../errors/assert-never.js";
import { InternalError } from "../../errors/spark-exception.js";
import type { StructType } from "../../types/data-type.js";

/**
 * The spill format of one batch: a header of u32 words (row count, then per column a
 * storage tag, a validity flag and the byte lengths of its parts), then the parts, each
 * 8-byte aligned so they decode as typed-array views without copying. Typed storage is
 * its raw bytes (decimals up to 18 digits too: unscaled longs); strings their UTF-8 bytes with
 * offsets; binaries one byte run with offsets; wide decimals' bigints and nested values go
 * through V8's serializer. The schema is not written: the reader knows it.
 */
const TAG = {
  u8: 1,
  i8: 2,
  i16: 3,
  i32: 4,
  f32: 5,
  f64: 6,
  i64big: 7,
  binary: 10,
  values: 11,
  utf8: 12,
} as const;

type Tag = (typeof TAG)[keyof typeof TAG];

interface Encoded {
  readonly tag: Tag;
  readonly parts: Uint8Array[];
}

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function typedTag(d: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array | BigInt64Array): Tag {
  if (d instanceof Uint8Array) return TAG.u8;
  if (d instanceof Int8Array) return TAG.i8;
  if (d instanceof Int16Array) return TAG.i16;
  if (d instanceof Int32Array) return TAG.i32;
  if (d instanceof Float32Array) return TAG.f32;
  if (d instanceof Float64Array) return TAG.f64;
  return TAG.i64big;
}

function encodeBinary(values: readonly unknown[], n: number, validity: Uint8Array | null): Encoded {
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (validity === null || validity[i] === 1) total += (values[i] as Uint8Array).byteLength;
    offsets[i + 1] = total;
  }
  const out = new Uint8Array(total);
  for (let i = 0; i < n; i++) if (offsets[i + 1]! > offsets[i]!) out.set(values[i] as Uint8Array, offsets[i]!);
  return { tag: TAG.binary, parts: [bytesOf(offsets), out] };
}

/** UTF-8 storage as offsets rebased to 0 and the bytes they cover. */
function encodeUtf8(d: Utf8Data, n: number): Encoded {
  const base = d.offsets[0]!;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) offsets[i] = d.offsets[i]! - base;
  return { tag: TAG.utf8, parts: [bytesOf(offsets), d.bytes.subarray(base, d.offsets[n]!)] };
}

function encodeVector(v: Vector, n: number): Encoded {
  switch (v.storage) {
    case "bool":
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64":
    case "i64big":
    case "dec64":
      return { tag: typedTag(v.data), parts: [bytesOf(v.data.subarray(0, n))] };
    case "utf8":
      return encodeUtf8(v.data, n);
    case "dec128":
      return { tag: TAG.values, parts: [v8.serialize(v.data.slice(0, n))] };
    case "binary":
      return encodeBinary(v.data, n, v.validity);
    case "values":
      return { tag: TAG.values, parts: [v8.serialize(v.data.slice(0, n))] };
    default:
      return assertNever(v);
  }
}

const align8 = (x: number): number => (x + 7) & ~7;

/** The spill bytes of `b` (see the format above). */
export function encodeBatch(b: ColumnBatch): Uint8Array {
  const n = b.numRows;
  const cols = b.columns.map((c) => ({ enc: encodeVector(c, n), validity: c.validity }));
  const header: number[] = [n, cols.length];
  for (const { enc, validity } of cols) header.push(enc.tag, validity === null ? 0 : 1, enc.parts.length, ...enc.parts.map((p) => p.byteLength));
  let size = align8(header.length * 4);
  for (const { enc, validity } of cols) {
    if (validity !== null) size += align8(n);
    for (const p of enc.parts) size += align8(p.byteLength);
  }
  const out = new Uint8Array(size);
  new Uint32Array(out.buffer, 0, header.length).set(header);
  let off = align8(header.length * 4);
  for (const { enc, validity } of cols) {
    if (validity !== null) {
      out.set(validity.subarray(0, n), off);
      off += align8(n);
    }
    for (const p of enc.parts) {
      out.set(p, off);
      off += align8(p.byteLength);
    }
  }
  return out;
}

function decodeData(tag: number, parts: Uint8Array[], n: number): VectorData {
  const p0 = parts[0]!;
  const view = <T>(C: new (b: ArrayBufferLike, o: number, l: number) => T, size: number): T => new C(p0.buffer, p0.byteOffset, p0.byteLength / size);
  switch (tag) {
    case TAG.u8:
      return view(Uint8Array, 1);
    case TAG.i8:
      return view(Int8Array, 1);
    case TAG.i16:
      return view(Int16Array, 2);
    case TAG.i32:
      return view(Int32Array, 4);
    case TAG.f32:
      return view(Float32Array, 4);
    case TAG.f64:
      return view(Float64Array, 8);
    case TAG.i64big:
      return view(BigInt64Array, 8);
    case TAG.utf8:
      return { offsets: view(Int32Array, 4), bytes: parts[1]! };
    case TAG.binary: {
      const offsets = view(Int32Array, 4);
      const bytes = parts[1]!;
      const out = new Array<Uint8Array>(n);
      for (let i = 0; i < n; i++) out[i] = bytes.slice(offsets[i]!, offsets[i + 1]!);
      return out;
    }
    case TAG.values:
      return v8.deserialize(p0) as unknown[];
    default:
      throw new InternalError(`spill file: unknown column tag ${tag}`);
  }
}

/** The batch of `schema` that `encodeBatch` wrote into `bytes` (which it may view into). */
export function decodeBatch(schema: StructType, bytes: Uint8Array): ColumnBatch {
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const words = (count: number, at: number): Uint32Array => new Uint32Array(bytes.buffer, bytes.byteOffset + at, count);
  const [n, ncols] = words(2, 0) as unknown as [number, number];
  let h = 2;
  const metas: { tag: number; hasValidity: boolean; lengths: number[] }[] = [];
  for (let c = 0; c < ncols; c++) {
    const [tag, hasValidity, nparts] = Array.from(words(3, h * 4)) as [number, number, number];
    const lengths = Array.from(words(nparts, (h + 3) * 4));
    metas.push({ tag, hasValidity: hasValidity === 1, lengths });
    h += 3 + nparts;
  }
  let off = align8(h * 4);
  const columns = metas.map((m, c) => {
    let validity: Uint8Array | null = null;
    if (m.hasValidity) {
      validity = bytes.subarray(off, off + n);
      off += align8(n);
    }
    const parts = m.lengths.map((len) => {
      const p = bytes.subarray(off, off + len);
      off += align8(len);
      return p;
    });
    const field = schema.fields[c];
    if (field === undefined) throw new InternalError("spill file: more columns than the schema");
    return makeVector(field.dataType, decodeData(m.tag, parts, n), validity, n);
  });
  return makeBatch(schema, columns, n);
}
