import type { ColumnBatch } from "../../columnar/batch.js";
import { concatBatches, sliceBatch } from "../../columnar/rows.js";
import type { Vector } from "../../columnar/vector.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { EvalContext } from "../../expr/eval/eval-context.js";
import type { SortOrder, WindowExpression } from "../../expr/expr.js";
import type { Accumulator } from "../../expr/functions/aggregate/accumulator.js";
import type { StructType } from "../../types/data-type.js";
import { makeAccumulator, updateArgs } from "../aggregate/agg-spec.js";
import type { ExecContext } from "../exec-context.js";
import { SpillFile } from "../memory/spill-file.js";
import { markChanges } from "./window-bounds.js";

/**
 * One window partition too large to hold (Spark's spillable ExternalAppendOnlyUnsafeRowArray
 * under WindowExec): its rows go to a spill file under `spark.local.dir` in blocks of a fixed
 * row count, and alongside, what evaluating it a view at a time needs of the rows outside a
 * view (spilled-window.ts): where peer groups start in each block, and for each aggregate
 * whose frame can reach past a view, every block's partial state.
 */
export class SpilledPartition {
  /** Rows written. */
  rows = 0;
  /** Blocks written (each `blockRows` rows but the last). */
  blocks = 0;
  /** Per block: the offset of its first row that starts a peer group, -1 when none does. */
  private readonly peerFirst: number[] = [];
  /** Per block: the global start of the peer group its last row is in. */
  private readonly groupAtEnd: number[] = [];
  /** Peer groups starting before each block (one more entry: all of them). */
  private readonly peersUpTo: number[] = [0];
  private pending: ColumnBatch[] = [];
  private pendingRows = 0;
  private lastRow: ColumnBatch | undefined;
  private readonly accs: readonly (Accumulator | undefined)[];
  /** After finish: per window expression, every block's partial state (a row per block), where kept. */
  partials: readonly (readonly Vector[] | undefined)[] = [];

  private constructor(
    private readonly file: SpillFile,
    readonly schema: StructType,
    readonly blockRows: number,
    private readonly exprs: readonly WindowExpression[],
    private readonly orderSpec: readonly SortOrder[],
    private readonly ectx: EvalContext,
    keepStates: readonly boolean[],
    ansi: boolean,
  ) {
    this.accs = exprs.map((w, j) => (w.fn.kind === "AggCall" && keepStates[j] === true ? makeAccumulator(w.fn, ansi) : undefined));
  }

  /** A new, empty spilled partition; `keepStates[j]`: keep expression j's block states. */
  static async create(
    ctx: ExecContext,
    ectx: EvalContext,
    schema: StructType,
    blockRows: number,
    exprs: readonly WindowExpression[],
    orderSpec: readonly SortOrder[],
    keepStates: readonly boolean[],
  ): Promise<SpilledPartition> {
    const file = await SpillFile.create(ctx.conf, "window");
    return new SpilledPartition(file, schema, blockRows, exprs, orderSpec, ectx, keepStates, ctx.conf.ansi);
  }

  /** Appends the partition's next rows (in window order). */
  async append(b: ColumnBatch): Promise<void> {
    let s = 0;
    while (s < b.numRows) {
      const take = Math.min(this.blockRows - this.pendingRows, b.numRows - s);
      this.pending.push(s === 0 && take === b.numRows ? b : sliceBatch(b, s, s + take));
      this.pendingRows += take;
      s += take;
      if (this.pendingRows === this.blockRows) await this.flush();
    }
  }

  /** Ends writing: the last short block goes out and the block states are taken. */
  async finish(): Promise<void> {
    await this.flush();
    await this.file.finish();
    this.partials = this.accs.map((a) => a?.partial(this.blocks));
  }

  /** Blocks `from` … `to - 1`, read back. */
  readBlocks(from: number, to: number): Promise<ColumnBatch[]> {
    return this.file.readAt(this.schema, from, to);
  }

  /** The global start of the peer group that block `b`'s first row is in. */
  groupStartAt(b: number): number {
    if (this.peerFirst[b] === 0) return b * this.blockRows;
    return b === 0 ? 0 : this.groupAtEnd[b - 1]!;
  }

  /** The global start of the first peer group starting at or after block `b`'s first row (`rows` when none). */
  nextGroupStart(b: number): number {
    for (let k = b; k < this.blocks; k++) {
      const f = this.peerFirst[k]!;
      if (f >= 0) return k * this.blockRows + f;
    }
    return this.rows;
  }

  /** Peer groups that start before block `b`. */
  peersBefore(b: number): number {
    return this.peersUpTo[b]!;
  }

  /** Removes the spill file (idempotent). */
  delete(): Promise<void> {
    return this.file.delete();
  }

  private async flush(): Promise<void> {
    if (this.pendingRows === 0) return;
    const block = this.pending.length === 1 ? this.pending[0]! : concatBatches(this.schema, this.pending);
    this.pending = [];
    this.pendingRows = 0;
    const n = block.numRows;
    const start = this.blocks * this.blockRows;
    const marks = this.peerMarks(block);
    let first = -1;
    let last = -1;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (marks[i] !== 1) continue;
      if (first < 0) first = i;
      last = i;
      count++;
    }
    this.peerFirst.push(first);
    this.groupAtEnd.push(last >= 0 ? start + last : (this.groupAtEnd[this.blocks - 1] ?? 0));
    this.peersUpTo.push(this.peersUpTo[this.blocks]! + count);
    const g = this.blocks;
    const groups = new Int32Array(n).fill(g);
    this.accs.forEach((acc, j) => {
      const fn = this.exprs[j]!.fn;
      if (acc === undefined || fn.kind !== "AggCall") return;
      acc.ensure(g + 1);
      acc.update(groups, n, updateArgs(fn).map((a) => evaluate(a, block, this.ectx)));
    });
    await this.file.write(block);
    this.lastRow = sliceBatch(block, n - 1, n);
    this.blocks++;
    this.rows += n;
  }

  /** 1 where a row starts a peer group: its order keys differ from the row before (the partition's first row starts one). */
  private peerMarks(block: ColumnBatch): Uint8Array {
    const prev = this.lastRow;
    const rows = prev === undefined ? block : concatBatches(this.schema, [prev, block]);
    const m = rows.numRows;
    const marks = new Uint8Array(m);
    for (const o of this.orderSpec) markChanges(evaluate(o.child, rows, this.ectx), m, marks);
    if (prev === undefined) {
      marks[0] = 1;
      return marks;
    }
    return marks.subarray(1);
  }
}
