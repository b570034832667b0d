import { BATCH_SIZE, type ColumnBatch } from "../../columnar/batch.js";
import { takeBatch } from "../../columnar/take.js";
import type { SqlConf } from "../../conf/sql-conf.js";
import { SparkException } from "../../errors/spark-exception.js";
import { StringType, structField, structType, type DataType, type StructType } from "../../types/data-type.js";
import { decodeCharset } from "../charset.js";
import type { FormatContext, ReadRequest } from "../file-format.js";
import type { FileSplit, FileStatus } from "../file-split.js";
import { readWholeFile } from "../line-reader.js";
import type { SourceOptions } from "../source-options.js";
import { XmlRowBuilder } from "./xml-convert.js";
import { XmlSchemaInference } from "./xml-infer.js";
import { xmlOptions, type XmlOptions } from "./xml-options.js";
import { xmlRecords } from "./xml-records.js";
import { XmlRowValidator } from "./xml-row-validator.js";
import { XmlRecordParser, type XmlElement } from "./xml-tree.js";

/** spark.sql.columnNameOfCorruptRecord's default. */
const CORRUPT_DEFAULT = "_corrupt_record";

/** The XML options of a read, with the session's corrupt record column name as default. */
export function readOptionsOf(options: SourceOptions, conf: SqlConf): XmlOptions {
  const o = xmlOptions(options, conf.get("spark.sql.columnNameOfCorruptRecord") ?? CORRUPT_DEFAULT);
  // a missing XSD fails before any task runs; a broken one when the first file is read
  if (o.rowValidationXSDPath !== undefined) XmlRowValidator.checkExists(o.rowValidationXSDPath);
  return o;
}

/**
 * A file's records (decompressed, decoded from `encoding`) with their parsed root elements
 * (null: malformed, or not valid against rowValidationXSDPath's schema).
 */
async function* fileRecords(path: string, o: XmlOptions, parser: XmlRecordParser): AsyncGenerator<{ readonly text: string; readonly root: XmlElement | null }> {
  const text = decodeCharset(await readWholeFile(path), o.encoding);
  const xsd = o.rowValidationXSDPath === undefined ? null : await XmlRowValidator.open(o.rowValidationXSDPath);
  try {
    for (const r of xmlRecords(text, o.rowTag)) yield { text: r, root: xsd !== null && !xsd.valid(r) ? null : parser.parse(r) };
  } finally {
    xsd?.dispose();
  }
}

/**
 * The schema Spark's XML source infers (XmlInferSchema): every record's type merged, fields
 * sorted by name, the corrupt record column added in PERMISSIVE mode when a record does not
 * parse; undefined when no file holds a record.
 */
export async function inferXmlSchema(files: readonly FileStatus[], options: SourceOptions, conf: SqlConf): Promise<StructType | undefined> {
  const o = readOptionsOf(options, conf);
  const inf = new XmlSchemaInference(o, conf.caseSensitive);
  const parser = new XmlRecordParser(o.ignoreNamespace);
  let t: DataType | undefined;
  let corrupt = false;
  for (const f of files) {
    for await (const r of fileRecords(f.path, o, parser)) {
      if (r.root === null) {
        if (o.mode === "FAILFAST") throw malformed(r.text);
        corrupt = true;
        continue;
      }
      const rt = inf.record(r.root);
      t = t === undefined ? rt : inf.merge(t, rt);
    }
  }
  if (t === undefined && !corrupt) return undefined;
  const done = t === undefined ? undefined : inf.finish(t);
  let st: StructType = done !== undefined && done.kind === "struct" ? done : structType([]);
  if (corrupt && o.mode === "PERMISSIVE" && !st.fields.some((f) => f.name === o.columnNameOfCorruptRecord)) {
    st = structType([...st.fields, structField(o.columnNameOfCorruptRecord, StringType, true)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  }
  return st;
}

function malformed(text: string): SparkException {
  return new SparkException("SparkException", "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", { badRecord: text, failFastMode: "FAILFAST" });
}

/** One split (a whole file: XML is read unsplit) of an XML scan as batches of the required columns, with Spark's three modes. */
export async function* readXml(split: FileSplit, req: ReadRequest, ctx: FormatContext): AsyncGenerator<ColumnBatch> {
  if (split.start !== 0) return;
  const o = readOptionsOf(req.options, ctx.conf);
  const parser = new XmlRecordParser(o.ignoreNamespace);
  let b = new XmlRowBuilder(req.requiredSchema, o, ctx.timeZone);
  const emit = (rb: XmlRowBuilder): ColumnBatch => {
    const batch = rb.batch();
    if (rb.bad.length === 0 || o.mode === "PERMISSIVE") return batch;
    if (o.mode === "FAILFAST") throw malformed(rb.badText);
    const bad = new Set(rb.bad);
    const keep: number[] = [];
    for (let r = 0; r < batch.numRows; r++) if (!bad.has(r)) keep.push(r);
    return takeBatch(batch, Int32Array.from(keep));
  };
  for await (const r of fileRecords(split.file.path, o, parser)) {
    b.add(r.root, r.text);
    if (b.rows >= BATCH_SIZE) {
      yield emit(b);
      b = new XmlRowBuilder(req.requiredSchema, o, ctx.timeZone);
    }
  }
  if (b.rows > 0) yield emit(b);
}
