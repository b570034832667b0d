import type { ColumnBatch } from "../columnar/batch.js";
import { sliceBatch } from "../columnar/rows.js";
import type { ExecContext } from "../exec/exec-context.js";
import { runPhysicalPartitions } from "../exec/scheduler/dag-scheduler.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { pythonRunnerOf } from "../python/default-runner.js";
import type { RowsChunk } from "../python/python-runner.js";
import { preparePlans } from "./query-engine.js";
import { pythonRunOptions } from "../exec/python/python-run-options.js";

/** Rows per chunk sent to Python: a chunk's Rows are all that a worker holds at once. */
export const FOREACH_CHUNK_ROWS = 4096;

/** A partition's batches cut into chunks of at most FOREACH_CHUNK_ROWS rows. */
async function* chunksOf(batches: AsyncIterable<ColumnBatch>): AsyncGenerator<RowsChunk> {
  for await (const b of batches) {
    for (let s = 0; s < b.numRows; s += FOREACH_CHUNK_ROWS) {
      const part = sliceBatch(b, s, s + FOREACH_CHUNK_ROWS);
      yield { columns: part.columns, numRows: part.numRows };
    }
  }
}

/**
 * `df.foreach(f)` (perRow) / `df.foreachPartition(f)`: the plan runs as for a collect, but
 * each result partition's batches stream, chunk by chunk as Python reads them, to a Python
 * worker that calls `f` (PySpark runs them over `df.rdd`, one task per partition). Neither
 * the client nor the engine gathers the frame: only the partitions being consumed are held.
 * A root limit is one partition, as Spark's CollectLimit gives df.rdd. A partition whose
 * Python worker dies runs again (spark.task.maxFailures, as Spark retries a lost task).
 * `onAccumulators` gets each partition's accumulator updates once its function returned
 * (a lost attempt's updates never arrive, as in Spark).
 */
export async function foreachQuery(plan: ParsedPlan, func: Uint8Array, perRow: boolean, ctx: ExecContext, onAccumulators?: (blob: Uint8Array) => void): Promise<void> {
  const { schema, physical } = await preparePlans(plan, ctx);
  const fields = schema.fields;
  const runner = pythonRunnerOf(ctx.services);
  const opts = { ...pythonRunOptions(ctx), ...(onAccumulators === undefined ? {} : { onAccumulators }) };
  const names = fields.map((f) => f.name);
  const types = fields.map((f) => f.dataType);
  const run = (splitIndex: number, batches: AsyncIterable<ColumnBatch>): Promise<void> =>
    runner.foreachPartition({ func, perRow, splitIndex, names, types }, chunksOf(batches), opts);
  await runPhysicalPartitions(physical, ctx, run);
}
