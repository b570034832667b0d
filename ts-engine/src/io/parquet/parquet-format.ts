import { open } from "node:fs/promises";
import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { sliceVector } from "../../columnar/rows.js";
import type { Vector } from "../../columnar/vector.js";
import { AnalysisException, SparkException } from "../../errors/spark-exception.js";
import type { SchemaElement } from "hyparquet";
import type { SqlConf } from "../../conf/sql-conf.js";
import type { DataType, StructField, StructType } from "../../types/data-type.js";
import { sqlTypeName } from "../../types/type-names.js";
import type { FileFormat, FormatContext, OutputWriter, ReadRequest } from "../file-format.js";
import type { FileSplit, FileStatus } from "../file-split.js";
import { ignoreFilesOf, skipsFile } from "../ignore-files.js";
import type { SourceOptions } from "../source-options.js";
import { readFooter, type ParquetFooter } from "./parquet-footer.js";
import { qualified } from "../file-index.js";
import { writeCodec } from "./parquet-compression.js";
import { ParquetOutputWriter } from "./parquet-output-writer.js";
import { asNullable, sparkSchemaOf, type SchemaOptions } from "./parquet-schema.js";
import { mergeStructs } from "./parquet-schema-merge.js";
import { unwritableType, type TimestampOutput } from "./parquet-write-schema.js";
import { mightMatch, rowGroupStats } from "./row-group-filter.js";
import { fileColumns, readRowGroup } from "./row-group-reader.js";
import { widenVector } from "./widen-vector.js";

/** The codec name a write uses: the `compression` option, else `parquet.compression`, else spark.sql.parquet.compression.codec. */
function compressionOf(options: SourceOptions, ctx: FormatContext): string {
  return options.get("compression") ?? options.get("parquet.compression") ?? ctx.conf.get("spark.sql.parquet.compression.codec", "snappy") ?? "snappy";
}

/** spark.sql.parquet.outputTimestampType: INT96 (Spark's default), TIMESTAMP_MICROS or TIMESTAMP_MILLIS. */
function timestampOutputOf(ctx: FormatContext): TimestampOutput {
  const v = (ctx.conf.get("spark.sql.parquet.outputTimestampType", "INT96") ?? "INT96").toUpperCase();
  return v === "TIMESTAMP_MILLIS" || v === "TIMESTAMP_MICROS" ? v : "INT96";
}

function schemaOptions(conf: SqlConf): SchemaOptions {
  return { binaryAsString: conf.get("spark.sql.parquet.binaryAsString", "false") === "true" };
}

/** Fields counted as Spark's WholeStageCodegenExec.isTooManyFields counts them (nested fields included). */
function leafFields(t: DataType): number {
  switch (t.kind) {
    case "struct":
      return t.fields.reduce((n, f) => n + leafFields(f.dataType), 0);
    case "array":
      return leafFields(t.elementType);
    case "map":
      return leafFields(t.keyType) + leafFields(t.valueType);
    default:
      return 1;
  }
}

/** The row groups of `footer` a split owns: those whose midpoint lies in it (as parquet-mr assigns them). */
function rowGroupsOf(footer: ParquetFooter, split: FileSplit): number[] {
  const out: number[] = [];
  const end = split.start + split.length;
  footer.metadata.row_groups.forEach((rg, g) => {
    const first = rg.columns[0]?.meta_data;
    if (first === undefined) return;
    const dict = first.dictionary_page_offset;
    const start = Number(dict !== undefined && dict > 0n && dict < first.data_page_offset ? dict : first.data_page_offset);
    let size = 0;
    for (const c of rg.columns) size += Number(c.meta_data?.total_compressed_size ?? 0n);
    const mid = start + size / 2;
    if (mid >= split.start && mid < end) out.push(g);
  });
  return out;
}

async function* readSplit(split: FileSplit, req: ReadRequest, ctx: FormatContext): AsyncGenerator<ColumnBatch> {
  const path = split.file.path;
  const caseSensitive = ctx.conf.caseSensitive;
  const pushdown = ctx.conf.get("spark.sql.parquet.filterPushdown", "true") !== "false";
  // Errors that are not Spark's are wrapped by FileSourceScanExec into FAILED_READ_FILE naming
  // the file; a footer that does not read is Parquet's RuntimeException "... is not a Parquet
  // file" under FAILED_READ_FILE.NO_HINT, as Spark's reader raises it.
  const footer = await readFooter(path).catch((e: unknown) => {
    throw e instanceof SparkException && e.errorClass === "FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER" ? new Error(`${qualified(path)} is not a Parquet file: ${e.message.split("\n").at(-1) ?? ""}`) : e;
  });
  const groups = rowGroupsOf(footer, split);
  if (groups.length === 0) return;
  const fileSchema = sparkSchemaOf(footer.metadata, schemaOptions(ctx.conf));
  const byName = new Map(fileSchema.fields.map((f) => [caseSensitive ? f.name : f.name.toLowerCase(), f]));
  const cols = fileColumns(footer, caseSensitive);
  const statsColumns = new Map<string, { index: number; element: SchemaElement; type: DataType }>();
  for (const [k, c] of cols) {
    const f = byName.get(k);
    if (f !== undefined && c.node.children.length === 0) statsColumns.set(k, { index: c.firstLeaf, element: c.node.element, type: f.dataType });
  }
  // Decode each requested column as the file stores it, then widen it to the requested type.
  const decodeFields: StructField[] = req.requiredSchema.fields.map((f) => {
    const inFile = byName.get(caseSensitive ? f.name : f.name.toLowerCase());
    return inFile === undefined ? f : { name: f.name, dataType: inFile.dataType, nullable: true };
  });
  const physicalTypes = req.requiredSchema.fields.map((f) => cols.get(caseSensitive ? f.name : f.name.toLowerCase())?.node.element.type ?? "group");
  const fh = await open(path, "r");
  try {
    for (const g of groups) {
      if (ctx.signal.aborted) return;
      const rg = footer.metadata.row_groups[g]!;
      const numRows = Number(rg.num_rows);
      if (pushdown && req.filters.length > 0) {
        const lookup = rowGroupStats(rg, statsColumns, caseSensitive, footer.decimalStats?.get(g));
        if (!req.filters.every((f) => mightMatch(f, lookup, numRows))) continue;
      }
      const decoded = await readRowGroup(fh, footer, g, decodeFields, caseSensitive);
      const vectors: Vector[] = decoded.map((v, i) => widenVector(v, req.requiredSchema.fields[i]!, qualified(path), physicalTypes[i]!));
      for (let lo = 0; lo < numRows; lo += BATCH_SIZE) {
        const hi = Math.min(numRows, lo + BATCH_SIZE);
        const cols2 = lo === 0 && hi === numRows ? vectors : vectors.map((v) => sliceVector(v, lo, hi));
        yield makeBatch(req.requiredSchema, cols2, hi - lo);
      }
    }
  } finally {
    await fh.close();
  }
}

