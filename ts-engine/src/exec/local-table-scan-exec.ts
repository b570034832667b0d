import { BATCH_SIZE, type ColumnBatch } from "../columnar/batch.js";
import { rowsToBatch } from "../columnar/rows.js";
import type { ExecContext } from "./exec-context.js";
import type { StructType } from "../types/data-type.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { throwIfAborted, yieldToEventLoop } from "./util.js";

/**
 * Scans rows given with the plan (createDataFrame), split evenly over `slices` partitions.
 * With `slice` set, `rows` are only that partition's rows (what a task is sent).
 */
export class LocalTableScanExec implements ExecutionPlan {
  readonly name = "LocalTableScan";
  readonly children: readonly ExecutionPlan[] = [];

  constructor(
    readonly schema: StructType,
    readonly rows: readonly (readonly unknown[])[],
    readonly slices: number,
    private readonly detail: string,
    readonly slice?: number,
  ) {}

  numPartitions(): number {
    return this.slices;
  }

  explainDetail(): string {
    return this.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const n = this.rows.length;
    if (this.slice !== undefined && this.slice !== partition) return;
    const k = this.slice === undefined ? this.slices : 1;
    const q = this.slice === undefined ? partition : 0;
    const lo = Math.floor((q * n) / k);
    const hi = Math.floor(((q + 1) * n) / k);
    for (let s = lo; s < hi; s += BATCH_SIZE) {
      throwIfAborted(ctx);
      yield rowsToBatch(this.schema, this.rows.slice(s, Math.min(hi, s + BATCH_SIZE)));
      await yieldToEventLoop();
    }
  }
}
