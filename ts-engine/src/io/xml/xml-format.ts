import type { ColumnBatch } from "../../columnar/batch.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { sqlTypeName } from "../../types/type-names.js";
import type { DataType, StructType } from "../../types/data-type.js";
import { codecByName } from "../compression.js";
import type { FileFormat, FormatContext, OutputWriter, ReadRequest } from "../file-format.js";
import type { FileSplit, FileStatus } from "../file-split.js";
import type { SourceOptions } from "../source-options.js";
import { openTextSink } from "../text-sink.js";
import { xmlOptions } from "./xml-options.js";
import { inferXmlSchema, readXml } from "./xml-read.js";
import { XmlWriter } from "./xml-writer.js";
// Installs the XML parts from_xml / schema_of_xml / to_xml call (expr/functions/xml-codec.ts).
import "./xml-function-codec.js";

/** Whether XML holds the type (intervals and the null type are not written). */
function supported(t: DataType): boolean {
  switch (t.kind) {
    case "day_time_interval":
    case "year_month_interval":
    case "calendar_interval":
    case "variant":
    case "null":
      return false;
    case "array":
      return supported(t.elementType);
    case "map":
      return supported(t.valueType);
    case "struct":
      return t.fields.every((f) => supported(f.dataType));
    default:
      return true;
  }
}

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
    return `.xml${codecByName(options.get("compression") ?? options.get("codec"))?.extension ?? ""}`;
  },
  checkWriteSchema(schema: StructType, options: SourceOptions): void {
    xmlOptions(options, "_corrupt_record"); // rowTag is required before any task runs
    for (const f of schema.fields) {
      if (!supported(f.dataType)) {
        throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", { columnName: `\`${f.name}\``, columnType: `"${sqlTypeName(f.dataType)}"`, format: "XML" });
      }
    }
  },
  async createWriter(path: string, schema: StructType, options: SourceOptions, ctx: FormatContext): Promise<OutputWriter> {
    const o = xmlOptions(options, "_corrupt_record");
    return new XmlWriter(await openTextSink(path, codecByName(o.compression)), schema, o, ctx.timeZone);
  },
};
