import type { ExecContext } from "../../exec/exec-context.js";
import type { ParsedPlan } from "../../plan/parsed-plan.js";
import type { OutputMode } from "../output-mode.js";

/**
 * Where a streaming query's batches go (Spark's Sink/StreamingWrite): `addBatch` runs the
 * batch plan and commits its rows. A sink that already committed `batchId` (a replay after a
 * restart) must not write it again.
 */
export interface StreamSink {
  /** What progress reports call it ("MemorySink", "FileSink[/out]"). */
  readonly description: string;
  /** The output modes it accepts; another fails the query's start. */
  supports(mode: OutputMode): boolean;
  /** Runs and commits batch `batchId`; the rows written (-1 where the sink does not count them). */
  addBatch(batchId: number, plan: ParsedPlan, mode: OutputMode, ctx: ExecContext): Promise<number>;
}

/** An event a sink hands to the client and waits on (console text to print, a foreachBatch call). */
export type ClientEvent =
  | { readonly kind: "console"; readonly batchId: number; readonly text: string }
  | { readonly kind: "foreachBatch"; readonly batchId: number; readonly checkpointId: string; readonly schema: unknown };

/**
 * The client's end of a running query: `deliver` resolves once the client handled the event,
 * and rejects with its error, or when `signal` (the batch's) aborts (the query was stopped,
 * perhaps from inside the client's own foreachBatch function).
 */
export interface ClientChannel {
  deliver(event: ClientEvent, signal: AbortSignal): Promise<void>;
}
