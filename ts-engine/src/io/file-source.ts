import { AnalysisException } from "../errors/spark-exception.js";
import { structType, type StructType } from "../types/data-type.js";
import type { FileFormat, FormatContext } from "./file-format.js";
import type { FileStatus } from "./file-split.js";
import { listFiles, type FileIndex } from "./file-index.js";
import { fileFormat } from "./formats.js";
import { SourceOptions } from "./source-options.js";

/**
 * A read as the client wrote it (`spark.read.format(f).options(...).schema(s).load(paths)`):
 * Spark Connect's Read.DataSource.
 */
export interface FileSourceSpec {
  readonly format: string;
  readonly paths: readonly string[];
  readonly options: readonly (readonly [string, string])[];
  readonly userSchema?: StructType;
}

/**
 * A resolved file source (Spark's HadoopFsRelation): the files, and the schema as data
 * columns then partition columns. Plain data, so a plan holding it is structured-clonable.
 */
export interface FileSourceRelation {
  readonly format: string;
  readonly options: readonly (readonly [string, string])[];
  readonly index: FileIndex;
  readonly dataSchema: StructType;
  readonly partitionSchema: StructType;
  /** The catalog table read, as explain names it (`spark_catalog.default.t`); absent for a path's files. */
  readonly table?: string;
  /** A bucketed table's buckets (Spark's HadoopFsRelation.bucketSpec): its files are `…_0000N…` per bucket N. */
  readonly bucketSpec?: { readonly numBuckets: number; readonly bucketColumns: readonly string[] };
}

/** The relation's full schema: data columns, then partition columns (HadoopFsRelation.schema). */
export function relationSchema(r: FileSourceRelation): StructType {
  return structType([...r.dataSchema.fields, ...r.partitionSchema.fields]);
}

/** Inferred schemas by format, options and the files' paths, sizes and times (oldest dropped first). */
const INFERRED = new Map<string, StructType>();
const MAX_INFERRED = 256;

/**
 * The data schema of `files` as the format infers it: as tasks over the files' splits when
 * the format's inference is a fold over splits that reads the records and a scheduler is
 * there to run them (Spark infers CSV and JSON with an aggregate over the records' RDD), else
 * in-process.
 */
async function inferDataSchema(
  format: FileFormat,
  files: readonly FileStatus[],
  raw: readonly (readonly [string, string])[],
  options: SourceOptions,
  ctx: FormatContext,
): Promise<StructType | undefined> {
  const si = format.splitInference;
  if (si !== undefined && files.length > 0 && ctx.inferSplits !== undefined && si.readsRecords(options, ctx)) {
    return si.merge(await ctx.inferSplits(format.name, files, raw), options, ctx);
  }
  return format.inferSchema(files, options, ctx);
}

/**
 * Resolves a read as Spark's DataSource.resolveRelation does: lists the paths (PATH_NOT_FOUND
 * for a missing one), discovers partitions, and takes the user's schema (partition columns
 * it names keep its types) or infers the data schema from the files (UNABLE_TO_INFER_SCHEMA
 * when the format cannot, e.g. no files). Inferred data columns that are also partition
 * columns are dropped: the directory value wins, as in Spark.
 */
export async function resolveFileSource(spec: FileSourceSpec, ctx: FormatContext): Promise<FileSourceRelation> {
  const format = fileFormat(spec.format);
  const options = new SourceOptions(spec.options);
  const index = await listFiles(spec.paths, options, spec.userSchema, ctx.timeZone);
  const isPartition = (name: string): boolean => index.partitionSchema.fields.some((p) => p.name.toLowerCase() === name.toLowerCase());
  let data: StructType | undefined = spec.userSchema;
  if (data === undefined) {
    // the same files read the same way infer the same schema: every request of a DataFrame
    // resolves its sources again, and inference reads the data, so it is remembered
    // (the format's session settings are part of the key: spark.sql.parquet.binaryAsString changes the schema)
    const settings = ctx.conf.entries().filter(([k]) => k.startsWith(`spark.sql.${format.name}.`) || k === "spark.sql.caseSensitive");
    const key = JSON.stringify([format.name, spec.options, settings, index.files.map((f) => [f.path, f.size, f.modificationTime])]);
    data = INFERRED.get(key);
    if (data === undefined) {
      data = await inferDataSchema(format, index.files, spec.options, options, ctx);
      if (data === undefined) throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", { format: format.displayName });
      if (INFERRED.size >= MAX_INFERRED) INFERRED.delete(INFERRED.keys().next().value!);
      INFERRED.set(key, data);
    }
  }
  const dataSchema = structType(data.fields.filter((f) => !isPartition(f.name)));
  return { format: format.name, options: spec.options, index, dataSchema, partitionSchema: index.partitionSchema };
}
