import type { ColumnBatch } from "../../columnar/batch.js";
import type { StructType } from "../../types/data-type.js";
import { codecByName, compressedExtension, isSplittableCodec } from "../compression.js";
import { checkDataTypes, type UnsupportedKinds } from "../format-data-types.js";
import type { FileFormat, FormatContext, OutputWriter, ReadRequest } from "../file-format.js";
import type { FileSplit, FileStatus } from "../file-split.js";
import type { SourceOptions } from "../source-options.js";
import { openTextSink } from "../text-sink.js";
import { csvOptions, isUtf8Encoding } from "./csv-options.js";
import { CORRUPT_RECORD_DEFAULT, readCsv } from "./csv-read.js";
import { inferCsvSchema, inferCsvSplit, inferOptions, mergeCsvSplits, type CsvSplitTypes } from "./csv-schema.js";
import { CsvWriter } from "./csv-writer.js";

/** What CSV cannot hold: only atomic types (Spark's CSVFileFormat.supportDataType: ANSI intervals too, as their SQL literals). */
const UNSUPPORTED: UnsupportedKinds = new Set(["array", "map", "struct", "binary", "calendar_interval", "variant"]);

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
    checkDataTypes(req.requiredSchema, "CSV", UNSUPPORTED);
    return readCsv(split, req, ctx);
  },
  outputExtension(options: SourceOptions): string {
    return compressedExtension(".csv", options);
  },
  checkWriteSchema(schema: StructType): void {
    checkDataTypes(schema, "CSV", UNSUPPORTED);
  },
  async createWriter(path: string, schema: StructType, options: SourceOptions, ctx: FormatContext): Promise<OutputWriter> {
    const o = csvOptions(options, CORRUPT_RECORD_DEFAULT, true);
    const sink = await openTextSink(path, codecByName(o.compression));
    return new CsvWriter(sink, schema, o, ctx.timeZone);
  },
};
