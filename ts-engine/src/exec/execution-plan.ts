import type { ColumnBatch } from "../columnar/batch.js";
import type { StructType } from "../types/data-type.js";
import type { ExecContext } from "./exec-context.js";

/**
 * A physical operator: an immutable definition. `execute(partition, ctx)` returns a
 * fresh stream that holds all the state, so one plan can run many times and partitions
 * can run concurrently.
 */
export interface ExecutionPlan {
  /** Operator name as `explain()` prints it (e.g. "HashAggregate", "Project"). */
  readonly name: string;
  readonly schema: StructType;
  readonly children: readonly ExecutionPlan[];
  /** Number of output partitions; `execute` is called with 0 … n-1. */
  numPartitions(ctx: ExecContext): number;
  execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch>;
  /** The bracketed detail explain prints after the name, e.g. "[id#0L, (id#0L + 1) AS x#2L]". */
  explainDetail(): string;
}
