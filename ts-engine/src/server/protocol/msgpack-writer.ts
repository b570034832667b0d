/**
 * A msgpack writer whose bytes match Python's `msgpack.packb(obj, use_bin_type=True)`:
 * the smallest int form (uint family for non-negative, int family for negative), float64
 * for every float, str8/16/32 for text, bin8/16/32 for bytes. msgpackr is not used for
 * encoding because it writes integers past 2^32 as float64 and integral doubles as ints,
 * which would turn a LongType 5000000000 into a Python float and a DoubleType 1.0 into 1.
 * Type-directed writers (`double`, `int`) let result batches say which one they mean.
 */
export class MsgpackWriter {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;
  private static readonly encoder = new TextEncoder();

  constructor(initialSize = 1024) {
    this.buf = new Uint8Array(initialSize);
    this.view = new DataView(this.buf.buffer);
  }

  /** Bytes written so far (a copy-free view). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  /** Number of bytes written so far. */
  get length(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  private byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  nil(): void {
    this.byte(0xc0);
  }

  bool(v: boolean): void {
    this.byte(v ? 0xc3 : 0xc2);
  }

  /** Always float64, as Python encodes a `float`. */
  double(v: number): void {
    this.ensure(9);
    this.buf[this.pos++] = 0xcb;
    this.view.setFloat64(this.pos, v);
    this.pos += 8;
  }

  /** An integer (Number must be a safe integer; BigInt must fit int64/uint64). */
  int(v: number | bigint): void {
    if (typeof v === "bigint") {
      if (v >= -0x80000000n && v <= 0xffffffffn) return this.int(Number(v));
      this.ensure(9);
      if (v >= 0n) {
        this.buf[this.pos++] = 0xcf;
        this.view.setBigUint64(this.pos, v);
      } else {
        this.buf[this.pos++] = 0xd3;
        this.view.setBigInt64(this.pos, v);
      }
      this.pos += 8;
      return;
    }
    if (v >= 0) {
      if (v < 0x80) return this.byte(v);
      this.ensure(9);
      if (v < 0x100) {
        this.buf[this.pos++] = 0xcc;
        this.buf[this.pos++] = v;
      } else if (v < 0x10000) {
        this.buf[this.pos++] = 0xcd;
        this.view.setUint16(this.pos, v);
        this.pos += 2;
      } else if (v < 0x100000000) {
        this.buf[this.pos++] = 0xce;
        this.view.setUint32(this.pos, v);
        this.pos += 4;
      } else {
        this.buf[this.pos++] = 0xcf;
        this.view.setBigUint64(this.pos, BigInt(v));
        this.pos += 8;
      }
      return;
    }
    if (v >= -32) return this.byte(0x100 + v);
    this.ensure(9);
    if (v >= -0x80) {
      this.buf[this.pos++] = 0xd0;
      this.view.setInt8(this.pos++, v);
    } else if (v >= -0x8000) {
      this.buf[this.pos++] = 0xd1;
      this.view.setInt16(this.pos, v);
      this.pos += 2;
    } else if (v >= -0x80000000) {
      this.buf[this.pos++] = 0xd2;
      this.view.setInt32(this.pos, v);
      this.pos += 4;
    } else {
      this.buf[this.pos++] = 0xd3;
      this.view.setBigInt64(this.pos, BigInt(v));
      this.pos += 8;
    }
  }

  str(s: string): void {
    // Worst case 3 bytes per UTF-16 unit; encodeInto writes in place.
    this.ensure(5 + s.length * 3);
    const headerAt = this.pos;
    const max = s.length * 3;
    const header = max < 32 ? 1 : max < 0x100 ? 2 : max < 0x10000 ? 3 : 5;
    const { written } = MsgpackWriter.encoder.encodeInto(s, this.buf.subarray(headerAt + header));
    const need = written < 32 ? 1 : written < 0x100 ? 2 : written < 0x10000 ? 3 : 5;
    if (need !== header) this.buf.copyWithin(headerAt + need, headerAt + header, headerAt + header + written);
    if (need === 1) this.buf[headerAt] = 0xa0 | written;
    else if (need === 2) {
      this.buf[headerAt] = 0xd9;
      this.buf[headerAt + 1] = written;
    } else if (need === 3) {
      this.buf[headerAt] = 0xda;
      this.view.setUint16(headerAt + 1, written);
    } else {
      this.buf[headerAt] = 0xdb;
      this.view.setUint32(headerAt + 1, written);
    }
    this.pos = headerAt + need + written;
  }

  /** A msgpack str from UTF-8 bytes already encoded (a string vector's own bytes: no re-encoding). */
  strUtf8(bytes: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.ensure(5 + n);
    if (n < 32) this.buf[this.pos++] = 0xa0 | n;
    else if (n < 0x100) {
      this.buf[this.pos++] = 0xd9;
      this.buf[this.pos++] = n;
    } else if (n < 0x10000) {
      this.buf[this.pos++] = 0xda;
      this.view.setUint16(this.pos, n);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xdb;
      this.view.setUint32(this.pos, n);
      this.pos += 4;
    }
    if (n < 16) for (let k = start; k < end; k++) this.buf[this.pos++] = bytes[k]!;
    else {
      this.buf.set(bytes.subarray(start, end), this.pos);
      this.pos += n;
    }
  }

  bin(b: Uint8Array): void {
    const n = b.length;
    this.ensure(5 + n);
    if (n < 0x100) {
      this.buf[this.pos++] = 0xc4;
      this.buf[this.pos++] = n;
    } else if (n < 0x10000) {
      this.buf[this.pos++] = 0xc5;
      this.view.setUint16(this.pos, n);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xc6;
      this.view.setUint32(this.pos, n);
      this.pos += 4;
    }
    this.buf.set(b, this.pos);
    this.pos += n;
  }

  arrayHeader(n: number): void {
    this.ensure(5);
    if (n < 16) this.buf[this.pos++] = 0x90 | n;
    else if (n < 0x10000) {
      this.buf[this.pos++] = 0xdc;
      this.view.setUint16(this.pos, n);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xdd;
      this.view.setUint32(this.pos, n);
      this.pos += 4;
    }
  }

  mapHeader(n: number): void {
    this.ensure(5);
    if (n < 16) this.buf[this.pos++] = 0x80 | n;
    else if (n < 0x10000) {
      this.buf[this.pos++] = 0xde;
      this.view.setUint16(this.pos, n);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xdf;
      this.view.setUint32(this.pos, n);
      this.pos += 4;
    }
  }

  /**
   * Any plain value: null/undefined → nil, integral Numbers → int (other Numbers → float64),
   * bigint → int, string, Uint8Array → bin, arrays, `WireFloat` → float64, objects → maps
   * (undefined-valued keys skipped, insertion order kept).
   */
  value(v: unknown): void {
    if (v === null || v === undefined) return this.nil();
    switch (typeof v) {
      case "boolean":
        return this.bool(v);
      case "number":
        return Number.isSafeInteger(v) && !Object.is(v, -0) ? this.int(v) : this.double(v);
      case "bigint":
        return this.int(v);
      case "string":
        return this.str(v);
      case "object":
        break;
      default:
        throw new TypeError(`cannot encode a ${typeof v} as msgpack`);
    }
    if (v instanceof WireFloat) return this.double(v.value);
    if (v instanceof Uint8Array) return this.bin(v);
    if (Array.isArray(v)) {
      this.arrayHeader(v.length);
      for (const x of v as readonly unknown[]) this.value(x);
      return;
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    this.mapHeader(entries.length);
    for (const [k, x] of entries) {
      this.str(k);
      this.value(x);
    }
  }
}

/** Marks a Number that must be written as float64 even when integral (a DoubleType 1.0). */
export class WireFloat {
  constructor(readonly value: number) {}
}

/** Encodes one message (a plain value tree) the way Python's msgpack would. */
export function encodeMsgpack(v: unknown): Uint8Array {
  const w = new MsgpackWriter();
  w.value(v);
  return w.bytes();
}
