import type { ParsedPlan } from "../../plan/parsed-plan.js";
import type { StructType } from "../../types/data-type.js";

/**
 * A streaming source (Spark's SparkDataStream with SupportsAdmissionControl): it says how far
 * the data goes, and turns an offset range into an ordinary batch plan. Offsets are JSON texts,
 * as they stand in the checkpoint's offsets log; `undefined` is "before the first row".
 */
export interface StreamSource {
  /** What progress reports and explain call it (`FileStreamSource[file:/in]`, `RateStreamV2[…]`). */
  readonly description: string;
  readonly schema: StructType;
  /**
   * The end offset of the next batch after `start`: what is available now, cut by the source's
   * per-trigger limit when `capped` (maxFilesPerTrigger, rowsPerBatch). Equal to `start` (or
   * undefined) when nothing new is there.
   */
  nextOffset(start: string | undefined, capped: boolean): Promise<string | undefined>;
  /** Trigger.AvailableNow: later batches never go past what is available at this call. */
  freezeAvailable(): Promise<void>;
  /** Whether AvailableNow runs a single batch (sources that are never exhausted, as the rate sources). */
  readonly endless: boolean;
  /** The rows in (start, end] as a batch plan (its output is `schema`). */
  planBatch(start: string | undefined, end: string): Promise<ParsedPlan>;
}

/** A batch without rows (no new files). */
export function emptyRelation(schema: StructType): ParsedPlan {
  return { kind: "LocalRelation", schema, rows: [] };
}
