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
  const out = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
      inner.write(chunk);
      done();
    },
    flush(done: TransformCallback): void {
      inner.once("end", () => done());
      inner.end();
    },
  });
  inner.on("data", (d: Buffer) => out.push(d));
  inner.on("error", (e: Error) => out.destroy(e));
  return out;
}