/**
 * Spark's Parquet source: the schema from the footers (the first file's, or all files merged
 * with `mergeSchema` / spark.sql.parquet.mergeSchema), splits of row groups by byte range,
 * projection (only the required columns' chunks are read and decoded) and row groups skipped
 * by their statistics against the pushed filters (spark.sql.parquet.filterPushdown).
 */
export const parquetFormat: FileFormat = {
  name: "parquet",
  displayName: "Parquet",
  async inferSchema(files: readonly FileStatus[], options: SourceOptions, ctx: FormatContext): Promise<StructType | undefined> {
    if (files.length === 0) return undefined;
    const merge = options.bool("mergeSchema", ctx.conf.get("spark.sql.parquet.mergeSchema", "false") === "true");
    const ignoreCorrupt = ignoreFilesOf(options, ctx.conf).corrupt;
    let schema: StructType | undefined;
    // Spark reads the first file's footer (every footer with mergeSchema); under
    // ignoreCorruptFiles a footer that does not read is left out, so a corrupt first file
    // leaves nothing to infer from (UNABLE_TO_INFER_SCHEMA), as in Spark
    for (const f of merge ? files : files.slice(0, 1)) {
      let footer: ParquetFooter;
      try {
        // A corrupt footer raises FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER naming the file.
        footer = await readFooter(f.path);
      } catch (e) {
        if (ignoreCorrupt && skipsFile(e, { corrupt: true, missing: false })) continue;
        throw e;
      }
      const s = sparkSchemaOf(footer.metadata, schemaOptions(ctx.conf));
      schema = schema === undefined ? s : mergeStructs(schema, s, ctx.conf.caseSensitive);
    }
    return schema === undefined ? undefined : (asNullable(schema) as StructType);
  },
  isSplittable(): boolean {
    return true;
  },
  supportBatch(schema: StructType, conf: SqlConf): boolean {
    // Spark's ParquetFileFormat.supportBatch: the vectorized reader (nested columns included,
    // Spark 4's default) unless whole-stage codegen would have too many fields.
    if (conf.get("spark.sql.parquet.enableVectorizedReader", "true") === "false") return false;
    const nested = conf.get("spark.sql.parquet.enableNestedColumnVectorizedReader", "true") !== "false";
    if (!nested && schema.fields.some((f) => f.dataType.kind === "struct" || f.dataType.kind === "array" || f.dataType.kind === "map")) return false;
    return leafFields(schema) <= Number(conf.get("spark.sql.codegen.maxFields", "100"));
  },
  read(split: FileSplit, req: ReadRequest, ctx: FormatContext): AsyncIterable<ColumnBatch> {
    return readSplit(split, req, ctx);
  },
  outputExtension(options: SourceOptions): string {
    return `${writeCodec(options.get("compression") ?? options.get("parquet.compression") ?? "snappy").extension}.parquet`;
  },
  checkWriteSchema(schema: StructType, options: SourceOptions): void {
    writeCodec(options.get("compression") ?? options.get("parquet.compression") ?? "snappy");
    for (const f of schema.fields) {
      const bad = unwritableType(f.dataType);
      if (bad !== undefined) {
        throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", { columnName: `\`${f.name}\``, columnType: `"${sqlTypeName(f.dataType)}"`, format: "Parquet" });
      }
    }
  },
  async createWriter(path: string, schema: StructType, options: SourceOptions, ctx: FormatContext): Promise<OutputWriter> {
    const blockSize = options.get("parquet.block.size");
    const w = await ParquetOutputWriter.create(path, schema, {
      compression: compressionOf(options, ctx),
      timestampOutput: timestampOutputOf(ctx),
      ...(blockSize !== undefined ? { rowGroupBytes: Math.max(1, options.int("parquet.block.size", 0)) } : {}),
    });
    return {
      write: (batch) => {
        w.write(batch);
        return Promise.resolve();
      },
      close: () => {
        w.close();
        return Promise.resolve();
      },
      abort: () => {
        w.abort();
        return Promise.resolve();
      },
    };
  },
};
