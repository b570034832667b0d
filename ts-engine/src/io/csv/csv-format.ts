import type { ColumnBatch } from "../../columnar/batch.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { sqlTypeName } from "../../types/type-names.js";
import type { DataType, StructType } from "../../types/data-type.js";
import { codecByName, isSplittableCodec } from "../compression.js";
import type { FileFormat, FormatContext, OutputWriter, ReadRequest } from "../file-format.js";
import type { FileSplit, FileStatus } from "../file-split.js";
import type { SourceOptions } from "../source-options.js";
import { openTextSink } from "../text-sink.js";
import { csvOptions, isUtf8Encoding } from "./csv-options.js";
import { CORRUPT_RECORD_DEFAULT, readCsv } from "./csv-read.js";
import { inferCsvSchema, inferCsvSplit, inferOptions, mergeCsvSplits, type CsvSplitTypes } from "./csv-schema.js";
import { CsvWriter } from "./csv-writer.js";

/** The atomic types CSV reads and writes (Spark's CSVFileFormat.supportDataType: ANSI intervals too, as their SQL literals). */
function supported(t: DataType): boolean {
  switch (t.kind) {
    case "array":
    case "map":
    case "struct":
    case "binary":
    case "calendar_interval":
    case "variant":
      return false;
    default:
      return true;
  }
}

/** Raises UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE for a column CSV cannot hold. */
function checkSchema(schema: StructType): void {
  for (const f of schema.fields) {
    if (!supported(f.dataType)) {
      throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", { columnName: `\`${f.name}\``, columnType: `"${sqlTypeName(f.dataType)}"`, format: "CSV" });
    }
  }
}

/** Spark's CSV source and sink (CSVFileFormat) with its options and modes. */
export const csvFormat: FileFormat = {
  name: "csv",
  displayName: "CSV",
  async inferSchema(files: readonly FileStatus[], options: SourceOptions, ctx: FormatContext): Promise<StructType | undefined> {
    if (files.length === 0) return undefined;
    return inferCsvSchema(files, options, ctx.conf);
  },
  splitInference: {
    readsRecords: (options, ctx) => inferOptions(options, ctx.conf).inferSchema,
    inferSplit: (split, options, ctx) => inferCsvSplit(split, inferOptions(options, ctx.conf)),
    // the parts are what inferCsvSplit returned, back from the tasks
    merge: (parts, options, ctx) => mergeCsvSplits(parts as readonly CsvSplitTypes[], inferOptions(options, ctx.conf), ctx.conf.caseSensitive),
  },
  isSplittable(file: FileStatus, options: SourceOptions): boolean {
    const o = csvOptions(options, CORRUPT_RECORD_DEFAULT, false);
    return !o.multiLine && isUtf8Encoding(o.encoding) && isSplittableCodec(file.path);
  },
  read(split: FileSplit, req: ReadRequest, ctx: FormatContext): AsyncIterable<ColumnBatch> {
    checkSchema(req.requiredSchema);
    return readCsv(split, req, ctx);
  },
  outputExtension(options: SourceOptions): string {
    return `.csv${codecByName(options.get("compression") ?? options.get("codec"))?.extension ?? ""}`;
  },
  checkWriteSchema(schema: StructType): void {
    checkSchema(schema);
  },
  async createWriter(path: string, schema: StructType, options: SourceOptions, ctx: FormatContext): Promise<OutputWriter> {
    const o = csvOptions(options, CORRUPT_RECORD_DEFAULT, true);
    const sink = await openTextSink(path, codecByName(o.compression));
    return new CsvWriter(sink, schema, o, ctx.timeZone);
  },
};
