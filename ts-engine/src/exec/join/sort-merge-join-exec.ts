import type { ColumnBatch } from "../../columnar/batch.js";
import type { Expr } from "../../expr/expr.js";
import type { JoinType } from "../../plan/logical-plan.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { executionMemory } from "../memory/memory-size.js";
import { MEMORY_POOL } from "../memory/memory-pool.js";
import { MergeJoinStream } from "./merge-join-stream.js";

/**
 * Spark's SortMergeJoin of one partition: both children are hash-partitioned on their
 * keys into the same partitions and sorted on them ascending (the planner puts a Sort,
 * which spills past the task's budget, over each exchange), so the join is a streaming
 * merge (merge-join-stream.ts) that holds one key's buffered rows at a time, and spills
 * even those past the budget. Every join type but cross (which has no keys).
 */
export class SortMergeJoinExec implements ExecutionPlan {
  readonly name = "SortMergeJoin";
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly left: ExecutionPlan,
    readonly right: ExecutionPlan,
    readonly joinType: JoinType,
    readonly leftKeys: readonly Expr[],
    readonly rightKeys: readonly Expr[],
    readonly residual: Expr | undefined,
    readonly schema: StructType,
    private readonly detail: string,
    /** The output columns the Project above reads (join-projection.ts); null: all. */
    private readonly used: readonly boolean[] | null = null,
  ) {
    this.children = [left, right];
  }

  numPartitions(ctx: ExecContext): number {
    return this.left.numPartitions(ctx);
  }

  explainDetail(): string {
    return this.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const memory = MEMORY_POOL.register("SortMergeJoin", executionMemory(ctx.conf));
    try {
      const spec = {
        joinType: this.joinType,
        leftKeys: this.leftKeys,
        rightKeys: this.rightKeys,
        residual: this.residual,
        leftSchema: this.left.schema,
        rightSchema: this.right.schema,
        schema: this.schema,
        used: this.used,
      };
      yield* new MergeJoinStream(spec, this.left.execute(partition, ctx), this.right.execute(partition, ctx), ctx, memory).run();
    } finally {
      memory.close();
    }
  }
}
