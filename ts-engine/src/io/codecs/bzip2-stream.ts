/// <reference path="./untyped-codecs.d.ts" />
import { Transform, type TransformCallback } from "node:stream";
import unbzip2 from "unbzip2-stream";

/**
 * A bzip2 stream decoder (`.bz2` files, Hadoop's BZip2Codec) over unbzip2-stream, which
 * decodes block by block (memory bounded by bzip2's 900 kB blocks) and reads concatenated
 * streams, as Hadoop's decoder does. unbzip2-stream is an old-style `through` stream (not
 * async-iterable), so it sits inside a real Transform.
 */
export function bzip2Decompress(): Transform {
  const inner = unbzip2();
  // bytes held until the first 10 show whether this is a bzip2 stream ("BZh" + level + a
  // block or end-of-stream magic), or everything when it is not
  let head: Buffer | null = Buffer.alloc(0);
  let bzip2 = true;
  const out = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
      if (head !== null) {
        head = Buffer.concat([head, chunk]);
        if (head.length < HEADER_BYTES && bzip2) return done();
        bzip2 &&= startsAsBzip2(head);
        if (!bzip2) return done();
        chunk = head;
        head = null;
      }
      inner.write(chunk);
      done();
    },
    flush(done: TransformCallback): void {
      if (head !== null && (!bzip2 || !startsAsBzip2(head))) {
        // Hadoop's decoder (BZip2Codec, read by block) looks for a block's 48-bit magic at any
        // bit offset and reads nothing when there is none; data with a block is not a stream tspark can decode
        if (hasBlockMagic(head)) done(new Error("not bzip2 data: a bzip2 block without a stream header before it"));
        else done();
        return;
      }
      if (head !== null) inner.write(head);
      inner.once("end", () => done());
      inner.end();
    },
  });
  inner.on("data", (d: Buffer) => out.push(d));
  inner.on("error", (e: Error) => out.destroy(e));
  return out;
}

/** "BZh", the block size digit, then a 48-bit magic. */
const HEADER_BYTES = 10;
const BLOCK_MAGIC = 0x314159265359;
const END_MAGIC = 0x177245385090;

/** Whether `b` opens a bzip2 stream: "BZh1".."BZh9", then a block or the end-of-stream magic (an empty stream). */
function startsAsBzip2(b: Buffer): boolean {
  if (b.length < HEADER_BYTES || b[0] !== 0x42 || b[1] !== 0x5a || b[2] !== 0x68 || b[3]! < 0x31 || b[3]! > 0x39) return false;
  const magic = b.readUIntBE(4, 6);
  return magic === BLOCK_MAGIC || magic === END_MAGIC;
}

/** Whether a block's 48-bit magic occurs in `b` at any bit offset (Hadoop's skipToNextMarker). */
function hasBlockMagic(b: Buffer): boolean {
  // a 48-bit window slid one bit at a time, kept exact in a double (below 2^53)
  let window = 0;
  const mask = 2 ** 48;
  for (let i = 0; i < b.length; i++) {
    for (let bit = 7; bit >= 0; bit--) {
      window = (window * 2 + ((b[i]! >> bit) & 1)) % mask;
      if (window === BLOCK_MAGIC && i * 8 + (7 - bit) >= 47) return true;
    }
  }
  return false;
}
