import type { ColumnBatch } from "../columnar/batch.js";
import { sliceBatch } from "../columnar/rows.js";
import type { ExecContext } from "./exec-context.js";
import type { StructType } from "../types/data-type.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { throwIfAborted } from "./util.js";

/**
 * The first `n` rows of each partition (all of them when n is -1), stopping the input as soon
 * as it has them, of which the first `skip` are dropped. Spark's LocalLimit; a GlobalLimit is
 * the same over the single partition an exchange made (skipping its offset), and CollectLimit
 * the same per partition with the collector stopping at n and skipping the offset.
 */
export class LimitExec implements ExecutionPlan {
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    readonly n: number,
    readonly name: string,
    readonly skip = 0,
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
    let left = this.n < 0 ? Number.POSITIVE_INFINITY : this.n;
    let skip = this.skip;
    if (left <= 0) return;
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      const take = Math.min(b.numRows, left);
      left -= take;
      const from = Math.min(skip, take);
      skip -= from;
      if (from < take) yield from === 0 && take === b.numRows ? b : sliceBatch(b, from, take);
      if (left <= 0) return;
    }
  }
}
