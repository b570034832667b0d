import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { concatBatches, sliceBatch } from "../../columnar/rows.js";
import { selectionToIndices, takeVector } from "../../columnar/take.js";
import type { ExecContext } from "../exec-context.js";
import { evaluate, type EvalContext } from "../../expr/eval/evaluate.js";
import type { Expr } from "../../expr/expr.js";
import { exprType } from "../../expr/expr-type.js";
import type { JoinType } from "../../plan/logical-plan.js";
import { structType, type StructType } from "../../types/data-type.js";
import { GroupHashTable } from "../aggregate/group-hash-table.js";
import { collectAll } from "../exchange/exchange-exec.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { evalContextOf, throwIfAborted, yieldToEventLoop } from "../util.js";
import { IndexBuffer } from "./index-buffer.js";

/** The build side's rows chained by key: `head[group]` → first row, `next[row]` → following row. */
interface BuildTable {
  readonly table: GroupHashTable | null;
  readonly head: Int32Array;
  readonly next: Int32Array;
}

/**
 * Hash join of every join type. The right input is the build side (collected whole);
 * left rows probe it batch by batch. Rows with a null key never match. `residual` (the
 * non-equi part of the condition) is checked on each candidate pair, bound to
 * [left columns…, right columns…]. Without keys every pair is a candidate (cross join).
 */
export class HashJoinExec implements ExecutionPlan {
  readonly name: string;
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly left: ExecutionPlan,
    readonly right: ExecutionPlan,
    readonly joinType: JoinType,
    readonly leftKeys: readonly Expr[],
    readonly rightKeys: readonly Expr[],
    readonly residual: Expr | undefined,
    readonly schema: StructType,
    private readonly detail: string,
  ) {
    this.children = [left, right];
    this.name = leftKeys.length > 0 ? "BroadcastHashJoin" : "BroadcastNestedLoopJoin";
  }

  numPartitions(): number {
    return 1;
  }

  explainDetail(): string {
    return this.detail;
  }

  private build(right: ColumnBatch, ectx: EvalContext): BuildTable {
    const n = right.numRows;
    const next = new Int32Array(n).fill(-1);
    if (this.rightKeys.length === 0) return { table: null, head: new Int32Array(0), next };
    const keys = this.rightKeys.map((k) => evaluate(k, right, ectx));
    const table = new GroupHashTable(this.rightKeys.map(exprType), Math.max(16, n));
    const gids = table.findOrInsert(keys, n);
    const head = new Int32Array(table.size).fill(-1);
    for (let r = n - 1; r >= 0; r--) {
      let isNull = false;
      for (const k of keys) if (k.validity !== null && k.validity[r] === 0) isNull = true;
      if (isNull) continue;
      const g = gids[r]!;
      next[r] = head[g]!;
      head[g] = r;
    }
    return { table, head, next };
  }

  private candidates(b: ColumnBatch, bt: BuildTable, nRight: number, ectx: EvalContext, li: IndexBuffer, ri: IndexBuffer): void {
    const n = b.numRows;
    if (bt.table === null) {
      for (let i = 0; i < n; i++) {
        for (let r = 0; r < nRight; r++) {
          li.push(i);
          ri.push(r);
        }
      }
      return;
    }
    const gids = bt.table.find(this.leftKeys.map((k) => evaluate(k, b, ectx)), n);
    for (let i = 0; i < n; i++) {
      const g = gids[i]!;
      if (g < 0) continue;
      for (let r = bt.head[g]!; r >= 0; r = bt.next[r]!) {
        li.push(i);
        ri.push(r);
      }
    }
  }

  private pairs(lb: ColumnBatch, right: ColumnBatch, l: Int32Array, r: Int32Array): ColumnBatch {
    const cols = [...lb.columns.map((c) => takeVector(c, l)), ...right.columns.map((c) => takeVector(c, r))];
    const schema = structType([...lb.schema.fields, ...right.schema.fields]);
    return makeBatch(schema, cols, l.length);
  }

  async *execute(_partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const ectx = evalContextOf(ctx);
    const right = concatBatches(this.right.schema, await collectAll(this.right, ctx));
    throwIfAborted(ctx);
    const bt = this.build(right, ectx);
    const rightMatched = new Uint8Array(right.numRows);
    const li = new IndexBuffer();
    const ri = new IndexBuffer();
    const jt = this.joinType;
    const leftBatches = await collectAll(this.left, ctx);
    for (const lb of leftBatches) {
      throwIfAborted(ctx);
      li.clear();
      ri.clear();
      this.candidates(lb, bt, right.numRows, ectx, li, ri);
      let l = li.view();
      let r = ri.view();
      if (this.residual !== undefined && l.length > 0) {
        const pred = evaluate(this.residual, this.pairs(lb, right, l, r), ectx);
        const keep = selectionToIndices(pred.data as Uint8Array, pred.validity, l.length);
        const l2 = new Int32Array(keep.length);
        const r2 = new Int32Array(keep.length);
        for (let k = 0; k < keep.length; k++) {
          l2[k] = l[keep[k]!]!;
          r2[k] = r[keep[k]!]!;
        }
        l = l2;
        r = r2;
      }
      for (let k = 0; k < r.length; k++) rightMatched[r[k]!] = 1;
      const out = this.probeOutput(lb, right, l, r, jt);
      if (out !== null) for (let s = 0; s < out.numRows; s += BATCH_SIZE) yield sliceBatch(out, s, s + BATCH_SIZE);
      await yieldToEventLoop();
    }
    if (jt === "right" || jt === "full") {
      const ur = new IndexBuffer();
      for (let k = 0; k < right.numRows; k++) if (rightMatched[k] === 0) ur.push(k);
      if (ur.length > 0) {
        const emptyLeft = concatBatches(this.left.schema, []);
        const nulls = new Int32Array(ur.length).fill(-1);
        const cols = [...emptyLeft.columns.map((c) => takeVector(c, nulls)), ...right.columns.map((c) => takeVector(c, ur.view()))];
        const out = makeBatch(this.schema, cols, ur.length);
        for (let s = 0; s < out.numRows; s += BATCH_SIZE) yield sliceBatch(out, s, s + BATCH_SIZE);
      }
    }
  }

  /** What one probe batch contributes, given its surviving pairs (in left-row order). */
  private probeOutput(lb: ColumnBatch, right: ColumnBatch, l: Int32Array, r: Int32Array, jt: JoinType): ColumnBatch | null {
    const n = lb.numRows;
    if (jt === "left_semi" || jt === "left_anti") {
      const hit = new Uint8Array(n);
      for (let k = 0; k < l.length; k++) hit[l[k]!] = 1;
      const want = jt === "left_semi" ? 1 : 0;
      const idx = new IndexBuffer();
      for (let i = 0; i < n; i++) if (hit[i] === want) idx.push(i);
      if (idx.length === 0) return null;
      return makeBatch(this.schema, lb.columns.map((c) => takeVector(c, idx.view())), idx.length);
    }
    if (jt === "left" || jt === "full") {
      const ol = new IndexBuffer();
      const or = new IndexBuffer();
      let k = 0;
      for (let i = 0; i < n; i++) {
        if (k < l.length && l[k] === i) {
          while (k < l.length && l[k] === i) {
            ol.push(i);
            or.push(r[k]!);
            k++;
          }
        } else {
          ol.push(i);
          or.push(-1);
        }
      }
      l = ol.view();
      r = or.view();
    }
    if (l.length === 0) return null;
    const cols = [...lb.columns.map((c) => takeVector(c, l)), ...right.columns.map((c) => takeVector(c, r))];
    return makeBatch(this.schema, cols, l.length);
  }
}
