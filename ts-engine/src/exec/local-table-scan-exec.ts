import { BATCH_SIZE, type ColumnBatch } from "../columnar/batch.js";
import { rowsToBatch } from "../columnar/rows.js";
import type { ExecContext } from "./exec-context.js";
import type { StructType } from "../types/data-type.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { throwIfAborted, yieldToEventLoop } from "./util.js";

/** Scans rows given with the plan (createDataFrame), split evenly over `slices` partitions. */
export class LocalTableScanExec implements ExecutionPlan {
  readonly name = "LocalTableScan";
  readonly children: readonly ExecutionPlan[] = [];

  constructor(
    readonly schema: StructType,
    readonly rows: readonly (readonly unknown[])[],
    readonly slices: number,
    private readonly detail: string,
  ) {}

  numPartitions(): number {
    return this.slices;
  }

  explainDetail(): string {
    return this.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const n = this.rows.length;
    const lo = Math.floor((partition * n) / this.slices);
    const hi = Math.floor(((partition + 1) * n) / this.slices);
    for (let s = lo; s < hi; s += BATCH_SIZE) {
      throwIfAborted(ctx);
      yield rowsToBatch(this.schema, this.rows.slice(s, Math.min(hi, s + BATCH_SIZE)));
      await yieldToEventLoop();
    }
  }
}
