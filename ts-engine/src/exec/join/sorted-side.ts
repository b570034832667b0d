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
  /** Batches read ahead (readAhead) and not yet visited: nextBatch takes these first. */
  private readonly ahead: ColumnBatch[] = [];

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
    const b = this.ahead.shift() ?? (await this.pull());
    if (b === null) return false;
    this.batch = b;
    this.keys = this.keysOf(b);
    return true;
  }

  /** The key columns of one of this side's batches. */
  keysOf(b: ColumnBatch): Vector[] {
    return this.keyExprs.map((k) => (k.kind === "BoundRef" ? b.columns[k.ordinal]! : evaluate(k, b, this.ectx)));
  }

  /** The next non-empty batch of the input, or null at its end. */
  private async pull(): Promise<ColumnBatch | null> {
    while (!this.ended) {
      const r = await this.it.next();
      if (r.done === true) {
        this.ended = true;
        break;
      }
      if (r.value.numRows > 0) return r.value;
    }
    return null;
  }

  /**
   * Reads the rest of the input ahead while `admit` accepts each batch (the memory
   * budget): `complete` when it all was read. Batches read stay queued for nextBatch, so
   * a caller that does not use them loses nothing.
   */
  async readAhead(admit: (b: ColumnBatch) => boolean): Promise<{ readonly batches: readonly ColumnBatch[]; readonly complete: boolean }> {
    for (;;) {
      const b = await this.pull();
      if (b === null) return { batches: this.ahead, complete: true };
      this.ahead.push(b);
      if (!admit(b)) return { batches: this.ahead, complete: false };
    }
  }

  /** Drops the batches read ahead (the caller holds them now). */
  dropAhead(): void {
    this.ahead.length = 0;
  }

  /** Stops the input early (its sort frees its memory and spill files). */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.it.return?.();
  }
}
