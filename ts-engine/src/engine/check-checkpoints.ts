import type { ExecContext } from "../exec/exec-context.js";
import { SparkException } from "../errors/spark-exception.js";
import { parsedChildren } from "../plan/parsed-children.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";

/**
 * Fails a plan that reads a checkpoint whose rows are gone (its session stopped), as Spark
 * fails a local checkpoint whose blocks were lost, instead of reading it as no rows.
 */
export function checkCheckpoints(plan: ParsedPlan, ctx: ExecContext): void {
  if (plan.kind === "LocalRelation" && plan.checkpointId !== undefined && ctx.services.cache?.lookup(plan) === undefined) {
    throw new SparkException("SparkException", "CHECKPOINT_RDD_BLOCK_ID_NOT_FOUND", { rddBlockId: `rdd_${plan.checkpointId}` });
  }
  for (const c of parsedChildren(plan)) checkCheckpoints(c, ctx);
}
