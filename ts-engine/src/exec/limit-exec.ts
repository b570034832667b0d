import type { ColumnBatch } from "../columnar/batch.js";
import { sliceBatch } from "../columnar/rows.js";
import type { ExecContext } from "./exec-context.js";
import type { StructType } from "../types/data-type.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { throwIfAborted } from "./util.js";

/**
 * Global limit: the first `n` rows in partition order (as Spark's CollectLimit). Reads the
 * child's partitions one after another and stops as soon as it has enough.
 */
export class LimitExec implements ExecutionPlan {
  readonly name = "CollectLimit";
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    readonly n: number,
  ) {
    this.children = [child];
  }

  get schema(): StructType {
    return this.child.schema;
  }

  numPartitions(): number {
    return 1;
  }

  explainDetail(): string {
    return ` ${this.n}`;
  }

  async *execute(_partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    let left = this.n;
    if (left <= 0) return;
    const parts = this.child.numPartitions(ctx);
    for (let p = 0; p < parts && left > 0; p++) {
      for await (const b of this.child.execute(p, ctx)) {
        throwIfAborted(ctx);
        if (b.numRows >= left) {
          yield sliceBatch(b, 0, left);
          left = 0;
          break;
        }
        left -= b.numRows;
        yield b;
      }
    }
  }
}
