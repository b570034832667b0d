import { AnalysisException, IllegalArgumentException, SparkException } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import { relationSchema, resolveFileSource } from "../io/file-source.js";
import { RATE_SCHEMA, streamingSources, type StreamingSourceNode } from "../plan/streaming-sources.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { StringType, structField, structType, type StructType } from "../types/data-type.js";
import { inferSplitsAsTasks } from "./infer-schema-tasks.js";

/** The file formats a streaming file source reads. */
export const STREAM_FILE_FORMATS: ReadonlySet<string> = new Set(["csv", "json", "parquet", "text", "orc"]);

/** Spark's error for a file source or sink without a path. */
export function pathNotSpecified(): SparkException {
  return new SparkException("IllegalArgumentException", "_LEGACY_ERROR_TEMP_2047", {});
}

/** The path a streaming file source watches (its one path, or the `path` option). */
export function streamSourcePath(node: StreamingSourceNode): string {
  const p = node.paths[0] ?? node.options.find(([k]) => k.toLowerCase() === "path")?.[1];
  if (p === undefined) throw pathNotSpecified();
  return p;
}

/**
 * The schema of a streaming source, as Spark's DataSource.sourceSchema gives it at
 * `readStream...load()`: fixed for rate and text; for the other file formats the user's,
 * or (spark.sql.streaming.schemaInference) inferred from the files already there.
 */
export async function streamingSourceSchema(node: StreamingSourceNode, ctx: ExecContext): Promise<StructType> {
  const format = node.format.toLowerCase();
  if (format === "rate" || format === "rate-micro-batch") {
    if (node.schema !== undefined) throw new SparkException("UnsupportedOperationException", "_LEGACY_ERROR_TEMP_2242", { provider: format === "rate" ? "RateStreamProvider" : "RatePerMicroBatchProvider" });
    return RATE_SCHEMA;
  }
  if (!STREAM_FILE_FORMATS.has(format)) throw new AnalysisException("DATA_SOURCE_NOT_FOUND", { provider: node.format });
  if (format === "text") return node.schema ?? structType([structField("value", StringType)]);
  if (node.schema !== undefined) return node.schema;
  if (!ctx.conf.getBoolean("spark.sql.streaming.schemaInference")) {
    throw new SparkException("IllegalArgumentException", "_LEGACY_ERROR_TEMP_2048");
  }
  const relation = await resolveFileSource(
    { format, paths: [streamSourcePath(node)], options: node.options },
    { conf: ctx.conf, timeZone: ctx.conf.get("spark.sql.session.timeZone") ?? "UTC", signal: ctx.signal, inferSplits: (f, files, options) => inferSplitsAsTasks(f, files, options, ctx) },
  );
  return relationSchema(relation);
}

/** How explain and errors name a streaming source (Spark's StreamingRelation's string: `FileSource[/in]`). */
export function streamingSourceName(node: StreamingSourceNode): string {
  const format = node.format.toLowerCase();
  if (STREAM_FILE_FORMATS.has(format)) return `FileSource[${node.paths[0] ?? ""}]`;
  return format;
}

/** A batch action over a streaming frame fails as in Spark (UnsupportedOperationChecker.checkForBatch). */
export function checkNotStreaming(plan: ParsedPlan): void {
  const sources = streamingSources(plan);
  if (sources.length === 0) return;
  throw new AnalysisException("_LEGACY_ERROR_TEMP_3102", { msg: `Queries with streaming sources must be executed with writeStream.start();\n${streamingSourceName(sources[0]!)}` });
}
