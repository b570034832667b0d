import { BasicType, PrimitiveId, readVariant, variantSize as sizeAt, type VariantValue } from "../../columnar/variant.js";
import { SparkException } from "../../errors/spark-exception.js";
import type { JsonValue } from "./json-parser.js";

const ENCODER = new TextEncoder();
/** Spark's MAX_SHORT_STR_SIZE: strings up to 63 bytes are short strings (length in the header). */
const MAX_SHORT_STR = 63;
/** Spark's SIZE_LIMIT for a variant's value and metadata (16 MiB). */
const SIZE_LIMIT = 16 * 1024 * 1024;
const I8 = 0x7fn;
const I16 = 0x7fffn;
const I32 = 0x7fffffffn;

/** One field of an object being written: its key, dictionary id and the offset of its value. */
interface FieldEntry {
  readonly key: string;
  readonly id: number;
  readonly offset: number;
}

/** Bytes needed for an unsigned value up to `v` (Spark's getIntegerSize). */
function integerSize(v: number): 1 | 2 | 3 | 4 {
  if (v <= 0xff) return 1;
  if (v <= 0xffff) return 2;
  if (v <= 0xffffff) return 3;
  return 4;
}

/** Digits of a BigDecimal's unscaled value (its precision; 0 has precision 1). */
function precisionOf(unscaled: bigint): number {
  return (unscaled < 0n ? -unscaled : unscaled).toString().length;
}

/**
 * Writes variant values in Spark's binary encoding with the choices Spark's VariantBuilder
 * makes (smallest integer type, decimal4/8/16 by precision, short strings, object fields
 * sorted by key with the values left in write order, the smallest offset and id widths, keys
 * in the dictionary in first-use order), so the bytes equal Spark's and PySpark's VariantVal
 * shows the same value and metadata.
 */
export class VariantBuilder {
  private buf = new Uint8Array(64);
  private pos = 0;
  private readonly keys = new Map<string, number>();
  private readonly keyBytes: Uint8Array[] = [];

  constructor(private readonly allowDuplicateKeys = false) {}

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  private byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  private le(v: bigint | number, size: number): void {
    this.ensure(size);
    let x = BigInt.asUintN(size * 8, BigInt(v));
    for (let i = 0; i < size; i++) {
      this.buf[this.pos++] = Number(x & 0xffn);
      x >>= 8n;
    }
  }

  private primitive(id: number): void {
    this.byte((id << 2) | BasicType.Primitive);
  }

  /** The current write position (where the next value starts). */
  get position(): number {
    return this.pos;
  }

  /** The dictionary id of `key`, adding it on first use. */
  addKey(key: string): number {
    let id = this.keys.get(key);
    if (id === undefined) {
      id = this.keyBytes.length;
      this.keys.set(key, id);
      this.keyBytes.push(ENCODER.encode(key));
    }
    return id;
  }

  appendNull(): void {
    this.primitive(PrimitiveId.Null);
  }

  appendBoolean(b: boolean): void {
    this.primitive(b ? PrimitiveId.True : PrimitiveId.False);
  }

  /** A long in the smallest of int8/16/32/64 that holds it (Spark's appendLong). */
  appendLong(v: bigint | number): void {
    const x = BigInt(v);
    if (x >= -I8 - 1n && x <= I8) {
      this.primitive(PrimitiveId.Int8);
      this.le(x, 1);
    } else if (x >= -I16 - 1n && x <= I16) {
      this.primitive(PrimitiveId.Int16);
      this.le(x, 2);
    } else if (x >= -I32 - 1n && x <= I32) {
      this.primitive(PrimitiveId.Int32);
      this.le(x, 4);
    } else {
      this.primitive(PrimitiveId.Int64);
      this.le(x, 8);
    }
  }

  appendDouble(d: number): void {
    this.primitive(PrimitiveId.Double);
    this.ensure(8);
    new DataView(this.buf.buffer, this.pos, 8).setFloat64(0, d, true);
    this.pos += 8;
  }

  appendFloat(f: number): void {
    this.primitive(PrimitiveId.Float);
    this.ensure(4);
    new DataView(this.buf.buffer, this.pos, 4).setFloat32(0, f, true);
    this.pos += 4;
  }

  /** A decimal as decimal4/8/16 by its precision and scale (those of Java's BigDecimal). */
  appendDecimal(unscaled: bigint, scale: number): void {
    const p = precisionOf(unscaled);
    if (scale <= 9 && p <= 9) {
      this.primitive(PrimitiveId.Decimal4);
      this.byte(scale);
      this.le(unscaled, 4);
    } else if (scale <= 18 && p <= 18) {
      this.primitive(PrimitiveId.Decimal8);
      this.byte(scale);
      this.le(unscaled, 8);
    } else {
      this.primitive(PrimitiveId.Decimal16);
      this.byte(scale);
      this.le(unscaled, 16);
    }
  }

