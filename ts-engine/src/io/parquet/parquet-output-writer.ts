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
import { parquetSchemaFor, sparkKeyValueMetadata, type TimestampOutput } from "./parquet-write-schema.js";

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
  /** A Spark codec name: snappy, gzip, zstd, none, uncompressed. */
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
    return new ParquetOutputWriter(path, schema, parquetSchemaFor(schema, config.timestampOutput), codec, compressors, config.rowGroupBytes ?? ROW_GROUP_BYTES);
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
    const columnData = this.schema.fields.map((f, i) => ({
      name: f.name,
      data: writerValues(this.pending.map((b) => b.columns[i]!), f.dataType, this.pendingRows),
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
      this.pq.finish();
    } finally {
      closeSync(this.fd);
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

/** One column's values over `parts` in the form hyparquet-writer encodes for `type`'s Parquet schema. */
function writerValues(parts: readonly Vector[], type: DataType, n: number): unknown[] {
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
    for (let i = 0; i < v.length; i++) out[o++] = toWriterValue(valueAt(v, i), type);
  }
  return out;
}

/** An engine value (vector convention) as hyparquet-writer takes it for `type`. */
function toWriterValue(x: unknown, type: DataType): unknown {
  if (x === null || x === undefined) return null;
  switch (type.kind) {
    case "long":
    case "timestamp":
    case "timestamp_ntz":
      return typeof x === "bigint" ? x : BigInt(x as number);
    case "decimal":
      return typeof x === "bigint" ? x : unscaled(String(x), type.scale);
    case "boolean":
      return x === true || x === 1;
    case "string":
      return typeof x === "string" ? x : utf8Strings(x as never, 1)[0];
    case "array":
      return (x as unknown[]).map((e) => toWriterValue(e, type.elementType));
    case "map":
      return (x as [unknown, unknown][]).map(([k, v]) => [toWriterValue(k, type.keyType), toWriterValue(v, type.valueType)]);
    case "struct": {
      const arr = x as unknown[];
      const o: Record<string, unknown> = {};
      type.fields.forEach((f, i) => {
        o[f.name] = toWriterValue(arr[i], f.dataType);
      });
      return o;
    }
    default:
      return x;
  }
}
