/// <reference path="./untyped-codecs.d.ts" />
import { decompressSnappy } from "hyparquet-compressors";
import { snappyCompress } from "hyparquet-writer/src/snappy.js";
import { compressBlock, compressBound, decompressBlock } from "lz4js";

/** lz4js's hash table size (its hashSize, 1 << 16 slots); a fresh zeroed table per block. */
const LZ4_HASH_SLOTS = 1 << 16;

/** The uncompressed length a raw snappy chunk starts with (a little-endian base-128 varint). */
function snappyLength(chunk: Uint8Array): number {
  let v = 0;
  let shift = 0;
  for (let i = 0; i < 5 && i < chunk.length; i++) {
    const b = chunk[i]!;
    v += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return v;
    shift += 7;
  }
  throw new Error("snappy chunk with a malformed length");
}

/** One raw snappy chunk of a Hadoop SnappyCodec block (hyparquet-compressors' wasm decoder). */
export function snappyDecodeChunk(chunk: Uint8Array, maxOut: number): Uint8Array {
  const n = snappyLength(chunk);
  if (n > maxOut) throw new Error(`snappy chunk of ${n} bytes exceeds its block (${maxOut} left)`);
  return decompressSnappy(chunk, n);
}

/** One raw snappy chunk for a Hadoop SnappyCodec block. */
export function snappyCompressChunk(raw: Uint8Array): Uint8Array {
  return snappyCompress(raw);
}

/** One raw LZ4 block of a Hadoop Lz4Codec block: decoded into at most `maxOut` bytes (lz4js). */
export function lz4DecodeChunk(chunk: Uint8Array, maxOut: number): Uint8Array {
  const out = new Uint8Array(maxOut);
  const end = decompressBlock(chunk, out, 0, chunk.length, 0);
  return out.subarray(0, end);
}

/** One raw LZ4 block for a Hadoop Lz4Codec block. */
export function lz4CompressChunk(raw: Uint8Array): Uint8Array {
  const out = new Uint8Array(compressBound(raw.length));
  const n = compressBlock(raw, out, 0, raw.length, new Uint32Array(LZ4_HASH_SLOTS));
  return n > 0 ? out.subarray(0, n) : lz4Literals(raw);
}

/**
 * A block of literals only (LZ4's encoding of input without any match): lz4js returns 0 for
 * such input rather than a block, and a Hadoop stream needs one.
 */
function lz4Literals(raw: Uint8Array): Uint8Array {
  const n = raw.length;
  const extra = n >= 15 ? Math.floor((n - 15) / 255) + 1 : 0;
  const out = new Uint8Array(1 + extra + n);
  out[0] = Math.min(n, 15) << 4;
  let o = 1;
  if (n >= 15) {
    let left = n - 15;
    while (left >= 255) {
      out[o++] = 255;
      left -= 255;
    }
    out[o++] = left;
  }
  out.set(raw, o);
  return out.subarray(0, o + n);
}
