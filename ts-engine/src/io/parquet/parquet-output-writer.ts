import { openSync, writeSync, closeSync } from "node:fs";
import type { SchemaElement } from "hyparquet";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { ColumnBatch } from "../../columnar/batch.js";
import { unscaled } from "../../columnar/decimal-value.js";
import { utf8Strings } from "../../columnar/utf8.js";
import type { Vector } from "../../columnar/vector.js";
import { valueAt } from "../../expr/eval/vectors.js";
import type { DataType, StructType } from "../../types/data-type.js";
import { compressorsFor, writeCodec } from "./parquet-compression.js";
import { isInt96StandIn, parquetSchemaFor, sparkKeyValueMetadata, type TimestampOutput } from "./parquet-write-schema.js";

/** Rows buffered before a row group is encoded (Spark cuts row groups at parquet.block.size, 128 MB). */
const ROW_GROUP_ROWS = 1 << 20;
const ROW_GROUP_BYTES = 128 * 1024 * 1024;

/** hyparquet-writer's byte writer, flushed to a file descriptor after each row group so memory stays bounded by one group. */
class FileByteWriter extends ByteWriter {
  constructor(private readonly fd: number) {
    super(1 << 20);
  }
  flush(): void {
    writeSync(this.fd, new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }
  override finish(): void {
    this.flush();
  }
}

/** What a writer is configured with. */
export interface ParquetWriteConfig {
  /** A Spark codec name: snappy, gzip, zstd, brotli, lz4, lz4_raw, none, uncompressed. */
  readonly compression: string;
  readonly timestampOutput: TimestampOutput;
  /** Bytes buffered before a row group is cut (the `parquet.block.size` option; 128 MB by default). */
  readonly rowGroupBytes?: number;
}

/**
 * One Parquet output file: batches are buffered to a row group, encoded by hyparquet-writer
 * with Spark's schema and key-value metadata, and flushed to the file; `close` writes the footer.
 */
export class ParquetOutputWriter {
  private readonly fd: number;
  private readonly pq: ParquetWriter;
  private pending: ColumnBatch[] = [];
  private pendingRows = 0;
  private pendingBytes = 0;
  private closed = false;
  private readonly rowGroupBytes: number;

  private constructor(
    readonly path: string,
    private readonly schema: StructType,
    private readonly elements: SchemaElement[],
    private readonly timestampOutput: TimestampOutput,
    codec: ReturnType<typeof writeCodec>["codec"],
    compressors: Awaited<ReturnType<typeof compressorsFor>>,
    rowGroupBytes: number,
  ) {
    this.rowGroupBytes = rowGroupBytes;
    this.fd = openSync(path, "wx");
    this.pq = new ParquetWriter({ writer: new FileByteWriter(this.fd), schema: elements, codec, compressors, kvMetadata: sparkKeyValueMetadata(schema), createdBy: "tspark (hyparquet-writer)" });
  }

  /** A writer of a new file at `path` (which must not exist). */
  static async create(path: string, schema: StructType, config: ParquetWriteConfig): Promise<ParquetOutputWriter> {
    const { codec } = writeCodec(config.compression);
    const compressors = await compressorsFor(codec);
    return new ParquetOutputWriter(path, schema, parquetSchemaFor(schema, config.timestampOutput), config.timestampOutput, codec, compressors, config.rowGroupBytes ?? ROW_GROUP_BYTES);
  }

  /** Buffers `batch`, encoding a row group once enough rows are buffered. */
  write(batch: ColumnBatch): void {
    if (batch.numRows === 0) return;
    this.pending.push(batch);
    this.pendingRows += batch.numRows;
    for (const c of batch.columns) this.pendingBytes += approxBytes(c);
    if (this.pendingRows >= ROW_GROUP_ROWS || this.pendingBytes >= this.rowGroupBytes) this.flushGroup();
  }

  private flushGroup(): void {
    if (this.pendingRows === 0) return;
    const int96 = this.timestampOutput === "INT96";
    const columnData = this.schema.fields.map((f, i) => ({
      name: f.name,
      data: writerValues(this.pending.map((b) => b.columns[i]!), f.dataType, this.pendingRows, int96),
      // INT96 has no defined sort order: Spark writes no statistics for it (and its readers ignore them).
      ...(int96 && hasTimestamp(f.dataType) ? { statistics: false } : {}),
    }));
    this.pq.write({ columnData, rowGroupSize: this.pendingRows });
    this.pending = [];
    this.pendingRows = 0;
    this.pendingBytes = 0;
  }

