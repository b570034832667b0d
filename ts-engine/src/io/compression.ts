import { createReadStream, createWriteStream } from "node:fs";
import type { Readable, Transform, Writable } from "node:stream";
import zlib from "node:zlib";
import { IllegalArgumentException } from "../errors/spark-exception.js";
import { bzip2Compress } from "./codecs/bzip2-compress.js";
import { bzip2Decompress } from "./codecs/bzip2-stream.js";
import { HadoopBlockCompress, HadoopBlockDecompress } from "./codecs/hadoop-block-stream.js";
import { lz4CompressChunk, lz4DecodeChunk, snappyCompressChunk, snappyDecodeChunk } from "./codecs/raw-chunks.js";
import { ZstdCompress, ZstdDecompress } from "./codecs/zstd-stream.js";
import type { SourceOptions } from "./source-options.js";

/**
 * A compression codec, chosen on read by a file's extension (as Hadoop's
 * CompressionCodecFactory does) and on write by the `compression` option.
 */
export interface Codec {
  /** Spark's short name (`compression` option value). */
  readonly name: string;
  /** The file name ending Hadoop gives it. */
  readonly extension: string;
  /**
   * Whether a reader may start inside a file at a byte offset (Hadoop's
   * SplittableCompressionCodec): only bzip2 is, and tspark reads bzip2 files whole (see
   * `isSplittableCodec`), so this records Spark's rule rather than steering the reader.
   */
  readonly splittableInSpark: boolean;
  decompress(): Transform;
  /** A compressing stream, absent for codecs tspark reads but cannot write. */
  readonly compress?: () => Transform;
}

/** Hadoop's default buffer for its block codecs (io.compression.codec.snappy/lz4.buffersize): one block per 256 KB. */
const HADOOP_BLOCK = 256 * 1024;

const CODECS: readonly Codec[] = [
  { name: "gzip", extension: ".gz", splittableInSpark: false, decompress: () => zlib.createGunzip(), compress: () => zlib.createGzip() },
  { name: "deflate", extension: ".deflate", splittableInSpark: false, decompress: () => zlib.createInflate(), compress: () => zlib.createDeflate() },
  { name: "bzip2", extension: ".bz2", splittableInSpark: true, decompress: () => bzip2Decompress(), compress: () => bzip2Compress() },
  { name: "zstd", extension: ".zst", splittableInSpark: false, decompress: () => new ZstdDecompress(), compress: () => new ZstdCompress() },
  {
    name: "snappy",
    extension: ".snappy",
    splittableInSpark: false,
    decompress: () => new HadoopBlockDecompress(snappyDecodeChunk, "snappy"),
    compress: () => new HadoopBlockCompress(snappyCompressChunk, HADOOP_BLOCK),
  },
  {
    name: "lz4",
    extension: ".lz4",
    splittableInSpark: false,
    decompress: () => new HadoopBlockDecompress(lz4DecodeChunk, "lz4"),
    compress: () => new HadoopBlockCompress(lz4CompressChunk, HADOOP_BLOCK),
  },
];

/** Names the `compression` / `codec` option accepts that mean "no codec". */
const NONE = new Set(["none", "uncompressed"]);

/** The codec a file's name says it is compressed with (undefined: plain). */
export function codecOfPath(path: string): Codec | undefined {
  const lower = path.toLowerCase();
  return CODECS.find((c) => lower.endsWith(c.extension));
}

/**
 * Whether a file may be cut into byte-range splits: only when it is not compressed. Spark
 * also splits bzip2 files (BZip2Codec is a SplittableCompressionCodec, its blocks found by
 * their 48-bit magic at any bit offset); tspark reads them whole in one task, so the rows are
 * the same and only the partitioning differs.
 */
export function isSplittableCodec(path: string): boolean {
  return codecOfPath(path) === undefined;
}

/**
 * The codec a writer's `compression` option names (undefined: none). Unknown names fail as
 * Spark's CompressionCodecs.getCodecClassName does; a codec tspark reads but cannot write
 * (none today) fails naming the ones it can.
 */
export function codecByName(name: string | undefined): Codec | undefined {
  if (name === undefined) return undefined;
  const n = name.trim().toLowerCase();
  if (NONE.has(n)) return undefined;
  const c = CODECS.find((x) => x.name === n);
  if (c === undefined) {
    throw new IllegalArgumentException(`Codec [${name}] is not available. Known codecs are ${["bzip2", "deflate", "uncompressed", "lz4", "gzip", "snappy", "none"].join(", ")}.`);
  }
  if (c.compress === undefined) {
    const can = CODECS.filter((x) => x.compress !== undefined).map((x) => x.name);
    throw new IllegalArgumentException(`Codec [${name}] can be read but not written by tspark. Writable codecs are ${[...can, "none"].join(", ")}.`);
  }
  return c;
}

/**
 * An output file's name ending: `base` (".csv") and the extension of the codec the
 * `compression` option (or its alias `codec`) names, as the text formats' writers name files.
 */
export function compressedExtension(base: string, options: SourceOptions): string {
  return `${base}${codecByName(options.get("compression") ?? options.get("codec"))?.extension ?? ""}`;
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
  if (codec?.compress === undefined) return { sink: file, file, done };
  const c = codec.compress();
  c.on("error", (e) => file.destroy(e));
  c.pipe(file);
  return { sink: c, file, done };
}
