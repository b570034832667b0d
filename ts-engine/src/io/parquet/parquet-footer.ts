import { open, type FileHandle } from "node:fs/promises";
import { parquetMetadata, type FileMetaData, type ParquetParsers } from "hyparquet";
import { SparkException } from "../../errors/spark-exception.js";
import { qualified } from "../file-index.js";
import { decimalStatistics, type DecimalStatistics } from "./decimal-statistics.js";

/**
 * How statistics values come out of the footer: raw, so that row-group pruning compares
 * exact values (dates as day numbers, timestamps as microseconds, strings as their text).
 * hyparquet's defaults build Date objects and round nanoseconds.
 */
const RAW_PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (ms: bigint) => ms * 1000n,
  timestampFromMicroseconds: (us: bigint) => us,
  timestampFromNanoseconds: (ns: bigint) => ns / 1000n,
  dateFromDays: (d: number) => d,
};

const MAGIC = 0x31524150; // "PAR1" little-endian
const TAIL = 64 * 1024;

/** A parsed footer and the file it came from. */
export interface ParquetFooter {
  readonly path: string;
  readonly size: number;
  readonly metadata: FileMetaData;
  /** Exact statistics of the decimal columns (hyparquet's are doubles), when the file has any. */
  readonly decimalStats?: DecimalStatistics;
}

/** Footers of recently read files by path, invalidated by size and mtime (the engine is long-lived). */
const cache = new Map<string, { readonly size: number; readonly mtime: number; readonly footer: ParquetFooter }>();
const CACHE_ENTRIES = 256;

/** Spark's error for a file that is not Parquet or whose footer is corrupt, naming the file. */
export function footerError(path: string, cause: string): SparkException {
  const e = new SparkException("SparkException", "FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER", { path: qualified(path) });
  // The cause on a line of its own, as FileSourceScanExec adds it to FAILED_READ_FILE.NO_HINT.
  e.message = `${e.message}\n${cause}`;
  return e;
}

/**
 * The footer (FileMetaData) of the Parquet file at `path`: only the tail of the file is read.
 * A file too short, without the PAR1 magic or whose thrift does not parse raises
 * FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER naming the file, as Spark does.
 */
export async function readFooter(path: string): Promise<ParquetFooter> {
  const fh = await open(path, "r");
  try {
    const st = await fh.stat();
    const hit = cache.get(path);
    if (hit !== undefined && hit.size === st.size && hit.mtime === st.mtimeMs) return hit.footer;
    const footer = await parseFooter(fh, path, st.size);
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(path, { size: st.size, mtime: st.mtimeMs, footer });
    return footer;
  } finally {
    await fh.close();
  }
}

async function parseFooter(fh: FileHandle, path: string, size: number): Promise<ParquetFooter> {
  if (size < 12) throw footerError(path, `file of ${size} bytes is too short to be Parquet`);
  let tailLen = Math.min(size, TAIL);
  let tail = await readRange(fh, size - tailLen, tailLen);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  if (view.getUint32(tailLen - 4, true) !== MAGIC) throw footerError(path, "missing PAR1 magic at the end of the file");
  const metaLen = view.getUint32(tailLen - 8, true);
  if (metaLen + 12 > size) throw footerError(path, `footer length ${metaLen} exceeds the file size ${size}`);
  if (metaLen + 8 > tailLen) {
    tailLen = metaLen + 8;
    tail = await readRange(fh, size - tailLen, tailLen);
  }
  try {
    const metadata = parquetMetadata(tail, { parsers: RAW_PARSERS as ParquetParsers });
    if (!Array.isArray(metadata.schema) || metadata.schema.length === 0) throw new Error("footer has no schema");
    const decimalStats = decimalStatistics(tail.subarray(tailLen - 8 - metaLen, tailLen - 8), metadata);
    return decimalStats === undefined ? { path, size, metadata } : { path, size, metadata, decimalStats };
  } catch (e) {
    if (e instanceof SparkException) throw e;
    throw footerError(path, e instanceof Error ? e.message : String(e));
  }
}

/** Bytes [start, start + length) of an open file. */
export async function readRange(fh: FileHandle, start: number, length: number): Promise<Uint8Array> {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(buf, got, length - got, start + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, got);
}
