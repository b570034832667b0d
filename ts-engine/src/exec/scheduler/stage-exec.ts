import type { ColumnBatch } from "../../columnar/batch.js";
import type { ExecContext } from "../exec-context.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecutionPlan } from "../execution-plan.js";
import type { LogicalPlan } from "../../plan/logical-plan.js";
import type { Fragment } from "./fragment.js";

/**
 * The fragment with its LocalRelation leaf cut down to partition `p`'s rows (one
 * partition), so a worker is sent only the rows it scans; null when the leaf is not local.
 */
function localSlice(plan: LogicalPlan, p: number): LogicalPlan | null {
  switch (plan.kind) {
    case "LocalRelation": {
      const k = Math.max(1, plan.numPartitions ?? 1);
      const n = plan.rows.length;
      const rows = plan.rows.slice(Math.floor((p * n) / k), Math.floor(((p + 1) * n) / k));
      return { ...plan, rows, numPartitions: 1 };
    }
    case "Project":
    case "Filter":
    case "Aggregate": {
      const input = localSlice(plan.input, p);
      return input === null ? null : { ...plan, input };
    }
    default:
      return null;
  }
}

/**
 * A pipeline of narrow operators over leaf sources that may run on the worker pool: each
 * partition is sent to a worker as its plain-data `fragment`, or, without a pool (or for
 * small inputs), runs in-process through `child`. Transparent in explain output.
 */
export class StageExec implements ExecutionPlan {
  readonly name = "Stage";
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    readonly fragment: Fragment,
    /** Whether the stage is big enough to be worth a thread hop. */
    readonly parallel: boolean,
  ) {
    this.children = [child];
  }

  get schema(): StructType {
    return this.child.schema;
  }

  numPartitions(ctx: ExecContext): number {
    return this.child.numPartitions(ctx);
  }

  explainDetail(): string {
    return this.child.explainDetail();
  }

  execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const pool = ctx.services.workerPool;
    if (!this.parallel || pool === undefined || !pool.available) return this.child.execute(partition, ctx);
    const local = localSlice(this.fragment.plan, partition);
    if (local === null) return pool.run(this.fragment, partition, ctx);
    return pool.run({ ...this.fragment, plan: local }, 0, ctx);
  }
}
