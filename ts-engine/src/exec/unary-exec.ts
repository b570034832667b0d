import type { ColumnBatch } from "../columnar/batch.js";
import type { StructType } from "../types/data-type.js";
import type { ExecContext } from "./exec-context.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { throwIfAborted } from "./util.js";

/**
 * The frame of an operator that maps each partition of its one child to one output partition
 * (Generate, Expand, the Python operators): its child, partition count and explain detail,
 * and the child's batches of a partition, checked for cancellation between batches. A
 * subclass gives its name and `execute`, which holds all of its per-run state.
 */
export abstract class UnaryExec implements ExecutionPlan {
  abstract readonly name: string;
  readonly children: readonly ExecutionPlan[];

  protected constructor(
    readonly child: ExecutionPlan,
    readonly schema: StructType,
    private readonly detail: string,
  ) {
    this.children = [child];
  }

  numPartitions(ctx: ExecContext): number {
    return this.child.numPartitions(ctx);
  }

  explainDetail(): string {
    return this.detail;
  }

  abstract execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch>;

  /** The child's batches of `partition`; the job's abort stops them between two batches. */
  protected async *input(partition: number, ctx: ExecContext): AsyncGenerator<ColumnBatch> {
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      yield b;
    }
  }
}
