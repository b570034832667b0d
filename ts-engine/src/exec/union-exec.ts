import type { ColumnBatch } from "../columnar/batch.js";
import { makeBatch } from "../columnar/batch.js";
import type { ExecContext } from "./exec-context.js";
import type { StructType } from "../types/data-type.js";
import type { ExecutionPlan } from "./execution-plan.js";

/** UNION ALL by position: the partitions of every child, one after another. */
export class UnionExec implements ExecutionPlan {
  readonly name = "Union";

  constructor(
    readonly children: readonly ExecutionPlan[],
    readonly schema: StructType,
  ) {}

  numPartitions(ctx: ExecContext): number {
    return this.children.reduce((s, c) => s + c.numPartitions(ctx), 0);
  }

  explainDetail(): string {
    return "";
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    let p = partition;
    for (const c of this.children) {
      const n = c.numPartitions(ctx);
      if (p < n) {
        for await (const b of c.execute(p, ctx)) yield makeBatch(this.schema, b.columns, b.numRows);
        return;
      }
      p -= n;
    }
  }
}