  /** Encodes what is buffered and writes the footer. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.flushGroup();
      this.retypeInt96();
      this.pq.finish();
    } finally {
      closeSync(this.fd);
    }
  }

  /**
   * Gives the INT96 leaves, written as FIXED_LEN_BYTE_ARRAY(12) (same bytes), their type in
   * the footer: the schema elements and every column chunk's metadata.
   */
  private retypeInt96(): void {
    const leaves = this.elements.slice(1).filter((e) => (e.num_children ?? 0) === 0);
    const stand = leaves.flatMap((e, i) => (isInt96StandIn(e) ? [i] : []));
    if (stand.length === 0) return;
    for (const i of stand) {
      const e = leaves[i]!;
      e.type = "INT96";
      delete e.type_length;
    }
    for (const rg of this.pq.row_groups) {
      for (const i of stand) {
        const m = rg.columns[i]?.meta_data;
        if (m !== undefined) m.type = "INT96";
      }
    }
  }

  /** Closes the file without a footer (the committer deletes it). */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

function approxBytes(v: Vector): number {
  if (v.storage === "utf8") return v.data.bytes.length + 4 * v.length;
  if (v.storage === "values" || v.storage === "binary" || v.storage === "dec128") return 32 * v.length;
  return (v.data as { byteLength: number }).byteLength;
}

function hasTimestamp(t: DataType): boolean {
  switch (t.kind) {
    case "timestamp":
      return true;
    case "array":
      return hasTimestamp(t.elementType);
    case "map":
      return hasTimestamp(t.keyType) || hasTimestamp(t.valueType);
    case "struct":
      return t.fields.some((f) => hasTimestamp(f.dataType));
    default:
      return false;
  }
}

const MICROS_PER_DAY = 86_400_000_000n;
/** The Julian day number of 1970-01-01. */
const JULIAN_DAY_OF_EPOCH = 2_440_588n;

/**
 * A timestamp (µs since the epoch, UTC) as Parquet INT96 the way Spark writes it
 * (ParquetWriteSupport with int96RebaseModeInWrite CORRECTED): 8 bytes of nanoseconds within
 * the day, then 4 bytes of the Julian day number, both little-endian.
 */
export function int96Bytes(micros: bigint): Uint8Array {
  let days = micros / MICROS_PER_DAY;
  let rem = micros % MICROS_PER_DAY;
  if (rem < 0n) {
    rem += MICROS_PER_DAY;
    days -= 1n;
  }
  const out = new Uint8Array(12);
  const view = new DataView(out.buffer);
  view.setBigInt64(0, rem * 1000n, true);
  view.setInt32(8, Number(days + JULIAN_DAY_OF_EPOCH), true);
  return out;
}

/** One column's values over `parts` in the form hyparquet-writer encodes for `type`'s Parquet schema. */
function writerValues(parts: readonly Vector[], type: DataType, n: number, int96: boolean): unknown[] {
  const out = new Array<unknown>(n);
  let o = 0;
  for (const v of parts) {
    if (v.storage === "utf8") {
      // Strings go over as their UTF-8 bytes (subarrays, no re-encoding).
      const { offsets, bytes } = v.data;
      for (let i = 0; i < v.length; i++) out[o++] = v.validity !== null && v.validity[i] === 0 ? null : bytes.subarray(offsets[i]!, offsets[i + 1]!);
      continue;
    }
    if (v.storage === "dec64" || v.storage === "dec128") {
      for (let i = 0; i < v.length; i++) out[o++] = v.validity !== null && v.validity[i] === 0 ? null : BigInt(v.data[i]!);
      continue;
    }
    for (let i = 0; i < v.length; i++) out[o++] = toWriterValue(valueAt(v, i), type, int96);
  }
  return out;
}

/** An engine value (vector convention) as hyparquet-writer takes it for `type`. */
function toWriterValue(x: unknown, type: DataType, int96: boolean): unknown {
  if (x === null || x === undefined) return null;
  switch (type.kind) {
    case "timestamp": {
      const us = typeof x === "bigint" ? x : BigInt(x as number);
      return int96 ? int96Bytes(us) : us;
    }
    case "long":
    case "timestamp_ntz":
    case "day_time_interval":
      return typeof x === "bigint" ? x : BigInt(x as number);
    case "decimal":
      return typeof x === "bigint" ? x : unscaled(String(x), type.scale);
    case "boolean":
      return x === true || x === 1;
    case "string":
      return typeof x === "string" ? x : utf8Strings(x as never, 1)[0];
    case "array":
      return (x as unknown[]).map((e) => toWriterValue(e, type.elementType, int96));
    case "map":
      return (x as [unknown, unknown][]).map(([k, v]) => [toWriterValue(k, type.keyType, int96), toWriterValue(v, type.valueType, int96)]);
    case "struct": {
      const arr = x as unknown[];
      const o: Record<string, unknown> = {};
      type.fields.forEach((f, i) => {
        o[f.name] = toWriterValue(arr[i], f.dataType, int96);
      });
      return o;
    }
    default:
      return x;
  }
}
