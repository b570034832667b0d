import type { ColumnBatch } from "../../columnar/batch.js";
import type { ExecContext } from "../exec-context.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { mergeUnordered } from "./merge-streams.js";

/**
 * Brings all partitions of its child into one (local execution's shuffle): the child's
 * partitions run concurrently, up to the engine's parallelism, and their batches are
 * interleaved. `detail` is what explain prints (e.g. `hashpartitioning(k#1, 200)`).
 */
export class ExchangeExec implements ExecutionPlan {
  readonly name = "Exchange";
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    private readonly detail: string,
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
    return this.detail;
  }

  execute(_partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const n = this.child.numPartitions(ctx);
    return mergeUnordered(n, (i) => this.child.execute(i, ctx), Math.max(1, ctx.services.parallelism));
  }
}

/** All batches of every partition of `plan`, run concurrently (for operators that need their whole input). */
export async function collectAll(plan: ExecutionPlan, ctx: ExecContext): Promise<ColumnBatch[]> {
  const out: ColumnBatch[] = [];
  const n = plan.numPartitions(ctx);
  for await (const b of mergeUnordered(n, (i) => plan.execute(i, ctx), Math.max(1, ctx.services.parallelism))) {
    out.push(b);
  }
  return out;
}
