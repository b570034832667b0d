import { BATCH_SIZE, type ColumnBatch } from "../../columnar/batch.js";
import { transcodeToUtf8 } from "../charset.js";
import { batchToRows } from "../../columnar/rows.js";
import { takeBatch } from "../../columnar/take.js";
import { SparkException } from "../../errors/spark-exception.js";
import { valueToString } from "../../expr/eval/to-string.js";
import type { FormatContext, ReadRequest } from "../file-format.js";
import type { FileSplit } from "../file-split.js";
import { bufferLines, readWholeFile, splitLines, type LineChunk } from "../line-reader.js";
import { convertRecords, fieldsToTokenize, type CsvColumn } from "./csv-convert.js";
import { orderedFilters } from "./csv-filters.js";
import { csvOptions, isUtf8Encoding, type CsvOptions } from "./csv-options.js";
import { ALL_FIELDS, checkMaxChars, CsvTokens, simpleLines, tokenizeLine, tokenizeRecord, type TokenizerSettings } from "./csv-tokenizer.js";

/** Spark's spark.sql.columnNameOfCorruptRecord default. */
export const CORRUPT_RECORD_DEFAULT = "_corrupt_record";

/** The CSV options of a scan, with the session's corrupt record column name as default. */
export function scanOptions(req: ReadRequest, ctx: FormatContext): CsvOptions {
  return csvOptions(req.options, ctx.conf.get("spark.sql.columnNameOfCorruptRecord") ?? CORRUPT_RECORD_DEFAULT, false);
}

/** The tokenizer settings of the options. */
export function tokenizerSettings(o: CsvOptions): TokenizerSettings {
  return {
    unescaped: o.unescapedQuoteHandling,
    sep: o.sep,
    quote: o.quote,
    escape: o.escape,
    escapeEscape: o.escapeEscape,
    trimLeading: o.ignoreLeadingWhiteSpace,
    trimTrailing: o.ignoreTrailingWhiteSpace,
    lineSep: o.lineSep,
  };
}

/** A file's bytes (decompressed) in UTF-8: as they are, or decoded from the Java charset `encoding` (read whole). */
export async function utf8Bytes(path: string, encoding: string): Promise<Uint8Array> {
  const raw = await readWholeFile(path);
  if (isUtf8Encoding(encoding)) return raw;
  return transcodeToUtf8(raw, encoding);
}

/**
 * Records of a split, tokenized into `t` chunk by chunk: comment and empty lines skipped, the
 * header skipped at the start of each file. Calls `flush` whenever `t` holds a batch's worth or
 * its bytes are about to change. `firstRecordOnly` stops after the first record (the schema of a
 * read without inferSchema comes from the first line alone, as Spark reads it).
 */
