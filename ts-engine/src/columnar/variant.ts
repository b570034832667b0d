import { SparkException } from "../errors/spark-exception.js";

/**
 * A value of Spark 4's VariantType, in Spark's own binary encoding (common/variant's
 * README): `value` holds the typed, self-describing value and `metadata` the dictionary of
 * object keys it refers to by id. The bytes are what PySpark's VariantVal carries, so
 * collect and the wire hand them over unchanged. Vectors of this type hold these objects
 * ("values" storage).
 */
export interface VariantValue {
  readonly value: Uint8Array;
  readonly metadata: Uint8Array;
}

/** True when `v` is a VariantValue. */
export function isVariantValue(v: unknown): v is VariantValue {
  return typeof v === "object" && v !== null && (v as VariantValue).value instanceof Uint8Array && (v as VariantValue).metadata instanceof Uint8Array;
}

/** The two low bits of a value's header byte. */
export const BasicType = { Primitive: 0, ShortString: 1, Object: 2, Array: 3 } as const;

/** The type ids of primitive values (the header's upper six bits when the basic type is 0). */
export const PrimitiveId = {Null: 0, True: 1, False: 2, Int8: 3, Int16: 4, Int32: 5, Int64: 6, Double: 7, Decimal4: 8, Decimal8: 9, Decimal16: 10, Date: 11, Timestamp: 12, TimestampNtz: 13, Float: 14, Binary: 15, String: 16, Uuid: 20} as const;

/** What a variant value is, decoded one level: scalars carry their value, containers their parts' positions. */
export type VariantNode =
  | { readonly kind: "null" }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "long"; readonly value: bigint; readonly bytes: 1 | 2 | 4 | 8 }
  | { readonly kind: "double"; readonly value: number }
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "decimal"; readonly unscaled: bigint; readonly scale: number; readonly bytes: 4 | 8 | 16 }
  | { readonly kind: "date"; readonly days: number }
  | { readonly kind: "timestamp"; readonly micros: bigint }
  | { readonly kind: "timestamp_ntz"; readonly micros: bigint }
  | { readonly kind: "binary"; readonly value: Uint8Array }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "uuid"; readonly value: Uint8Array }
  | { readonly kind: "object"; readonly keys: readonly string[]; readonly values: readonly number[] }
  | { readonly kind: "array"; readonly values: readonly number[] };

const DECODER = new TextDecoder();

function malformed(): SparkException {
  // Spark's MALFORMED_VARIANT: bytes no builder writes.
  return new SparkException("SparkRuntimeException", "MALFORMED_VARIANT", {});
}

/** Little-endian unsigned integer of `size` (1–4) bytes at `pos`. */
export function readUnsigned(b: Uint8Array, pos: number, size: number): number {
  if (pos + size > b.length) throw malformed();
  let r = 0;
  for (let i = size - 1; i >= 0; i--) r = r * 256 + b[pos + i]!;
  return r;
}

function readSigned(b: Uint8Array, pos: number, size: number): bigint {
  if (pos + size > b.length) throw malformed();
  let r = 0n;
  for (let i = size - 1; i >= 0; i--) r = (r << 8n) | BigInt(b[pos + i]!);
  const bits = BigInt(size * 8);
  return r >= 1n << (bits - 1n) ? r - (1n << bits) : r;
}

/** Key `id` of the metadata's dictionary. */
export function metadataKey(metadata: Uint8Array, id: number): string {
  const offsetSize = ((metadata[0]! >> 6) & 3) + 1;
  const dictSize = readUnsigned(metadata, 1, offsetSize);
  if (id >= dictSize) throw malformed();
  const offsets = 1 + offsetSize;
  const strings = offsets + (dictSize + 1) * offsetSize;
  const start = readUnsigned(metadata, offsets + id * offsetSize, offsetSize);
  const end = readUnsigned(metadata, offsets + (id + 1) * offsetSize, offsetSize);
  return DECODER.decode(metadata.subarray(strings + start, strings + end));
}

