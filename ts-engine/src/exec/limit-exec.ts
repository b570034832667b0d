import type { ColumnBatch } from "../columnar/batch.js";
import { sliceBatch } from "../columnar/rows.js";
import type { ExecContext } from "./exec-context.js";
import type { StructType } from "../types/data-type.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { throwIfAborted } from "./util.js";

/**
 * The first `n` rows of each partition, stopping the input as soon as it has them.
 * Spark's LocalLimit; a GlobalLimit is the same over the single partition an exchange
 * made, and CollectLimit the same per partition with the collector stopping at n.
 */
export class LimitExec implements ExecutionPlan {
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    readonly n: number,
    readonly name: string,
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
    return ` ${this.n}`;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    let left = this.n;
    if (left <= 0) return;
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      if (b.numRows >= left) {
        yield sliceBatch(b, 0, left);
        return;
      }
      left -= b.numRows;
      yield b;
    }
  }
}
