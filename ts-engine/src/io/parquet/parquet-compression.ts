import { gzipSync } from "node:zlib";
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
};

/** Spark's list in its error for an unknown codec (ParquetOptions.shortParquetCompressionCodecNames). */
const SPARK_CODEC_NAMES = ["brotli", "uncompressed", "lz4", "lz4_raw", "gzip", "lzo", "snappy", "none", "zstd"];

/**
 * The writer's codec for a Spark codec name (the `compression` option, else
 * `parquet.compression`, else spark.sql.parquet.compression.codec): snappy, gzip, zstd, none.
 * lz4, lz4_raw, brotli and lzo are Spark names no compressor here writes: a clear error.
 */
export function writeCodec(name: string): { readonly codec: CompressionCodec; readonly extension: string } {
  const key = name.trim().toLowerCase();
  const c = CODECS[key];
  if (c !== undefined) return c;
  if (SPARK_CODEC_NAMES.includes(key)) {
    throw new IllegalArgumentException(`Codec [${key}] is not available for writing Parquet in tspark. Available codecs are uncompressed, none, snappy, gzip, zstd.`);
  }
  throw new IllegalArgumentException(`Codec [${key}] is not available. Available codecs are ${SPARK_CODEC_NAMES.join(", ")}.`);
}

let zstdReady: Promise<void> | null = null;

/** The compressors the writer needs for `codec` (snappy is built into hyparquet-writer; zstd loads its wasm once per thread). */
export async function compressorsFor(codec: CompressionCodec): Promise<Partial<Record<CompressionCodec, Compressor>>> {
  if (codec === "GZIP") return { GZIP: (b) => new Uint8Array(gzipSync(b)) };
  if (codec === "ZSTD") {
    zstdReady ??= zstdInit();
    await zstdReady;
    return { ZSTD: (b) => zstdCompress(b, 3) };
  }
  return {};
}
