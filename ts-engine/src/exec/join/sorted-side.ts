import type { ColumnBatch } from "../../columnar/batch.js";
import type { Vector } from "../../columnar/vector.js";
import { evaluate, type EvalContext } from "../../expr/eval/evaluate.js";
import type { Expr } from "../../expr/expr.js";

/**
 * One input of a merge join, sorted ascending on its keys: the current batch, its
 * evaluated key columns and the current row. Batches are pulled one at a time, so a
 * side is never held whole.
 */
export class SortedSide {
  batch: ColumnBatch | null = null;
  keys: readonly Vector[] = [];
  row = 0;
  private readonly it: AsyncIterator<ColumnBatch>;
  private ended = false;

  constructor(
    source: AsyncIterable<ColumnBatch>,
    private readonly keyExprs: readonly Expr[],
    private readonly ectx: EvalContext,
  ) {
    this.it = source[Symbol.asyncIterator]();
  }

  /** Moves to the next non-empty batch, row 0; false (and no batch) at the end. */
  async nextBatch(): Promise<boolean> {
    this.batch = null;
    this.keys = [];
    this.row = 0;
    while (!this.ended) {
      const r = await this.it.next();
      if (r.done === true) {
        this.ended = true;
        break;
      }
      if (r.value.numRows === 0) continue;
      this.batch = r.value;
      this.keys = this.keyExprs.map((k) => (k.kind === "BoundRef" ? r.value.columns[k.ordinal]! : evaluate(k, r.value, this.ectx)));
      return true;
    }
    return false;
  }

  /** Stops the input early (its sort frees its memory and spill files). */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.it.return?.();
  }
}
