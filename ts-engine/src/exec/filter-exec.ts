import { makeBatch, type ColumnBatch } from "../columnar/batch.js";
import { selectedRows, takeBatch, takeVector } from "../columnar/take.js";
import { unreadColumn } from "./join/join-projection.js";
import type { ExecContext } from "./exec-context.js";
import { evaluate } from "../expr/eval/evaluate.js";
import type { Expr } from "../expr/expr.js";
import type { StructType } from "../types/data-type.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { evalContextOf, throwIfAborted } from "./util.js";
import { selectInto, simpleSelection } from "./filter-selection.js";

/** Keeps the rows whose predicate is true; null counts as false (SQL WHERE). */
export class FilterExec implements ExecutionPlan {
  readonly name = "Filter";
  readonly children: readonly ExecutionPlan[];

  /** The condition as selection loops, when it is an AND of column-versus-number comparisons. */
  private readonly simple: ReturnType<typeof simpleSelection>;

  constructor(
    readonly child: ExecutionPlan,
    readonly condition: Expr,
    private readonly detail: string,
    /**
     * The columns the Project directly above reads (join-projection.ts), null: all. The
     * others are not copied out of the kept rows (they are left as nulls nobody reads),
     * as Spark's generated code for a filter followed by a projection copies only the
     * fields the projection keeps.
     */
    private readonly used: readonly boolean[] | null = null,
  ) {
    this.children = [child];
    this.simple = simpleSelection(condition);
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
    const base = evalContextOf(ctx);
    let rowOffset = 0;
    // the selected row numbers, reused batch after batch (takeBatch copies the rows out)
    let sel = new Int32Array(0);
    const simple = this.simple;
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      // Nondeterministic functions (rand, monotonically_increasing_id) read the batch's position.
      const ectx = { ...base, partition: { index: partition, rowOffset } };
      rowOffset += b.numRows;
      if (simple !== null && sel.length < b.numRows) sel = new Int32Array(b.numRows);
      const k = simple === null ? -1 : selectInto(simple, b, sel);
      const idx = k >= 0 ? sel.subarray(0, k) : selectedRows(evaluate(this.condition, b, ectx));
      if (idx.length === b.numRows) yield b;
      // selected row numbers: never -1
      else if (idx.length > 0) yield this.kept(b, idx);
    }
  }

  /** Rows `idx` of `b` (selected row numbers, never -1), only the used columns gathered. */
  private kept(b: ColumnBatch, idx: Int32Array): ColumnBatch {
    const used = this.used;
    const n = idx.length;
    if (used === null) return takeBatch(b, idx, n, { nonNegative: true });
    return makeBatch(b.schema, b.columns.map((c, j) => (used[j] === false ? unreadColumn(c.type, n) : takeVector(c, idx, n, { nonNegative: true }))), n);
  }
}
