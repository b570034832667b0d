import type { ExecContext } from "../exec/exec-context.js";
import { InternalError } from "../errors/spark-exception.js";
import { physicalPlanLines } from "../exec/explain.js";
import { estimatedSize } from "../exec/size-estimate.js";
import { StorageLevel } from "../plan/storage-level.js";
import type { ParsedLocalRelation, ParsedPlan } from "../plan/parsed-plan.js";
import type { StructType } from "../types/data-type.js";
import { executeQuery, preparePlans } from "./query-engine.js";

let nextCheckpoint = 0;

/** What a checkpoint gives the client: its id and the frame's schema. */
export interface CheckpointResult {
  /** The saved rows' id: the new frame's plan is a LocalRelation naming it (`checkpointRelation`). */
  readonly checkpointId: string;
  readonly schema: StructType;
}

/** The plan of a checkpointed frame: an empty LocalRelation naming the rows saved in the engine. */
export function checkpointRelation(r: CheckpointResult): ParsedLocalRelation {
  return { kind: "LocalRelation", schema: r.schema, rows: [], checkpointId: r.checkpointId };
}

/**
 * `df.checkpoint(eager)` / `localCheckpoint(eager)`: the frame's rows are kept in the engine
 * (an entry of its cache, at MEMORY_AND_DISK, which only the session's end frees), and the new
 * frame reads them with its lineage cut, as Spark's LogicalRDD over the checkpointed RDD.
 * Eager runs the plan now; otherwise the first action that reads the new frame does (its
 * partitions are the plan's result partitions, counted once it ran). Both
 * kinds are kept the same way (the engine has no reliable storage apart from its own).
 */
export async function checkpointQuery(plan: ParsedPlan, eager: boolean, ctx: ExecContext): Promise<CheckpointResult> {
  const cache = ctx.services.cache;
  const checkpoints = ctx.checkpoints;
  if (cache === undefined || checkpoints === undefined) throw new InternalError("this engine keeps no checkpoints");
  const { output, schema, optimized, physical, notes } = await preparePlans(plan, ctx);
  const checkpointId = `checkpoint-${nextCheckpoint++}`;
  const result: CheckpointResult = { checkpointId, schema };
  const entry = cache.register({
    parsed: checkpointRelation(result),
    output,
    schema,
    level: StorageLevel.MEMORY_AND_DISK,
    physical,
    planLines: physicalPlanLines(physical),
    sizeInBytes: estimatedSize(optimized),
    notes,
    checkpointId,
  });
  checkpoints.add(cache, entry.id);
  if (eager) {
    // reading the new frame once materialises the entry (every partition, on the workers)
    const { batches } = await executeQuery({ kind: "Aggregate", input: checkpointRelation(result), groupBy: [], aggs: [] }, ctx);
    for await (const _ of batches);
  }
  return result;
}
