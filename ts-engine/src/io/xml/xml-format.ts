import type { ColumnBatch } from "../../columnar/batch.js";
import type { StructType } from "../../types/data-type.js";
import { codecByName, compressedExtension } from "../compression.js";
import { checkDataTypes, type UnsupportedKinds } from "../format-data-types.js";
import type { FileFormat, FormatContext, OutputWriter, ReadRequest } from "../file-format.js";
import type { FileSplit, FileStatus } from "../file-split.js";
import type { SourceOptions } from "../source-options.js";
import { openTextSink } from "../text-sink.js";
import { xmlOptions } from "./xml-options.js";
import { inferXmlSchema, readXml } from "./xml-read.js";
import { XmlWriter } from "./xml-writer.js";
// Installs the XML parts from_xml / schema_of_xml / to_xml call (expr/functions/xml-codec.ts).
import "./xml-function-codec.js";

/** What XML cannot hold: intervals and the null type are not written. */
const UNSUPPORTED: UnsupportedKinds = new Set(["day_time_interval", "year_month_interval", "calendar_interval", "variant", "null"]);

/**
 * Spark 4.0's built-in XML source and sink (XmlFileFormat): rows are the `rowTag` elements of
 * each file (read whole: tspark does not split XML files), the schema inferred as Spark's
 * XmlInferSchema does; written as one document per file under `rootTag`.
 */
export const xmlFormat: FileFormat = {
  name: "xml",
  displayName: "XML",
  async inferSchema(files: readonly FileStatus[], options: SourceOptions, ctx: FormatContext): Promise<StructType | undefined> {
    if (files.length === 0) return undefined;
    return inferXmlSchema(files, options, ctx.conf);
  },
  isSplittable(): boolean {
    return false;
  },
  read(split: FileSplit, req: ReadRequest, ctx: FormatContext): AsyncIterable<ColumnBatch> {
    return readXml(split, req, ctx);
  },
  outputExtension(options: SourceOptions): string {
    return compressedExtension(".xml", options);
  },
  checkWriteSchema(schema: StructType, options: SourceOptions): void {
    xmlOptions(options, "_corrupt_record"); // rowTag is required before any task runs
    checkDataTypes(schema, "XML", UNSUPPORTED);
  },
  async createWriter(path: string, schema: StructType, options: SourceOptions, ctx: FormatContext): Promise<OutputWriter> {
    const o = xmlOptions(options, "_corrupt_record");
    return new XmlWriter(await openTextSink(path, codecByName(o.compression)), schema, o, ctx.timeZone);
  },
};
