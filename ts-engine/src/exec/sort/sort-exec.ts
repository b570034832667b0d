import { BATCH_SIZE, type ColumnBatch } from "../../columnar/batch.js";
import { concatBatches } from "../../columnar/rows.js";
import { takeBatch } from "../../columnar/take.js";
import type { ExecContext } from "../exec-context.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { SortOrder } from "../../expr/expr.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { evalContextOf, throwIfAborted, yieldToEventLoop } from "../util.js";
import { sortPermutation } from "./sort-permutation.js";

/**
 * Sorts each input partition as a whole (a global sort sits on an exchange that made one
 * partition). Keys are bound SortOrders; the sort is stable and yields to the event loop.
 */
export class SortExec implements ExecutionPlan {
  readonly name = "Sort";
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    readonly orders: readonly SortOrder[],
    private readonly detail: string,
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
    return this.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const parts: ColumnBatch[] = [];
    for await (const b of this.child.execute(partition, ctx)) parts.push(b);
    throwIfAborted(ctx);
    const all = concatBatches(this.schema, parts);
    const ectx = evalContextOf(ctx);
    const keys = this.orders.map((o) => ({ values: evaluate(o.child, all, ectx), ascending: o.ascending, nullsFirst: o.nullsFirst }));
    const idx = await sortPermutation(keys, all.numRows, () => throwIfAborted(ctx));
    for (let s = 0; s < all.numRows; s += BATCH_SIZE) {
      throwIfAborted(ctx);
      const part = idx.subarray(s, Math.min(all.numRows, s + BATCH_SIZE));
      yield takeBatch(all, part);
      await yieldToEventLoop();
    }
  }
}
