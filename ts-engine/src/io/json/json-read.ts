import { BATCH_SIZE, type ColumnBatch } from "../../columnar/batch.js";
import { takeBatch } from "../../columnar/take.js";
import type { SqlConf } from "../../conf/sql-conf.js";
import { IllegalArgumentException, SparkException } from "../../errors/spark-exception.js";
import type { JsonValue } from "../../expr/kernels/json-text.js";
import { StringType, structField, structType, type DataType, type StructType } from "../../types/data-type.js";
import { utf8Bytes } from "../csv/csv-read.js";
import { isUtf8Encoding } from "../csv/csv-options.js";
import { checkSparkCharset } from "../charset.js";
import type { FormatContext, ReadRequest } from "../file-format.js";
import type { FileSplit, FileStatus } from "../file-split.js";
import { bufferLines, splitLines, type LineChunk } from "../line-reader.js";
import type { SourceOptions } from "../source-options.js";
import { JsonBatchBuilder } from "./json-batch-builder.js";
import { InferredFields } from "./json-infer-fields.js";
import { canonicalJsonType, mergeJsonTypes } from "../../expr/kernels/json-infer.js";
import { jsonOptions, type JsonOptions } from "./json-options.js";
import { JsonParser } from "../../expr/kernels/json-parser.js";

const decoder = new TextDecoder();

/** spark.sql.columnNameOfCorruptRecord's default. */
const CORRUPT_DEFAULT = "_corrupt_record";

/** The JSON options with the session's corrupt record column name as default. */
export function optionsOf(options: SourceOptions, conf: SqlConf): JsonOptions {
  return jsonOptions(options, conf.get("spark.sql.columnNameOfCorruptRecord") ?? CORRUPT_DEFAULT);
}

/** Charsets Spark refuses for line-by-line JSON (JSONOptionsInRead.denyList): their byte order is unknown per line. */
const DENY_LIST = new Set(["utf-16", "utf-32"]);

/**
 * The options of a JSON read, checked as Spark's JSONOptionsInRead checks them: the charset
 * one of Spark's seven (CharsetProvider); without
 * multiLine, a charset other than UTF-8 needs `lineSep`, and UTF-16/UTF-32 without an
 * endianness are refused.
 */
export function readOptionsOf(options: SourceOptions, conf: SqlConf): JsonOptions {
  const o = optionsOf(options, conf);
  const given = options.get("encoding") ?? options.get("charset") ?? o.encoding;
  checkSparkCharset(given, "JSONOptionsInRead");
  if (!o.multiLine && !isUtf8Encoding(o.encoding)) {
    if (DENY_LIST.has(o.encoding.replace(/_/g, "-"))) {
      throw new IllegalArgumentException(`requirement failed: The ${given} encoding must not be included in the denyList when multiLine is disabled:\ndenylist: UTF-16, UTF-32`);
    }
    if (o.lineSep === null) throw new IllegalArgumentException(`requirement failed: The lineSep option must be specified for the ${given} encoding`);
  }
  return o;
}

/** The records of a split as text: one per non-blank line, or the whole file (multiLine). */
async function* records(split: FileSplit, o: JsonOptions): AsyncGenerator<string> {
  if (o.multiLine) {
    if (split.start !== 0) return;
    const text = decoder.decode(await utf8Bytes(split.file.path, o.encoding));
    if (text.trim().length > 0) yield text;
    return;
  }
  for await (const c of lineChunks(split, o)) {
    for (let i = 0; i < c.count; i++) {
      const s = decoder.decode(c.bytes.subarray(c.starts[i]!, c.ends[i]!));
      if (s.trim().length > 0 && !(o.allowComments && new JsonParser(s, o).isBlank())) yield s;
    }
  }
}

/** One record parsed with the options' leniencies (null: malformed); a multiLine file's first document. */
function parseRecord(text: string, o: JsonOptions): JsonValue | null {
  const p = new JsonParser(text, o);
  return o.multiLine ? p.parseFirst() : p.parseAll();
}

/**
 * One split's part of JSON inference: its records' root types merged (null: no record), and
 * whether some record was malformed or not an object (PERMISSIVE then adds the corrupt column).
 */
export interface JsonSplitTypes {
  readonly type: DataType | null;
  readonly corrupt: boolean;
}

