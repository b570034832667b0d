/** One source's part of a progress report (Spark's SourceProgress). */
export interface SourceProgress {
  readonly description: string;
  readonly startOffset: unknown;
  readonly endOffset: unknown;
  readonly latestOffset: unknown;
  readonly numInputRows: number;
  readonly inputRowsPerSecond: number;
  readonly processedRowsPerSecond: number;
}

/** The phases a batch's durationMs reports, in Spark's (alphabetical) order. */
export interface BatchDurations {
  addBatch: number;
  commitOffsets: number;
  getBatch: number;
  latestOffset: number;
  queryPlanning: number;
  triggerExecution: number;
  walCommit: number;
}

/**
 * A finished batch's report (Spark's StreamingQueryProgress), with its JSON's keys in the
 * order Spark writes them; `eventTime` and `observedMetrics` only when there are any.
 */
export interface QueryProgress {
  readonly id: string;
  readonly runId: string;
  readonly name: string | null;
  readonly timestamp: string;
  readonly batchId: number;
  readonly batchDuration: number;
  readonly numInputRows: number;
  readonly inputRowsPerSecond: number;
  readonly processedRowsPerSecond: number;
  /** A batch's phases; an idle trigger's report has latestOffset and triggerExecution only. */
  readonly durationMs: BatchDurations | Pick<BatchDurations, "latestOffset" | "triggerExecution">;
  readonly eventTime?: Readonly<Record<string, string>>;
  readonly stateOperators: readonly unknown[];
  readonly sources: readonly SourceProgress[];
  readonly sink: { readonly description: string; readonly numOutputRows: number };
}

/** An offset as a report shows it: its JSON parsed, or null when none. */
export function offsetValue(offset: string | undefined): unknown {
  if (offset === undefined) return null;
  try {
    return JSON.parse(offset) as unknown;
  } catch {
    return offset;
  }
}

/** rows / seconds as Spark's reports compute it (0 for an empty interval). */
export function perSecond(rows: number, ms: number): number {
  return ms > 0 ? (rows * 1000) / ms : 0;
}