/**
 * The value starting at `pos` of `v.value`, one level deep: objects and arrays give the
 * positions of their members, to decode with another call. Objects list their keys in the
 * stored order, which Spark's builder keeps sorted.
 */
export function readVariant(v: VariantValue, pos = 0): VariantNode {
  const b = v.value;
  if (pos >= b.length) throw malformed();
  const header = b[pos]!;
  const basic = header & 3;
  const info = header >> 2;
  switch (basic) {
    case BasicType.ShortString:
      if (pos + 1 + info > b.length) throw malformed();
      return { kind: "string", value: DECODER.decode(b.subarray(pos + 1, pos + 1 + info)) };
    case BasicType.Object: {
      const offsetSize = (info & 3) + 1;
      const idSize = ((info >> 2) & 3) + 1;
      const sizeBytes = (info >> 4) & 1 ? 4 : 1;
      const n = readUnsigned(b, pos + 1, sizeBytes);
      const idStart = pos + 1 + sizeBytes;
      const offStart = idStart + n * idSize;
      const dataStart = offStart + (n + 1) * offsetSize;
      const keys: string[] = [];
      const values: number[] = [];
      for (let i = 0; i < n; i++) {
        keys.push(metadataKey(v.metadata, readUnsigned(b, idStart + i * idSize, idSize)));
        values.push(dataStart + readUnsigned(b, offStart + i * offsetSize, offsetSize));
      }
      return { kind: "object", keys, values };
    }
    case BasicType.Array: {
      const offsetSize = (info & 3) + 1;
      const sizeBytes = (info >> 2) & 1 ? 4 : 1;
      const n = readUnsigned(b, pos + 1, sizeBytes);
      const offStart = pos + 1 + sizeBytes;
      const dataStart = offStart + (n + 1) * offsetSize;
      const values: number[] = [];
      for (let i = 0; i < n; i++) values.push(dataStart + readUnsigned(b, offStart + i * offsetSize, offsetSize));
      return { kind: "array", values };
    }
    default:
      return readPrimitive(b, pos, info);
  }
}

function readPrimitive(b: Uint8Array, pos: number, id: number): VariantNode {
  const at = pos + 1;
  const view = (n: number): DataView => {
    if (at + n > b.length) throw malformed();
    return new DataView(b.buffer, b.byteOffset + at, n);
  };
  switch (id) {
    case PrimitiveId.Null:
      return { kind: "null" };
    case PrimitiveId.True:
      return { kind: "boolean", value: true };
    case PrimitiveId.False:
      return { kind: "boolean", value: false };
    case PrimitiveId.Int8:
      return { kind: "long", value: readSigned(b, at, 1), bytes: 1 };
    case PrimitiveId.Int16:
      return { kind: "long", value: readSigned(b, at, 2), bytes: 2 };
    case PrimitiveId.Int32:
      return { kind: "long", value: readSigned(b, at, 4), bytes: 4 };
    case PrimitiveId.Int64:
      return { kind: "long", value: readSigned(b, at, 8), bytes: 8 };
    case PrimitiveId.Double:
      return { kind: "double", value: view(8).getFloat64(0, true) };
    case PrimitiveId.Float:
      return { kind: "float", value: view(4).getFloat32(0, true) };
    case PrimitiveId.Decimal4:
      return decimalNode(readSigned(b, at + 1, 4), readUnsigned(b, at, 1), 4);
    case PrimitiveId.Decimal8:
      return decimalNode(readSigned(b, at + 1, 8), readUnsigned(b, at, 1), 8);
    case PrimitiveId.Decimal16:
      return decimalNode(readSigned(b, at + 1, 16), readUnsigned(b, at, 1), 16);
    case PrimitiveId.Date:
      return { kind: "date", days: Number(readSigned(b, at, 4)) };
    case PrimitiveId.Timestamp:
      return { kind: "timestamp", micros: readSigned(b, at, 8) };
    case PrimitiveId.TimestampNtz:
      return { kind: "timestamp_ntz", micros: readSigned(b, at, 8) };
    case PrimitiveId.Binary:
    case PrimitiveId.String: {
      const len = readUnsigned(b, at, 4);
      if (at + 4 + len > b.length) throw malformed();
      const bytes = b.subarray(at + 4, at + 4 + len);
      return id === PrimitiveId.String ? { kind: "string", value: DECODER.decode(bytes) } : { kind: "binary", value: bytes.slice() };
    }
    case PrimitiveId.Uuid:
      if (at + 16 > b.length) throw malformed();
      return { kind: "uuid", value: b.slice(at, at + 16) };
    default:
      throw new SparkException("SparkRuntimeException", "UNKNOWN_PRIMITIVE_TYPE_IN_VARIANT", { id: String(id) });
  }
}

