import type { ColumnBatch } from "../../columnar/batch.js";
import type { ExecContext } from "../exec-context.js";
import type { SortOrder } from "../../expr/expr.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { executionMemory } from "../memory/memory-size.js";
import { MEMORY_POOL } from "../memory/memory-pool.js";
import { throwIfAborted } from "../util.js";
import { ExternalSorter } from "./external-sorter.js";

/**
 * Sorts each input partition (a global sort sits on an exchange that made one partition)
 * with an ExternalSorter: in memory while the task's budget allows, else in sorted runs
 * spilled to `spark.local.dir` and merged. Keys are bound SortOrders; the sort is stable
 * and yields to the event loop.
 */
export class SortExec implements ExecutionPlan {
  readonly name = "Sort";
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    readonly orders: readonly SortOrder[],
    private readonly detail: string,
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
    return this.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const memory = MEMORY_POOL.register("Sort", executionMemory(ctx.conf));
    const sorter = new ExternalSorter(this.schema, this.orders, ctx, memory);
    try {
      for await (const b of this.child.execute(partition, ctx)) {
        throwIfAborted(ctx);
        await sorter.insert(b);
      }
      throwIfAborted(ctx);
      yield* sorter.sorted();
    } finally {
      // Ends, fails or is cancelled (the consumer's return() lands here too): no spill file
      // outlives the task, and its memory goes back to the pool.
      await sorter.close();
      memory.close();
    }
  }
}
