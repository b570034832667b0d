import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AnalysisException, IllegalArgumentException, SparkException } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import { checkpointQuery } from "../engine/checkpoint-query.js";
import { analyzeWithCachedData, executeQuery, resolveSources, showQuery } from "../engine/query-engine.js";
import { saveToPath } from "../engine/save-to-path.js";
import { createTempView } from "../engine/sql-runner.js";
import { pathNotSpecified, streamingSourceName, streamingSourceSchema, streamSourcePath, STREAM_FILE_FORMATS } from "../engine/streaming-schema.js";
import { hasStreamingAggregation, hasStreamingSort, hasStreamingWatermark, streamingSources, type StreamingSourceNode } from "../plan/streaming-sources.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { schemaOf } from "../plan/output.js";
import type { StructType } from "../types/data-type.js";
import { encodeStructType } from "../types/type-json.js";
import { MetadataLog } from "./checkpoint/metadata-log.js";
import { StreamCheckpoint } from "./checkpoint/stream-checkpoint.js";
import { MicroBatchExecution } from "./micro-batch.js";
import { parseOutputMode, type OutputMode } from "./output-mode.js";
import type { StreamingQueryManager } from "./query-manager.js";
import { ConsoleSink } from "./sinks/console-sink.js";
import { FileStreamSink } from "./sinks/file-stream-sink.js";
import { ForeachBatchSink } from "./sinks/foreach-batch-sink.js";
import { MemorySink, rowCollector } from "./sinks/memory-sink.js";
import type { ClientChannel, StreamSink } from "./sinks/stream-sink.js";
import { durationMs } from "./sources/duration.js";
import { FileStreamSource } from "./sources/file-stream-source.js";
import { RatePerMicroBatchSource, RateSource } from "./sources/rate-source.js";
import { optionOf, type StreamOptions } from "./sources/stream-options.js";
import type { StreamSource } from "./sources/stream-source.js";
import type { Trigger } from "./trigger.js";

/** `df.writeStream` as the client built it (bridge/PROTOCOL.md, "stream"). */
export interface WriteStreamSpec {
  /** The sink's format: console, memory, parquet, json, csv, text, foreachBatch (foreach runs as foreachBatch in the client). */
  readonly format: string;
  readonly outputMode: string | undefined;
  /** `{kind}`: default, processingTime (with `interval`), once, availableNow, continuous. */
  readonly trigger: { readonly kind: string; readonly interval?: string };
  readonly options: StreamOptions;
  readonly queryName: string | undefined;
  readonly partitionBy: readonly string[];
}

/** What starting a query needs from the server: contexts for its batches and the client's end. */
export interface StartDeps {
  readonly ctx: ExecContext;
  readonly context: (signal: AbortSignal) => ExecContext;
  readonly channel: ClientChannel;
  readonly manager: StreamingQueryManager;
}

function parseTrigger(t: WriteStreamSpec["trigger"], plan: ParsedPlan): Trigger {
  switch (t.kind) {
    case "default":
      return { kind: "default" };
    case "once":
      return { kind: "once" };
    case "availableNow":
      return { kind: "availableNow" };
    case "processingTime": {
      const ms = durationMs(t.interval ?? "0");
      if (ms < 0) throw new IllegalArgumentException("Interval cannot be negative");
      return ms === 0 ? { kind: "default" } : { kind: "processingTime", intervalMs: ms };
    }
    case "continuous": {
      const first = streamingSources(plan)[0];
      throw new AnalysisException("_LEGACY_ERROR_TEMP_3103", { msg: `Continuous processing does not support StreamingRelation operations.;\n${first === undefined ? "" : streamingSourceName(first)}` });
    }
    default:
      throw new IllegalArgumentException(`Unknown trigger ${t.kind}`);
  }
}

