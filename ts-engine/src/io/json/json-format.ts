import type { ColumnBatch } from "../../columnar/batch.js";
import type { StructType } from "../../types/data-type.js";
import { codecByName, compressedExtension, isSplittableCodec } from "../compression.js";
import { isUtf8Encoding } from "../csv/csv-options.js";
import { checkDataTypes, type UnsupportedKinds } from "../format-data-types.js";
import type { FileFormat, FormatContext, OutputWriter, ReadRequest } from "../file-format.js";
import type { FileSplit, FileStatus } from "../file-split.js";
import type { SourceOptions } from "../source-options.js";
import { openTextSink } from "../text-sink.js";
import { inferJsonSchema, inferJsonSplit, mergeJsonSplits, optionsOf, readJson, readOptionsOf, type JsonSplitTypes } from "./json-read.js";
import { JsonWriter } from "./json-writer.js";

/** What JSON cannot hold (ANSI intervals are written and read as their SQL literals; CalendarIntervalType is not). */
const UNSUPPORTED: UnsupportedKinds = new Set(["calendar_interval", "variant"]);

/** Spark's JSON source and sink (JsonFileFormat): JSON lines or multiLine documents. */
export const jsonFormat: FileFormat = {
  name: "json",
  displayName: "JSON",
  async inferSchema(files: readonly FileStatus[], options: SourceOptions, ctx: FormatContext): Promise<StructType | undefined> {
    if (files.length === 0) return undefined;
    return inferJsonSchema(files, options, ctx.conf);
  },
  splitInference: {
    readsRecords: (options, ctx) => {
      readOptionsOf(options, ctx.conf);
      return true;
    },
    inferSplit: (split, options, ctx) => inferJsonSplit(split, readOptionsOf(options, ctx.conf)),
    // the parts are what inferJsonSplit returned, back from the tasks
    merge: (parts, options, ctx) => mergeJsonSplits(parts as readonly JsonSplitTypes[], readOptionsOf(options, ctx.conf)),
  },
  isSplittable(file: FileStatus, options: SourceOptions): boolean {
    return !options.bool("multiLine", false) && isUtf8Encoding((options.get("encoding") ?? "utf-8").toLowerCase()) && isSplittableCodec(file.path);
  },
  read(split: FileSplit, req: ReadRequest, ctx: FormatContext): AsyncIterable<ColumnBatch> {
    return readJson(split, req, ctx);
  },
  outputExtension(options: SourceOptions): string {
    return compressedExtension(".json", options);
  },
  checkWriteSchema(schema: StructType): void {
    checkDataTypes(schema, "JSON", UNSUPPORTED);
  },
  async createWriter(path: string, schema: StructType, options: SourceOptions, ctx: FormatContext): Promise<OutputWriter> {
    const o = optionsOf(options, ctx.conf);
    return new JsonWriter(await openTextSink(path, codecByName(o.compression)), schema, o, ctx.timeZone);
  },
};
