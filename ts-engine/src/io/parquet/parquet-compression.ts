import { brotliCompressSync, gzipSync } from "node:zlib";
import { lz4CompressChunk } from "../codecs/raw-chunks.js";
import type { CompressionCodec } from "hyparquet";
import { compress as zstdCompress, init as zstdInit } from "@bokuweb/zstd-wasm";
import { IllegalArgumentException } from "../../errors/spark-exception.js";

/** A page compressor for the writer. */
export type Compressor = (input: Uint8Array) => Uint8Array;

/** The codecs the writer offers: Spark's short name → Parquet codec and file name infix. */
const CODECS: Readonly<Record<string, { readonly codec: CompressionCodec; readonly extension: string } | undefined>> = {
  none: { codec: "UNCOMPRESSED", extension: "" },
  uncompressed: { codec: "UNCOMPRESSED", extension: "" },
  snappy: { codec: "SNAPPY", extension: ".snappy" },
  gzip: { codec: "GZIP", extension: ".gz" },
  zstd: { codec: "ZSTD", extension: ".zstd" },
  // parquet-mr's CompressionCodecName extensions, as Spark names the files
  brotli: { codec: "BROTLI", extension: ".br" },
  lz4: { codec: "LZ4", extension: ".lz4hadoop" },
  lz4_raw: { codec: "LZ4_RAW", extension: ".lz4raw" },
};

/** Spark's list in its error for an unknown codec (ParquetOptions.shortParquetCompressionCodecNames). */
const SPARK_CODEC_NAMES = ["brotli", "uncompressed", "lz4", "lz4_raw", "gzip", "lzo", "snappy", "none", "zstd"];

/**
 * The writer's codec for a Spark codec name (the `compression` option, else
 * `parquet.compression`, else spark.sql.parquet.compression.codec): snappy, gzip, zstd, brotli,
 * lz4 (Hadoop's framing, parquet's deprecated LZ4), lz4_raw, none. lzo is a Spark name no
 * compressor here writes: a clear error.
 */
export function writeCodec(name: string): { readonly codec: CompressionCodec; readonly extension: string } {
  const key = name.trim().toLowerCase();
  const c = CODECS[key];
  if (c !== undefined) return c;
  if (SPARK_CODEC_NAMES.includes(key)) {
    throw new IllegalArgumentException(`Codec [${key}] is not available for writing Parquet in tspark. Available codecs are uncompressed, none, snappy, gzip, zstd, brotli, lz4, lz4_raw.`);
  }
  throw new IllegalArgumentException(`Codec [${key}] is not available. Available codecs are ${SPARK_CODEC_NAMES.join(", ")}.`);
}

/** Hadoop's Lz4Codec block size: a page is cut into blocks of at most this many bytes. */
const HADOOP_LZ4_BLOCK = 256 * 1024;

/**
 * A page in Hadoop's Lz4Codec framing (parquet's LZ4 codec as parquet-mr writes it): per block
 * of at most 256 KB, its length and its compressed length (big-endian uint32), then the raw
 * LZ4 block. pyarrow and DuckDB read it as parquet-mr's LZ4.
 */
function lz4Hadoop(input: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let off = 0; off < input.length || (off === 0 && parts.length === 0); off += HADOOP_LZ4_BLOCK) {
    const raw = input.subarray(off, Math.min(input.length, off + HADOOP_LZ4_BLOCK));
    const block = lz4CompressChunk(raw);
    const head = new Uint8Array(8);
    const dv = new DataView(head.buffer);
    dv.setUint32(0, raw.length);
    dv.setUint32(4, block.length);
    parts.push(head, block);
    total += 8 + block.length;
    if (input.length === 0) break;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

let zstdReady: Promise<void> | null = null;

/** The compressors the writer needs for `codec` (snappy is built into hyparquet-writer; zstd loads its wasm once per thread). */
export async function compressorsFor(codec: CompressionCodec): Promise<Partial<Record<CompressionCodec, Compressor>>> {
  if (codec === "GZIP") return { GZIP: (b) => new Uint8Array(gzipSync(b)) };
  if (codec === "BROTLI") return { BROTLI: (b) => new Uint8Array(brotliCompressSync(b)) };
  if (codec === "LZ4_RAW") return { LZ4_RAW: lz4CompressChunk };
  if (codec === "LZ4") return { LZ4: lz4Hadoop };
  if (codec === "ZSTD") {
    zstdReady ??= zstdInit();
    await zstdReady;
    return { ZSTD: (b) => zstdCompress(b, 3) };
  }
  return {};
}