/** Spark's UnsupportedOperationChecker.checkForStreaming, for what this engine runs. */
function checkOutputMode(plan: ParsedPlan, mode: OutputMode): void {
  const aggregated = hasStreamingAggregation(plan);
  if (mode === "append" && aggregated) {
    throw new AnalysisException("STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION", { outputMode: "append", operation: "streaming aggregations without watermark" });
  }
  if (mode === "complete" && !aggregated) {
    throw new AnalysisException("STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION", { outputMode: "complete", operation: "no streaming aggregations" });
  }
  if (hasStreamingSort(plan) && !(aggregated && mode === "complete")) {
    throw new AnalysisException("_LEGACY_ERROR_TEMP_3102", { msg: "Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode;" });
  }
}

async function makeSource(node: StreamingSourceNode, index: number, checkpoint: StreamCheckpoint, ctx: ExecContext): Promise<StreamSource> {
  const format = node.format.toLowerCase();
  const log = new MetadataLog(checkpoint.sourceDir(index));
  const partitions = ctx.services.parallelism;
  if (format === "rate") return new RateSource(node.options, partitions, log);
  if (format === "rate-micro-batch") return new RatePerMicroBatchSource(node.options, partitions);
  if (!STREAM_FILE_FORMATS.has(format)) throw new AnalysisException("DATA_SOURCE_NOT_FOUND", { provider: node.format });
  return new FileStreamSource(format, streamSourcePath(node), await streamingSourceSchema(node, ctx), node.options, log);
}

/** The rows of `plan` counted by running it (a batch's input rows). */
async function countRows(plan: ParsedPlan, ctx: ExecContext): Promise<number> {
  if (plan.kind === "LocalRelation") return plan.rows.length;
  const res = await executeQuery(plan, ctx);
  let n = 0;
  for await (const b of res.batches) n += b.numRows;
  return n;
}

async function makeSink(spec: WriteStreamSpec, schema: StructType, checkpoint: StreamCheckpoint, mode: OutputMode, deps: StartDeps): Promise<StreamSink> {
  const format = spec.format.toLowerCase();
  switch (format) {
    case "memory": {
      if (spec.queryName === undefined) throw new AnalysisException("_LEGACY_ERROR_TEMP_1194");
      if (mode !== "complete" && (await checkpoint.hasOffsets())) {
        throw new AnalysisException("_LEGACY_ERROR_TEMP_1299", { checkpointPath: path.join(checkpoint.dir, "offsets") });
      }
      const sink = new MemorySink(spec.queryName, schema, (name, plan, ctx) => createTempView(name, plan, { global: false, replace: true, capture: false }, ctx), rowCollector(executeQuery));
      sink.start(deps.ctx);
      return sink;
    }
    case "console":
      return new ConsoleSink(spec.options, showQuery, deps.channel);
    case "foreachbatch":
      return new ForeachBatchSink((plan, ctx) => checkpointQuery(plan, true, ctx), deps.channel, encodeStructType);
    default: {
      if (!STREAM_FILE_FORMATS.has(format)) throw new AnalysisException("DATA_SOURCE_NOT_FOUND", { provider: spec.format });
      const out = optionOf(spec.options, "path");
      if (out === undefined) throw pathNotSpecified();
      const sink = new FileStreamSink(format, out, spec.options.filter(([k]) => !["path", "checkpointlocation"].includes(k.toLowerCase())), spec.partitionBy, (plan, f, dir, options, partitionBy, ctx) =>
        saveToPath(plan, { format: f, path: dir, mode: "overwrite", options, partitionBy }, ctx),
      );
      if (!sink.supports(mode)) throw sink.unsupported(mode);
      return sink;
    }
  }
}

/** Sinks that may run on a temporary checkpoint (Spark's useTempCheckpointLocation). */
const TEMP_CHECKPOINT_SINKS = new Set(["memory", "console", "foreachbatch"]);

/**
 * The checkpoint directory: the option, else spark.sql.streaming.checkpointLocation/<name>, else
 * (memory, console, foreachBatch only) a temporary one.
 */
