import { Transform, type TransformCallback } from "node:stream";

/**
 * Decodes one raw compressed chunk of a Hadoop block stream: `maxOut` is what is left of the
 * block's uncompressed length, which the chunk's output never exceeds.
 */
export type ChunkDecoder = (chunk: Uint8Array, maxOut: number) => Uint8Array;

/**
 * Hadoop's BlockDecompressorStream (the framing of `.snappy` and `.lz4` files that Spark's
 * text, CSV and JSON writers produce through SnappyCodec / Lz4Codec): blocks of a 4-byte
 * big-endian uncompressed length followed by chunks of a 4-byte big-endian compressed length
 * and the raw compressed bytes, until the block's length is reached. A stream that ends
 * inside a block is an error (a truncated file), not a short read.
 */
export class HadoopBlockDecompress extends Transform {
  private pending: Uint8Array = new Uint8Array(0);
  /** Uncompressed bytes still expected from the current block (0: a block header is next). */
  private blockLeft = 0;

  constructor(
    private readonly decode: ChunkDecoder,
    private readonly codecName: string,
  ) {
    super();
  }

  override _transform(piece: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.pending = this.pending.length === 0 ? piece : concat(this.pending, piece);
      this.drain();
      done();
    } catch (e) {
      done(e instanceof Error ? e : new Error(String(e)));
    }
  }

  override _flush(done: TransformCallback): void {
    if (this.pending.length !== 0 || this.blockLeft !== 0) {
      done(new Error(`${this.codecName} stream ends inside a block (truncated file)`));
      return;
    }
    done();
  }

  private drain(): void {
    let at = 0;
    const buf = this.pending;
    for (;;) {
      if (this.blockLeft === 0) {
        if (buf.length - at < 4) break;
        this.blockLeft = readU32(buf, at);
        at += 4;
        continue;
      }
      if (buf.length - at < 4) break;
      const len = readU32(buf, at);
      if (buf.length - at - 4 < len) break;
      const out = this.decode(buf.subarray(at + 4, at + 4 + len), this.blockLeft);
      if (out.length === 0 || out.length > this.blockLeft) throw new Error(`${this.codecName} block chunk decodes to ${out.length} bytes, ${this.blockLeft} expected at most`);
      at += 4 + len;
      this.blockLeft -= out.length;
      this.push(out);
    }
    this.pending = at === buf.length ? new Uint8Array(0) : buf.slice(at);
  }
}

function readU32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Hadoop's BlockCompressorStream framing: each `write` of up to `blockSize` bytes becomes one block of one chunk. */
export class HadoopBlockCompress extends Transform {
  private buffered: Uint8Array[] = [];
  private size = 0;

  constructor(
    private readonly compressChunk: (raw: Uint8Array) => Uint8Array,
    private readonly blockSize: number,
  ) {
    super();
  }

  override _transform(piece: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.buffered.push(piece);
      this.size += piece.length;
      while (this.size >= this.blockSize) this.emit1(this.blockSize);
      done();
    } catch (e) {
      done(e instanceof Error ? e : new Error(String(e)));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (this.size > 0) this.emit1(this.size);
      done();
    } catch (e) {
      done(e instanceof Error ? e : new Error(String(e)));
    }
  }

  /** Compresses the first `n` buffered bytes as one block. */
  private emit1(n: number): void {
    const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    const raw = all.subarray(0, n);
    const rest = all.subarray(n);
    this.buffered = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
    const c = this.compressChunk(raw);
    const head = Buffer.alloc(8);
    head.writeUInt32BE(raw.length, 0);
    head.writeUInt32BE(c.length, 4);
    this.push(head);
    this.push(c);
  }
}
