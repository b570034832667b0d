import { createReadStream, createWriteStream } from "node:fs";
import type { Readable, Writable } from "node:stream";
import zlib from "node:zlib";
import { IllegalArgumentException } from "../errors/spark-exception.js";

/**
 * A compression codec, chosen on read by a file's extension (as Hadoop's
 * CompressionCodecFactory does) and on write by the `compression` option.
 */
export interface Codec {
  /** Spark's short name (`compression` option value). */
  readonly name: string;
  /** The file name ending Hadoop gives it. */
  readonly extension: string;
  decompress(): zlib.Gunzip | zlib.Inflate;
  compress(): zlib.Gzip | zlib.Deflate;
}

const CODECS: readonly Codec[] = [
  { name: "gzip", extension: ".gz", decompress: () => zlib.createGunzip(), compress: () => zlib.createGzip() },
  { name: "deflate", extension: ".deflate", decompress: () => zlib.createInflate(), compress: () => zlib.createDeflate() },
];

/** Names the `compression` / `codec` option accepts that mean "no codec". */
const NONE = new Set(["none", "uncompressed"]);

/** The codec a file's name says it is compressed with (undefined: plain). */
export function codecOfPath(path: string): Codec | undefined {
  const lower = path.toLowerCase();
  return CODECS.find((c) => lower.endsWith(c.extension));
}

/**
 * The codec a writer's `compression` option names (undefined: none). Unknown names fail as
 * Spark's CompressionCodecs.getCodecClassName does.
 */
export function codecByName(name: string | undefined): Codec | undefined {
  if (name === undefined) return undefined;
  const n = name.trim().toLowerCase();
  if (NONE.has(n)) return undefined;
  const c = CODECS.find((x) => x.name === n);
  if (c === undefined) {
    throw new IllegalArgumentException(`Codec [${name}] is not available. Known codecs are ${["bzip2", "deflate", "uncompressed", "lz4", "gzip", "snappy", "none"].join(", ")}.`);
  }
  return c;
}

/** A file's bytes as a stream, decompressed when its extension names a codec. */
export function openDecompressed(path: string, highWaterMark: number): Readable {
  const raw = createReadStream(path, { highWaterMark });
  const codec = codecOfPath(path);
  if (codec === undefined) return raw;
  const d = codec.decompress();
  raw.on("error", (e) => d.destroy(e));
  return raw.pipe(d);
}

/** A new file's byte sink, compressing with `codec` when given. `done` resolves once the file is on disk. */
export function openCompressed(path: string, codec: Codec | undefined): { readonly sink: Writable; readonly file: Writable; readonly done: Promise<void> } {
  const file = createWriteStream(path, { flags: "wx" });
  const done = new Promise<void>((resolve, reject) => {
    file.on("close", () => resolve());
    file.on("error", reject);
  });
  if (codec === undefined) return { sink: file, file, done };
  const c = codec.compress();
  c.on("error", (e) => file.destroy(e));
  c.pipe(file);
  return { sink: c, file, done };
}
