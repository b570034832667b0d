import { isUtf8 } from "node:buffer";
import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { Utf8Builder } from "../../columnar/utf8.js";
import { makeVector, type Vector } from "../../columnar/vector.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { sqlTypeName } from "../../types/type-names.js";
import { StringType, structField, structType, type StructType } from "../../types/data-type.js";
import { codecByName, isSplittableCodec } from "../compression.js";
import type { FileFormat, FormatContext, OutputWriter, ReadRequest } from "../file-format.js";
import type { FileSplit, FileStatus } from "../file-split.js";
import { readWholeFile, splitLines, type LineChunk } from "../line-reader.js";
import type { SourceOptions } from "../source-options.js";
import { openTextSink, type TextSink } from "../text-sink.js";

/** The text source's one column (Spark's TextFileFormat). */
export const TEXT_SCHEMA: StructType = structType([structField("value", StringType, true)]);

const encoder = new TextEncoder();

/** The `lineSep` option as bytes (null: any of \n, \r\n, \r on read). Spark rejects an empty one. */
export function lineSepOf(options: SourceOptions): Uint8Array | null {
  const s = options.get("lineSep");
  if (s === undefined) return null;
  if (s.length === 0) throw new AnalysisException("_LEGACY_ERROR_TEMP_2400", { message: "requirement failed: 'lineSep' cannot be an empty string." });
  return encoder.encode(s);
}

const replacing = new TextDecoder("utf-8");

/**
 * One batch of `value` strings from lines [lo, hi) of a chunk, built straight from the bytes.
 * Bytes that are not UTF-8 become U+FFFD, as Java decodes them when Spark hands a string out
 * (checked once per batch; valid text is copied as it is).
 */
function linesBatch(schema: StructType, c: LineChunk, lo: number, hi: number): ColumnBatch {
  const n = hi - lo;
  if (schema.fields.length === 0) return makeBatch(schema, [], n);
  const from = c.starts[lo]!;
  const to = c.ends[hi - 1]!;
  const b = new Utf8Builder(n, to - from);
  if (isUtf8(c.bytes.subarray(from, to))) {
    for (let i = lo; i < hi; i++) b.appendRange(c.bytes, c.starts[i]!, c.ends[i]!);
  } else {
    for (let i = lo; i < hi; i++) b.appendString(replacing.decode(c.bytes.subarray(c.starts[i]!, c.ends[i]!)));
  }
  return makeBatch(schema, [makeVector(StringType, b.finish(), null, n)], n);
}

async function* readLines(split: FileSplit, req: ReadRequest): AsyncGenerator<ColumnBatch> {
  const sep = lineSepOf(req.options);
  for await (const c of splitLines(split, sep)) {
    for (let lo = 0; lo < c.count; lo += BATCH_SIZE) yield linesBatch(req.requiredSchema, c, lo, Math.min(c.count, lo + BATCH_SIZE));
  }
}

async function* readWhole(split: FileSplit, req: ReadRequest): AsyncGenerator<ColumnBatch> {
  // a whole file is one split (isSplittable is false), read by the task that owns offset 0
  if (split.start !== 0) return;
  const bytes = await readWholeFile(split.file.path);
  if (req.requiredSchema.fields.length === 0) {
    yield makeBatch(req.requiredSchema, [], 1);
    return;
  }
  const b = new Utf8Builder(1, bytes.length);
  if (isUtf8(bytes)) b.appendRange(bytes, 0, bytes.length);
  else b.appendString(replacing.decode(bytes));
  const v: Vector = makeVector(StringType, b.finish(), null, 1);
  yield makeBatch(req.requiredSchema, [v], 1);
}

/** Writes each row's `value` and the line separator ("\n" unless `lineSep`); nulls are written as empty lines. */
class TextWriter implements OutputWriter {
  constructor(
    private readonly sink: TextSink,
    private readonly sep: Uint8Array,
  ) {}

  async write(batch: ColumnBatch): Promise<void> {
    const v = batch.columns[0];
    if (v === undefined || v.storage !== "utf8") return;
    const { offsets, bytes } = v.data;
    for (let i = 0; i < batch.numRows; i++) {
      if (v.validity === null || v.validity[i] === 1) this.sink.append(bytes, offsets[i]!, offsets[i + 1]!);
      this.sink.append(this.sep, 0, this.sep.length);
    }
    await this.sink.flushIfFull();
  }

  close(): Promise<void> {
    return this.sink.close();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }
}

/** Spark's text source: one string column `value`, a row per line (or per file with `wholetext`). */
export const textFormat: FileFormat = {
  name: "text",
  displayName: "Text",
  inferSchema(): Promise<StructType> {
    return Promise.resolve(TEXT_SCHEMA);
  },
  isSplittable(file: FileStatus, options: SourceOptions): boolean {
    return !options.bool("wholetext", false) && isSplittableCodec(file.path);
  },
  read(split: FileSplit, req: ReadRequest, _ctx: FormatContext): AsyncIterable<ColumnBatch> {
    return req.options.bool("wholetext", false) ? readWhole(split, req) : readLines(split, req);
  },
  outputExtension(options: SourceOptions): string {
    return `.txt${codecByName(options.get("compression"))?.extension ?? ""}`;
  },
  checkWriteSchema(schema: StructType): void {
    if (schema.fields.length !== 1) {
      throw new AnalysisException("_LEGACY_ERROR_TEMP_1135", { message: `Text data source supports only a single column, and you have ${schema.fields.length} columns.` });
    }
    const f = schema.fields[0]!;
    if (f.dataType.kind !== "string") {
      throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", { columnName: `\`${f.name}\``, columnType: `"${sqlTypeName(f.dataType)}"`, format: "Text" });
    }
  },
  async createWriter(path: string, _schema: StructType, options: SourceOptions): Promise<OutputWriter> {
    const sep = encoder.encode(options.get("lineSep") ?? "\n");
    return new TextWriter(await openTextSink(path, codecByName(options.get("compression"))), sep);
  },
};
