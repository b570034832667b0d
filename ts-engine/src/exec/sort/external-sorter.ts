import { BATCH_SIZE, batchByteSize, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { concatBatches } from "../../columnar/rows.js";
import { takeBatch, takeVector } from "../../columnar/take.js";
import { makeVector, type Vector } from "../../columnar/vector.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { SortOrder } from "../../expr/expr.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { MemoryReservation } from "../memory/memory-pool.js";
import { SpillFile } from "../memory/spill-file.js";
import { evalContextOf, throwIfAborted, yieldToEventLoop } from "../util.js";
import { mergeRuns } from "./merge-runs.js";
import { sortPermutationKeyed } from "./sort-permutation.js";
import { withKeyColumns } from "./sorted-run.js";

/**
 * Heap bytes a buffered row costs while it is sorted, beyond its own data: the key words
 * and the radix sort's permutation, scratch and key buffers (about 40 bytes for a 64-bit
 * key). The data itself counts twice, since the sort concatenates the buffered batches.
 */
const SORT_BYTES_PER_ROW = 48;

/**
 * Sorts one partition within a memory budget (Spark's UnsafeExternalSorter): batches are
 * buffered while the reservation grows; when it cannot, the buffer is sorted and written
 * to `spark.local.dir` as a run, and at the end the runs (and what is still buffered)
 * are merged. A partition that fits never touches the disk. `close` deletes every spill
 * file; the operator calls it when its task ends, fails or is cancelled.
 */
export class ExternalSorter {
  private buffered: ColumnBatch[] = [];
  private bufferedRows = 0;
  private readonly spills: SpillFile[] = [];
  /** The schema of run batches, known once the first run's keys are evaluated. */
  private keySchema: StructType | null = null;

  constructor(
    private readonly schema: StructType,
    private readonly orders: readonly SortOrder[],
    private readonly ctx: ExecContext,
    private readonly memory: MemoryReservation,
  ) {}

  /** Number of runs written to disk so far. */
  get spillCount(): number {
    return this.spills.length;
  }

  /** Adds a batch, spilling what is buffered first when the budget has no room for it. */
  async insert(b: ColumnBatch): Promise<void> {
    if (b.numRows === 0) return;
    const cost = 2 * batchByteSize(b) + SORT_BYTES_PER_ROW * b.numRows;
    if (!this.memory.tryGrow(cost)) {
      if (this.bufferedRows > 0) await this.spill();
      // A batch the whole budget cannot hold cannot be sorted: Spark's out-of-memory error.
      this.memory.grow(cost);
    }
    this.buffered.push(b);
    this.bufferedRows += b.numRows;
  }

  /** The sorted rows: straight from memory when nothing spilled, else a merge of the runs. */
  async *sorted(): AsyncIterable<ColumnBatch> {
    if (this.spills.length === 0) {
      yield* this.sortBuffered(false);
      return;
    }
    const keySchema = this.keySchema ?? this.schema;
    const runs: AsyncIterable<ColumnBatch>[] = this.spills.map((f) => f.read(keySchema));
    if (this.bufferedRows > 0) runs.push(this.sortBuffered(true));
    yield* mergeRuns(this.schema, this.orders, runs, () => throwIfAborted(this.ctx));
  }

  /** Deletes the spill files and frees the memory (idempotent). */
  async close(): Promise<void> {
    this.buffered = [];
    this.bufferedRows = 0;
    await Promise.all(this.spills.map((f) => f.delete()));
    this.memory.free();
  }

  /** Sorts what is buffered and writes it as one run. */
  private async spill(): Promise<void> {
    const file = await SpillFile.create(this.ctx.conf, "sort");
    this.spills.push(file);
    for await (const b of this.sortBuffered(true)) await file.write(b);
    await file.finish();
    this.memory.free();
  }

  /** The buffered rows sorted (as run batches, with their key columns, for a merge), emptying the buffer. */
  private async *sortBuffered(asRun: boolean): AsyncIterable<ColumnBatch> {
    const all = concatBatches(this.schema, this.buffered);
    this.buffered = [];
    this.bufferedRows = 0;
    const ectx = evalContextOf(this.ctx);
    const keys: Vector[] = this.orders.map((o) => evaluate(o.child, all, ectx));
    const { idx, firstKey } = await sortPermutationKeyed(
      keys.map((values, k) => ({ values, ascending: this.orders[k]!.ascending, nullsFirst: this.orders[k]!.nullsFirst })),
      all.numRows,
      () => throwIfAborted(this.ctx),
    );
    const rows = asRun ? withKeyColumns(all, keys) : all;
    if (asRun) this.keySchema ??= rows.schema;
    // The first key column, when it is an input column the radix sort left in order, is cut
    // from those values instead of gathered through the permutation.
    const keyCol = firstKey === null ? -1 : rows.columns.indexOf(keys[0]!);
    for (let s = 0; s < all.numRows; s += BATCH_SIZE) {
      throwIfAborted(this.ctx);
      const e = Math.min(all.numRows, s + BATCH_SIZE);
      const slice = idx.subarray(s, e);
      // a permutation: no index is -1
      if (keyCol < 0 || firstKey === null) yield takeBatch(rows, slice, slice.length, { nonNegative: true });
      else {
        const type = keys[0]!.type;
        const cols = rows.columns.map((c, j) => (j === keyCol ? makeVector(type, firstKey.subarray(s, e), null, e - s) : takeVector(c, slice, slice.length, { nonNegative: true })));
        yield makeBatch(rows.schema, cols, e - s);
      }
      await yieldToEventLoop();
    }
  }
}