export async function* tokenizeSplit(split: FileSplit, o: CsvOptions, t: CsvTokens, firstRecordOnly = false, maxFields = ALL_FIELDS): AsyncGenerator<void> {
  const s = tokenizerSettings(o);
  const simple = simpleLines(s);
  let headerPending = o.header && split.start === 0;
  const skip = (b: Uint8Array, start: number, end: number): boolean => {
    if (start >= end) return true;
    if (o.comment !== 0 && b[start] === o.comment) return true;
    if (headerPending) {
      headerPending = false;
      return true;
    }
    return false;
  };
  const lines = async function* (chunks: AsyncIterable<LineChunk> | Iterable<LineChunk>): AsyncGenerator<void> {
    for await (const c of chunks) {
      t.reset(c.bytes);
      for (let i = 0; i < c.count; i++) {
        const a = c.starts[i]!;
        const e = c.ends[i]!;
        if (skip(c.bytes, a, e)) continue;
        if (simple) tokenizeLine(t, c.bytes, a, e, s, maxFields);
        else tokenizeRecord(t, c.bytes, a, e, s, false, maxFields);
        if (firstRecordOnly) {
          checkMaxChars(t, o.maxCharsPerColumn);
          yield;
          return;
        }
        if (t.nRecords >= BATCH_SIZE) {
          checkMaxChars(t, o.maxCharsPerColumn);
          yield;
          t.reset(c.bytes);
        }
      }
      if (t.nRecords > 0) {
        checkMaxChars(t, o.maxCharsPerColumn);
        yield;
      }
    }
  };
  if (!o.multiLine && isUtf8Encoding(o.encoding)) {
    yield* lines(splitLines(split, o.lineSep));
    return;
  }
  // multiLine and other encodings: the file is one split, read whole
  if (split.start !== 0) return;
  const bytes = await utf8Bytes(split.file.path, o.encoding);
  if (!o.multiLine) {
    yield* lines([bufferLines(bytes, o.lineSep)]);
    return;
  }
  t.reset(bytes);
  let p = 0;
  const n = bytes.length;
  while (p < n) {
    const c = bytes[p];
    if (c === 0x0a || c === 0x0d) {
      p++;
      continue;
    }
    if ((o.comment !== 0 && c === o.comment) || headerPending) {
      const before = t.nRecords;
      p = tokenizeRecord(t, bytes, p, n, s, true);
      if (t.nRecords > before) t.dropLast();
      headerPending = false;
      continue;
    }
    p = tokenizeRecord(t, bytes, p, n, s, true);
    if (firstRecordOnly) {
      checkMaxChars(t, o.maxCharsPerColumn);
      yield;
      return;
    }
    // an open record (BACK_TO_DELIMITER) waits for the next record's values before a batch is cut
    if (t.nRecords >= BATCH_SIZE && !t.openTail) {
      checkMaxChars(t, o.maxCharsPerColumn);
      yield;
      t.reset(bytes);
    }
  }
  if (t.nRecords > 0) {
    checkMaxChars(t, o.maxCharsPerColumn);
    yield;
  }
}

/** A partial row as Spark prints an InternalRow in MALFORMED_RECORD_IN_PARSING: `[1,a,null]`. */
function rowText(b: ColumnBatch, r: number, tz: string): string {
  const row = batchToRows(b)[r] ?? [];
  return `[${row.map((v, i) => (v === null || v === undefined ? "null" : valueToString(v, b.schema.fields[i]!.dataType, tz, "null"))).join(",")}]`;
}

/**
 * One split of a CSV scan as batches of the required columns, with Spark's modes: PERMISSIVE
 * keeps malformed records (partial values, the raw record in the corrupt record column),
 * DROPMALFORMED drops them, FAILFAST fails on the first. Records the pushed filters reject
 * are dropped while converting (csv-filters.ts), before any mode sees them.
 */
export async function* readCsv(split: FileSplit, req: ReadRequest, ctx: FormatContext): AsyncGenerator<ColumnBatch> {
  const o = scanOptions(req, ctx);
  const corrupt = o.columnNameOfCorruptRecord;
  const dataNames = req.dataSchema.fields.filter((f) => f.name !== corrupt).map((f) => f.name);
  const columns: CsvColumn[] = req.requiredSchema.fields.map((f) => (f.name === corrupt && f.dataType.kind === "string" ? { kind: "corrupt" } : { kind: "field", index: dataNames.indexOf(f.name) }));
  const filters = orderedFilters(req.filters, req.requiredSchema, corrupt, ctx.conf.getBoolean("spark.sql.csv.filterPushdown.enabled"));
  const t = new CsvTokens();
  for await (const _ of tokenizeSplit(split, o, t, false, fieldsToTokenize(columns, dataNames.length, o))) {
    if (t.nRecords === 0) continue;
    const { batch, bad, anyBad } = convertRecords(t, req.requiredSchema, columns, dataNames.length, o, { timeZone: ctx.timeZone }, filters);
    if (!anyBad || o.mode === "PERMISSIVE") {
      yield batch;
      continue;
    }
    if (o.mode === "FAILFAST") {
      const r = bad.indexOf(1);
      throw new SparkException("SparkException", "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", { badRecord: rowText(batch, r, ctx.timeZone), failFastMode: "FAILFAST" });
    }
    const keep: number[] = [];
    for (let r = 0; r < batch.numRows; r++) if (bad[r] === 0) keep.push(r);
    yield takeBatch(batch, Int32Array.from(keep));
  }
}