  appendDate(days: number): void {
    this.primitive(PrimitiveId.Date);
    this.le(days, 4);
  }

  appendTimestamp(micros: bigint | number, ntz: boolean): void {
    this.primitive(ntz ? PrimitiveId.TimestampNtz : PrimitiveId.Timestamp);
    this.le(micros, 8);
  }

  appendBinary(b: Uint8Array): void {
    this.primitive(PrimitiveId.Binary);
    this.le(b.length, 4);
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  appendString(s: string): void {
    const b = ENCODER.encode(s);
    if (b.length <= MAX_SHORT_STR) {
      this.byte((b.length << 2) | BasicType.ShortString);
    } else {
      this.primitive(PrimitiveId.String);
      this.le(b.length, 4);
    }
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Copies `len` raw bytes (a scalar of another variant, as Spark's shallowAppendVariant). */
  appendRaw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /**
   * Closes an object whose field values were written from `start`: sorts the fields by key
   * (Java's String order, which JS string comparison shares), rejects duplicates (or keeps the
   * last one when allowed), and shifts the values right to make room for the header.
   */
  finishObject(start: number, given: FieldEntry[]): void {
    let fields = [...given].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (this.allowDuplicateKeys) {
      // Spark keeps the last value of a duplicated key and compacts the data.
      const kept: FieldEntry[] = [];
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        if (i + 1 < fields.length && fields[i + 1]!.key === f.key) continue;
        kept.push(f);
      }
      if (kept.length !== fields.length) {
        const data = this.buf.slice(start, this.pos);
        this.pos = start;
        const compacted: FieldEntry[] = [];
        for (const f of [...kept].sort((a, b) => a.offset - b.offset)) {
          const end = sizeAt(data, f.offset);
          compacted.push({ key: f.key, id: f.id, offset: this.pos - start });
          this.appendRaw(data.subarray(f.offset, f.offset + end));
        }
        fields = compacted.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      }
    } else {
      for (let i = 1; i < fields.length; i++) {
        if (fields[i]!.key === fields[i - 1]!.key) {
          throw new SparkException("SparkRuntimeException", "VARIANT_DUPLICATE_KEY", { key: fields[i]!.key });
        }
      }
    }
    const n = fields.length;
    const maxId = fields.reduce((m, f) => Math.max(m, f.id), 0);
    const dataSize = this.pos - start;
    const large = n > 0xff;
    const sizeBytes = large ? 4 : 1;
    const idSize = integerSize(maxId);
    const offsetSize = integerSize(dataSize);
    const headerSize = 1 + sizeBytes + n * idSize + (n + 1) * offsetSize;
    this.shift(start, headerSize);
    let at = start;
    this.buf[at++] = ((large ? 1 : 0) << 6) | ((idSize - 1) << 4) | ((offsetSize - 1) << 2) | BasicType.Object;
    at = this.putLe(at, n, sizeBytes);
    for (const f of fields) at = this.putLe(at, f.id, idSize);
    for (const f of fields) at = this.putLe(at, f.offset, offsetSize);
    this.putLe(at, dataSize, offsetSize);
  }

  /** Closes an array whose elements were written from `start` at `offsets`. */
  finishArray(start: number, offsets: readonly number[]): void {
    const n = offsets.length;
    const dataSize = this.pos - start;
    const large = n > 0xff;
    const sizeBytes = large ? 4 : 1;
    const offsetSize = integerSize(dataSize);
    const headerSize = 1 + sizeBytes + (n + 1) * offsetSize;
    this.shift(start, headerSize);
    let at = start;
    this.buf[at++] = ((large ? 1 : 0) << 4) | ((offsetSize - 1) << 2) | BasicType.Array;
    at = this.putLe(at, n, sizeBytes);
    for (const o of offsets) at = this.putLe(at, o, offsetSize);
    this.putLe(at, dataSize, offsetSize);
  }

  private shift(start: number, by: number): void {
    this.ensure(by);
    this.buf.copyWithin(start + by, start, this.pos);
    this.pos += by;
  }

  private putLe(at: number, v: number, size: number): number {
    let x = v;
    for (let i = 0; i < size; i++) {
      this.buf[at + i] = x & 0xff;
      x = Math.floor(x / 256);
    }
    return at + size;
  }

  /** A field entry for a value about to be written at the current position of an object started at `start`. */
  field(key: string, start: number): FieldEntry {
    return { key, id: this.addKey(key), offset: this.pos - start };
  }

  /**
   * Appends another variant's value, rebuilding its objects against this builder's dictionary
   * (Spark's appendVariant): the result's metadata holds only the keys it uses.
   */
  appendVariant(v: VariantValue, at = 0): void {
    const node = readVariant(v, at);
    if (node.kind === "object") {
      const start = this.pos;
      const fields: FieldEntry[] = [];
      node.keys.forEach((k, i) => {
        fields.push(this.field(k, start));
        this.appendVariant(v, node.values[i]!);
      });
      this.finishObject(start, fields);
    } else if (node.kind === "array") {
      const start = this.pos;
      const offsets: number[] = [];
      for (const p of node.values) {
        offsets.push(this.pos - start);
        this.appendVariant(v, p);
      }
      this.finishArray(start, offsets);
    } else {
      this.appendRaw(v.value.subarray(at, at + sizeAt(v.value, at)));
    }
  }

  /** The built value with its metadata (Spark's VariantBuilder.result); VARIANT_SIZE_LIMIT past 16 MiB. */
  result(): VariantValue {
    const n = this.keyBytes.length;
    const stringSize = this.keyBytes.reduce((s, b) => s + b.length, 0);
    const maxSize = Math.max(stringSize, n);
    if (maxSize > SIZE_LIMIT || this.pos > SIZE_LIMIT) throw sizeLimit();
    const offsetSize = integerSize(maxSize);
    const stringStart = 1 + offsetSize + (n + 1) * offsetSize;
    const metadata = new Uint8Array(stringStart + stringSize);
    metadata[0] = 1 | ((offsetSize - 1) << 6);
    let at = 1;
    const put = (v: number): void => {
      let x = v;
      for (let i = 0; i < offsetSize; i++) {
        metadata[at++] = x & 0xff;
        x = Math.floor(x / 256);
      }
    };
    put(n);
    let off = 0;
    put(0);
    for (const b of this.keyBytes) {
      off += b.length;
      put(off);
    }
    let s = stringStart;
    for (const b of this.keyBytes) {
      metadata.set(b, s);
      s += b.length;
    }
    return { value: this.buf.slice(0, this.pos), metadata };
  }
}

function sizeLimit(): SparkException {
  return new SparkException("SparkRuntimeException", "VARIANT_SIZE_LIMIT", { sizeLimit: "16.0 MiB", functionName: "`parse_json`" });
}


/** A decimal number's text as a BigDecimal would hold it (unscaled digits and scale), or null for exponents. */
function decimalParts(text: string): { unscaled: bigint; scale: number } | null {
  if (!/^-?\d*\.?\d*$/.test(text)) return null;
  const neg = text.startsWith("-");
  const body = neg ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? "" : body.slice(dot + 1);
  const digits = (intPart + frac).replace(/^0+(?=\d)/, "");
  const u = BigInt(digits === "" ? "0" : digits);
  return { unscaled: neg ? -u : u, scale: frac.length };
}

/**
 * Writes a parsed JSON document as Spark's parse_json does: integers as the smallest integer
 * type (past a long: a decimal of up to 38 digits, else a double), numbers with a fraction and
 * no exponent as decimals of up to 38 digits and scale, all others as doubles.
 */
export function appendJson(b: VariantBuilder, j: JsonValue): void {
  switch (j.kind) {
    case "null":
      b.appendNull();
      return;
    case "bool":
      b.appendBoolean(j.value);
      return;
    case "str":
      b.appendString(j.value);
      return;
    case "num": {
      if (j.integral) {
        const x = BigInt(j.text);
        if (x >= -(2n ** 63n) && x < 2n ** 63n) {
          b.appendLong(x);
          return;
        }
      }
      const d = decimalParts(j.text);
      if (d !== null && d.scale <= 38 && precisionOf(d.unscaled) <= 38) {
        b.appendDecimal(d.unscaled, d.scale);
        return;
      }
      b.appendDouble(Number(j.text));
      return;
    }
    case "arr": {
      const start = b.position;
      const offsets: number[] = [];
      for (const item of j.items) {
        offsets.push(b.position - start);
        appendJson(b, item);
      }
      b.finishArray(start, offsets);
      return;
    }
    case "obj": {
      const start = b.position;
      const fields: FieldEntry[] = [];
      for (const [k, v] of j.entries) {
        fields.push(b.field(k, start));
        appendJson(b, v);
      }
      b.finishObject(start, fields);
      return;
    }
  }
}
