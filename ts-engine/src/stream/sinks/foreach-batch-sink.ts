import type { ExecContext } from "../../exec/exec-context.js";
import type { ParsedPlan } from "../../plan/parsed-plan.js";
import type { StructType } from "../../types/data-type.js";
import type { ClientChannel, StreamSink } from "./stream-sink.js";

/** Keeps a plan's rows in the engine for the session (engine/checkpoint-query's checkpointQuery). */
export type KeepRows = (plan: ParsedPlan, ctx: ExecContext) => Promise<{ readonly checkpointId: string; readonly schema: StructType }>;

/**
 * `writeStream.foreachBatch(f)` (and `foreach`, which the client runs as one): the batch's rows
 * are kept in the engine, and the client calls `f(df, batchId)` in its own interpreter with a
 * DataFrame over them (Spark's ForeachBatchSink); the batch commits once `f` returned, and an
 * error in `f` stops the query.
 */
export class ForeachBatchSink implements StreamSink {
  readonly description = "ForeachBatchSink";

  constructor(private readonly keep: KeepRows, private readonly channel: ClientChannel, private readonly toWireSchema: (s: StructType) => unknown) {}

  supports(): boolean {
    return true;
  }

  async addBatch(batchId: number, plan: ParsedPlan, _mode: unknown, ctx: ExecContext): Promise<number> {
    const kept = await this.keep(plan, ctx);
    try {
      await this.channel.deliver({ kind: "foreachBatch", batchId, checkpointId: kept.checkpointId, schema: this.toWireSchema(kept.schema) }, ctx.signal);
    } finally {
      // the batch's rows live as long as the call, as Spark's batch DataFrame
      await ctx.checkpoints?.free(kept.checkpointId);
    }
    return -1;
  }
}
