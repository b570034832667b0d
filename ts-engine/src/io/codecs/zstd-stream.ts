import { Transform, type TransformCallback } from "node:stream";
import { compress as zstdCompress, init as zstdInit } from "@bokuweb/zstd-wasm";
import { Decompress } from "fzstd";

/**
 * A Zstandard stream decoder (`.zst` files, Hadoop's ZStandardCodec, which writes standard
 * zstd frames) over fzstd's streaming decompressor: memory stays bounded by its window, not
 * the file. Concatenated frames are read one after another.
 */
export class ZstdDecompress extends Transform {
  private readonly z: Decompress;

  constructor() {
    super();
    this.z = new Decompress((data) => {
      if (data.length > 0) this.push(data);
    });
  }

  override _transform(piece: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.z.push(piece);
      done();
    } catch (e) {
      done(e instanceof Error ? e : new Error(String(e)));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.z.push(new Uint8Array(0), true);
      done();
    } catch (e) {
      done(e instanceof Error ? e : new Error(String(e)));
    }
  }
}

let zstdReady: Promise<void> | null = null;

/** Bytes compressed as one zstd frame: frames are concatenated, which every zstd reader reads as one stream. */
const FRAME_BYTES = 4 << 20;

/**
 * A Zstandard stream encoder (the `zstd` text/CSV/JSON codec): input cut into frames of
 * 4 MB, each compressed at level 3 (zstd's default) by @bokuweb/zstd-wasm, whose wasm loads
 * once per thread on first use.
 */
export class ZstdCompress extends Transform {
  private buffered: Buffer[] = [];
  private size = 0;

  override _transform(piece: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.buffered.push(piece);
    this.size += piece.length;
    if (this.size < FRAME_BYTES) {
      done();
      return;
    }
    this.frame().then(() => done(), (e: unknown) => done(e instanceof Error ? e : new Error(String(e))));
  }

  override _flush(done: TransformCallback): void {
    if (this.size === 0) {
      done();
      return;
    }
    this.frame().then(() => done(), (e: unknown) => done(e instanceof Error ? e : new Error(String(e))));
  }

  private async frame(): Promise<void> {
    zstdReady ??= zstdInit();
    await zstdReady;
    const raw = Buffer.concat(this.buffered);
    this.buffered = [];
    this.size = 0;
    this.push(zstdCompress(raw, 3));
  }
}
