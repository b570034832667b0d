import { LongType, structField, structType, TimestampType, type StructType } from "../types/data-type.js";
import { mapParsedChildren, parsedChildren } from "./parsed-children.js";
import type { DataSource, ParsedPlan } from "./parsed-plan.js";

/** `timestamp TIMESTAMP, value LONG`: the schema of the rate sources (`rate`, `rate-micro-batch`). */
export const RATE_SCHEMA: StructType = structType([structField("timestamp", TimestampType), structField("value", LongType)]);

/** A streaming source of a plan: `readStream...load()`, a DataSource marked streaming. */
export type StreamingSourceNode = DataSource & { readonly isStreaming: true };

function isStreamingSource(p: ParsedPlan): p is StreamingSourceNode {
  return p.kind === "DataSource" && p.isStreaming === true;
}

/** The plan's streaming sources, depth first, left to right (the order of the offsets log's lines). */
export function streamingSources(plan: ParsedPlan): StreamingSourceNode[] {
  if (isStreamingSource(plan)) return [plan];
  return parsedChildren(plan).flatMap(streamingSources);
}

/** Whether the plan reads a streaming source (`df.isStreaming`). */
export function isStreamingPlan(plan: ParsedPlan): boolean {
  return streamingSources(plan).length > 0;
}

/** The plan with its streaming sources, in `streamingSources` order, replaced by `batches` (one micro-batch's plans). */
export function withBatchSources(plan: ParsedPlan, batches: readonly ParsedPlan[]): ParsedPlan {
  let next = 0;
  const go = (p: ParsedPlan): ParsedPlan => {
    if (isStreamingSource(p)) {
      const b = batches[next++];
      if (b === undefined) throw new Error("fewer batch plans than streaming sources");
      return b;
    }
    return mapParsedChildren(p, go);
  };
  return go(plan);
}

/** Whether a streaming source sits under an aggregation (Spark's streaming aggregation: groupBy, distinct). */
export function hasStreamingAggregation(plan: ParsedPlan): boolean {
  if ((plan.kind === "Aggregate" || plan.kind === "Distinct") && isStreamingPlan(plan)) return true;
  return parsedChildren(plan).some(hasStreamingAggregation);
}

/** Whether the plan sorts a stream (Sort over a streaming source). */
export function hasStreamingSort(plan: ParsedPlan): boolean {
  if (plan.kind === "Sort" && isStreamingPlan(plan)) return true;
  return parsedChildren(plan).some(hasStreamingSort);
}

/**
 * How many leading output columns of a streaming aggregation are its group keys: the
 * DataFrame groupBy(...).agg(...) at the top of the plan (through aliases and filters), which
 * puts its grouping columns first; undefined when the top is anything else.
 */
export function streamingGroupKeyCount(plan: ParsedPlan): number | undefined {
  switch (plan.kind) {
    case "SubqueryAlias":
    case "Filter":
    case "Hint":
      return streamingGroupKeyCount(plan.input);
    case "Aggregate":
      return plan.sqlSelect === true || plan.groupingAnalytics !== undefined || plan.pivot !== undefined ? undefined : plan.groupBy.length;
    default:
      return undefined;
  }
}

/** Whether a streaming plan sets an event-time watermark (df.withWatermark over a stream). */
export function hasStreamingWatermark(plan: ParsedPlan): boolean {
  if (plan.kind === "EventTimeWatermark" && isStreamingPlan(plan)) return true;
  return parsedChildren(plan).some(hasStreamingWatermark);
}