async function checkpointDir(spec: WriteStreamSpec, ctx: ExecContext): Promise<string> {
  const own = optionOf(spec.options, "checkpointLocation");
  if (own !== undefined) return path.resolve(own.replace(/^file:(\/\/)?/, ""));
  const root = ctx.conf.get("spark.sql.streaming.checkpointLocation");
  if (root !== undefined && root.length > 0) return path.join(path.resolve(root), spec.queryName ?? randomUUID());
  if (!TEMP_CHECKPOINT_SINKS.has(spec.format.toLowerCase())) throw new AnalysisException("_LEGACY_ERROR_TEMP_1298", {});
  return mkdtemp(path.join(tmpdir(), "temporary-"));
}

/**
 * `df.writeStream...start()`: checks the plan, output mode and trigger as Spark's
 * DataStreamWriter and StreamingQueryManager do, opens the checkpoint (its query id kept across
 * restarts, a new runId each start), and starts the query in the background.
 */
export async function startStreamingQuery(plan: ParsedPlan, spec: WriteStreamSpec, deps: StartDeps): Promise<MicroBatchExecution> {
  const { ctx } = deps;
  const nodes = streamingSources(plan);
  if (nodes.length === 0) throw new AnalysisException("_LEGACY_ERROR_TEMP_3103", { msg: "'writeStream' can be called only on streaming Dataset/DataFrame" });
  const trigger = parseTrigger(spec.trigger, plan);
  if (hasStreamingWatermark(plan)) {
    throw new SparkException("UnsupportedOperationException", "UNSUPPORTED_FEATURE.STREAMING_WATERMARK", {});
  }
  const mode = parseOutputMode(spec.outputMode ?? "append");
  checkOutputMode(plan, mode);
  const schema = schemaOf(analyzeWithCachedData(await resolveSources(plan, ctx), ctx));
  const sinkFormat = spec.format.toLowerCase();
  if (!STREAM_FILE_FORMATS.has(sinkFormat) && !TEMP_CHECKPOINT_SINKS.has(sinkFormat)) throw new AnalysisException("DATA_SOURCE_NOT_FOUND", { provider: spec.format });
  if (STREAM_FILE_FORMATS.has(sinkFormat) && optionOf(spec.options, "path") === undefined) throw pathNotSpecified();
  const dir = await checkpointDir(spec, ctx);
  const checkpoint = new StreamCheckpoint(dir);
  const sink = await makeSink(spec, schema, checkpoint, mode, deps);
  const id = await checkpoint.queryId(randomUUID());
  deps.manager.checkCanStart(id, spec.queryName);
  const sources: StreamSource[] = [];
  for (let i = 0; i < nodes.length; i++) sources.push(await makeSource(nodes[i]!, i, checkpoint, ctx));
  const conf: Record<string, string> = {
    "spark.sql.shuffle.partitions": ctx.conf.get("spark.sql.shuffle.partitions") ?? "200",
    "spark.sql.session.timeZone": ctx.conf.get("spark.sql.session.timeZone") ?? "UTC",
  };
  const q = new MicroBatchExecution({
    id,
    runId: randomUUID(),
    name: spec.queryName,
    plan,
    sources,
    sink,
    mode,
    trigger,
    checkpoint,
    context: deps.context,
    countRows,
    collectRows: rowCollector(executeQuery),
    conf,
    onTerminated: (done) => deps.manager.terminated(done),
  });
  deps.manager.add(q);
  return q;
}

/** A failure of the user's foreachBatch function, as Spark wraps it. */
export function foreachBatchFailed(reason: string, traceback: string | undefined): SparkException {
  // as PySpark's message: the Python traceback is the reason's "Return Message"
  const text = traceback === undefined ? reason : `An exception was raised by the Python Proxy. Return Message: ${traceback}`;
  return new SparkException("PythonException", "FOREACH_BATCH_USER_FUNCTION_ERROR", { reason: text });
}