/**
 * A decimal as Spark's Variant.getDecimal reads it: trailing zeros stripped (`2.50` is 2.5,
 * `1.0` is 1), never below scale 0 (Spark's Decimal takes no negative scales).
 */
function decimalNode(unscaled: bigint, scale: number, bytes: 4 | 8 | 16): VariantNode {
  let u = unscaled;
  let s = scale;
  while (s > 0 && u % 10n === 0n) {
    u /= 10n;
    s--;
  }
  return { kind: "decimal", unscaled: u, scale: s, bytes };
}

/** The variant at `pos` of `v` as a value of its own (the same metadata, the bytes of that part). */
export function variantAt(v: VariantValue, pos: number): VariantValue {
  if (pos === 0) return v;
  return { value: v.value.subarray(pos, pos + variantSize(v.value, pos)), metadata: v.metadata };
}

/** The number of bytes the value at `pos` takes. */
export function variantSize(b: Uint8Array, pos: number): number {
  const header = b[pos]!;
  const basic = header & 3;
  const info = header >> 2;
  switch (basic) {
    case BasicType.ShortString:
      return 1 + info;
    case BasicType.Object: {
      const offsetSize = (info & 3) + 1;
      const idSize = ((info >> 2) & 3) + 1;
      const sizeBytes = (info >> 4) & 1 ? 4 : 1;
      const n = readUnsigned(b, pos + 1, sizeBytes);
      const offStart = pos + 1 + sizeBytes + n * idSize;
      return offStart - pos + (n + 1) * offsetSize + readUnsigned(b, offStart + n * offsetSize, offsetSize);
    }
    case BasicType.Array: {
      const offsetSize = (info & 3) + 1;
      const sizeBytes = (info >> 2) & 1 ? 4 : 1;
      const n = readUnsigned(b, pos + 1, sizeBytes);
      const offStart = pos + 1 + sizeBytes;
      return offStart - pos + (n + 1) * offsetSize + readUnsigned(b, offStart + n * offsetSize, offsetSize);
    }
    default:
      switch (info) {
        case PrimitiveId.Null:
        case PrimitiveId.True:
        case PrimitiveId.False:
          return 1;
        case PrimitiveId.Int8:
          return 2;
        case PrimitiveId.Int16:
          return 3;
        case PrimitiveId.Int32:
        case PrimitiveId.Date:
        case PrimitiveId.Float:
          return 5;
        case PrimitiveId.Int64:
        case PrimitiveId.Double:
        case PrimitiveId.Timestamp:
        case PrimitiveId.TimestampNtz:
          return 9;
        case PrimitiveId.Decimal4:
          return 6;
        case PrimitiveId.Decimal8:
          return 10;
        case PrimitiveId.Decimal16:
          return 18;
        case PrimitiveId.Binary:
        case PrimitiveId.String:
          return 5 + readUnsigned(b, pos + 1, 4);
        case PrimitiveId.Uuid:
          return 17;
        default:
          throw malformed();
      }
  }
}