/** The part of JSON inference one split gives (Spark's JsonInferSchema over one partition). */
export async function inferJsonSplit(split: FileSplit, o: JsonOptions): Promise<JsonSplitTypes> {
  const acc = new InferredFields(o);
  if (o.multiLine) {
    for await (const text of records(split, o)) acc.addValue(parseRecord(text, o));
  } else {
    for await (const c of lineChunks(split, o)) for (let i = 0; i < c.count; i++) acc.addLine(c.bytes, c.starts[i]!, c.ends[i]!);
  }
  return { type: acc.type(), corrupt: acc.corrupt };
}

/** JSON inference in-process, file after file (each file one split). */
export async function inferJsonSchema(files: readonly FileStatus[], options: SourceOptions, conf: SqlConf): Promise<StructType | undefined> {
  const o = readOptionsOf(options, conf);
  const parts: JsonSplitTypes[] = [];
  for (const file of files) parts.push(await inferJsonSplit({ file, start: 0, length: file.size }, o));
  return mergeJsonSplits(parts, o);
}

/**
 * The schema Spark's JSON source infers (JsonInferSchema) from the splits' parts: each
 * record's type merged across records (objects' fields sorted by name, conflicts widened or
 * made strings), null-only fields as strings (or dropped: dropFieldIfAllNull), and in
 * PERMISSIVE mode the corrupt record column when some record is not an object. Files
 * without a record give no columns (Spark: `struct<>`, zero rows).
 */
export function mergeJsonSplits(parts: readonly JsonSplitTypes[], o: JsonOptions): StructType {
  let t: DataType | undefined;
  let corrupt = false;
  for (const p of parts) {
    corrupt ||= p.corrupt;
    if (p.type !== null) t = t === undefined ? p.type : mergeJsonTypes(t, p.type);
  }
  if (t === undefined) return structType([]);
  const c = canonicalJsonType(t, o);
  let st: StructType = c !== undefined && c.kind === "struct" ? c : structType([]);
  const name = o.columnNameOfCorruptRecord;
  if (corrupt && o.mode === "PERMISSIVE" && !st.fields.some((f) => f.name === name)) {
    const fields = [...st.fields, structField(name, StringType, true)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    st = structType(fields);
  }
  return st;
}

/** The lines of a split as chunks: cut at line ends in UTF-8, or (another encoding) the whole file transcoded first. */
async function* lineChunks(split: FileSplit, o: JsonOptions): AsyncGenerator<LineChunk> {
  // Another encoding (UTF-16/32, Latin-1 …): its bytes cannot be cut at a byte 0x0A, so the
  // file is one split (isSplittable), transcoded to UTF-8 whole and then cut into lines.
  if (isUtf8Encoding(o.encoding)) yield* splitLines(split, o.lineSep);
  else if (split.start === 0) yield bufferLines(await utf8Bytes(split.file.path, o.encoding), o.lineSep);
}

/**
 * One split of a JSON scan as batches of the required columns, with Spark's three modes:
 * JSON lines scanned on bytes with only the projected fields converted (JsonBatchBuilder), a
 * multiLine file's one document through the general parser.
 */
export async function* readJson(split: FileSplit, req: ReadRequest, ctx: FormatContext): AsyncGenerator<ColumnBatch> {
  const o = readOptionsOf(req.options, ctx.conf);
  const b = new JsonBatchBuilder(req.requiredSchema, o, ctx.timeZone);
  const emit = (): ColumnBatch | null => {
    const { batch, bad, anyBad, badText } = b.finish();
    if (!anyBad || o.mode === "PERMISSIVE") return batch;
    if (o.mode === "FAILFAST") {
      throw new SparkException("SparkException", "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", { badRecord: `[${badText}]`, failFastMode: "FAILFAST" });
    }
    const keep: number[] = [];
    for (let r = 0; r < batch.numRows; r++) if (bad[r] === 0) keep.push(r);
    return takeBatch(batch, Int32Array.from(keep));
  };
  if (o.multiLine) {
    for await (const text of records(split, o)) {
      b.reset(new Uint8Array(0));
      b.addGeneral(parseRecord(text, o), text);
      const out = emit();
      if (out !== null) yield out;
    }
    return;
  }
  for await (const c of lineChunks(split, o)) {
    b.reset(c.bytes);
    for (let i = 0; i < c.count; i++) {
      b.addLine(c.starts[i]!, c.ends[i]!);
      if (b.rows >= BATCH_SIZE) {
        const out = emit();
        if (out !== null) yield out;
        b.reset(c.bytes);
      }
    }
    if (b.rows > 0) {
      const out = emit();
      if (out !== null) yield out;
    }
  }
}
