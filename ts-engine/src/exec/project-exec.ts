import { makeBatch, type ColumnBatch } from "../columnar/batch.js";
import type { Vector } from "../columnar/vector.js";
import type { ExecContext } from "./exec-context.js";
import { evaluate } from "../expr/eval/evaluate.js";
import type { Expr } from "../expr/expr.js";
import type { StructType } from "../types/data-type.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { evalContextOf, stripAlias, throwIfAborted } from "./util.js";

/** Computes one output column per bound expression, a whole batch per call. */
export class ProjectExec implements ExecutionPlan {
  readonly name = "Project";
  readonly children: readonly ExecutionPlan[];
  private readonly values: readonly Expr[];

  constructor(
    readonly child: ExecutionPlan,
    exprs: readonly Expr[],
    readonly schema: StructType,
    private readonly detail: string,
  ) {
    this.children = [child];
    this.values = exprs.map(stripAlias);
  }

  numPartitions(ctx: ExecContext): number {
    return this.child.numPartitions(ctx);
  }

  explainDetail(): string {
    return this.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const base = evalContextOf(ctx);
    let rowOffset = 0;
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      // Nondeterministic functions (rand, monotonically_increasing_id) read the batch's position.
      const ectx = { ...base, partition: { index: partition, rowOffset } };
      rowOffset += b.numRows;
      const cols: Vector[] = this.values.map((e) =>
        e.kind === "BoundRef" ? b.columns[e.ordinal]! : evaluate(e, b, ectx),
      );
      yield makeBatch(this.schema, cols, b.numRows);
    }
  }
}
