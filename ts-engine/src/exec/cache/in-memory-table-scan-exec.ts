import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { sliceBatch } from "../../columnar/rows.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecutionPlan } from "../execution-plan.js";

/**
 * Reads a cached relation's partition (Spark's InMemoryTableScanExec): the batches the
 * scheduler sent with the task, narrowed to `columns` and cut into batches of BATCH_SIZE
 * rows. Nothing is copied: the vectors are views of the cache's own, in shared memory.
 */
export class InMemoryTableScanExec implements ExecutionPlan {
  readonly name = "InMemoryTableScan";
  readonly children: readonly ExecutionPlan[] = [];

  constructor(
    readonly schema: StructType,
    private readonly columns: readonly number[],
    private readonly partitions: number,
    private readonly read: (partition: number) => readonly ColumnBatch[],
    private readonly detail: string,
  ) {}

  numPartitions(): number {
    return this.partitions;
  }

  explainDetail(): string {
    return this.detail;
  }

  async *execute(partition: number): AsyncIterable<ColumnBatch> {
    for (const stored of this.read(partition)) {
      const b = makeBatch(
        this.schema,
        this.columns.map((c) => stored.columns[c]!),
        stored.numRows,
      );
      // stored chunks are large: operators get batches of the usual size, as views
      for (let s = 0; s < b.numRows; s += BATCH_SIZE) yield b.numRows <= BATCH_SIZE ? b : sliceBatch(b, s, Math.min(b.numRows, s + BATCH_SIZE));
    }
  }
}
