import type { ColumnBatch } from "../../columnar/batch.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { coalescedRange } from "../physical-plan.js";

/** One input partition a coalesced task reads: the operators cut to it, and its number. */
export interface CoalescedPart {
  readonly partition: number;
  readonly exec: ExecutionPlan;
}

/**
 * `df.coalesce(n)` (Spark's CoalesceExec over a CoalescedRDD): output partition i streams
 * input partitions [i·m/n, (i+1)·m/n) one after another, in one task, with no shuffle.
 * A scheduled task is built with `parts`, its own input partitions' operators (each cut
 * to its partition); without them the input's partitions are read from `child`.
 */
export class CoalesceExec implements ExecutionPlan {
  readonly name = "Coalesce";
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    private readonly partitions: number,
    private readonly parts: readonly CoalescedPart[] | undefined,
  ) {
    this.children = [child];
  }

  get schema(): StructType {
    return this.child.schema;
  }

  numPartitions(ctx: ExecContext): number {
    // Spark never makes an RDD of no partitions here: coalesce(1) of nothing is one empty partition
    return Math.min(this.partitions, Math.max(1, this.child.numPartitions(ctx)));
  }

  explainDetail(): string {
    return ` ${this.partitions}`;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    if (this.parts !== undefined) {
      for (const p of this.parts) yield* p.exec.execute(p.partition, ctx);
      return;
    }
    const m = this.child.numPartitions(ctx);
    const { start, end } = coalescedRange(partition, m, this.numPartitions(ctx));
    for (let q = start; q < end; q++) yield* this.child.execute(q, ctx);
  }
}
