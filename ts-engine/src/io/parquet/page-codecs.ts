import { gunzipSync } from "node:zlib";
import type { CompressionCodec } from "hyparquet";
import { compressors as libraryCompressors } from "hyparquet-compressors";

/** A page decompressor: compressed bytes and the uncompressed size from the page header. */
export type Decompressor = (input: Uint8Array, outputLength: number) => Uint8Array;

/**
 * The decompressors of Parquet's codecs: hyparquet-compressors (snappy in wasm, zstd, brotli,
 * lz4 in JS), with gzip on Node's native zlib, which is several times faster than a JS inflate.
 */
export const DECOMPRESSORS: Readonly<Partial<Record<CompressionCodec, Decompressor>>> = {
  ...libraryCompressors,
  GZIP: (input) => {
    const out = gunzipSync(input);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
};

/** `bytes` decompressed with `codec`; an Error naming the codec when it is not supported. */
export function decompress(bytes: Uint8Array, outputLength: number, codec: CompressionCodec): Uint8Array {
  if (codec === "UNCOMPRESSED") return bytes;
  const f = DECOMPRESSORS[codec];
  if (f === undefined) throw new Error(`unsupported compression codec ${codec}`);
  const out = f(bytes, outputLength);
  if (out.length !== outputLength) throw new Error(`${codec} page decompressed to ${out.length} bytes, the header says ${outputLength}`);
  return out;
}
