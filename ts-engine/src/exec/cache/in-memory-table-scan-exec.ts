import { makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecutionPlan } from "../execution-plan.js";

/**
 * Reads a cached relation's partition (Spark's InMemoryTableScanExec): the batches the
 * scheduler sent with the task, narrowed to `columns`. Nothing is copied: the vectors are
 * the cache's own, in shared memory.
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
    for (const b of this.read(partition)) {
      if (b.numRows === 0) continue;
      yield makeBatch(
        this.schema,
        this.columns.map((c) => b.columns[c]!),
        b.numRows,
      );
    }
  }
}
