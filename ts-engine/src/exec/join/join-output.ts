import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { concatBatches, sliceBatch } from "../../columnar/rows.js";
import { selectedRows, takeVector } from "../../columnar/take.js";
import type { Vector } from "../../columnar/vector.js";
import { evaluate, type EvalContext } from "../../expr/eval/evaluate.js";
import type { Expr } from "../../expr/expr.js";
import type { JoinType } from "../../plan/logical-plan.js";
import { structType, type StructType } from "../../types/data-type.js";
import { IndexBuffer } from "./index-buffer.js";
import { unreadColumn } from "./join-projection.js";

/**
 * How a join turns candidate pairs into output rows, for the hash join and the sort-merge
 * join alike. One side streams (its rows are visited once, in order); the other is looked
 * up (the hash join's build side, the sort-merge join's buffered group). Output columns are
 * Spark's: [left…, right…], the left side alone for semi and anti joins, whose stream is
 * always the left side. `residual` (the non-equi part of the condition) is bound to
 * [left…, right…] and decides which candidates are matches.
 */
export class JoinOutput {
  /** Stream rows without a match are kept, with nulls for the other side. */
  readonly streamOuter: boolean;
  /** Rows of the other side without a match are kept, with nulls for the stream side. */
  readonly otherOuter: boolean;
  /** Semi or anti join: whether a stream row has a match is all that counts. */
  readonly existence: boolean;
  private readonly pairSchema: StructType;

  constructor(
    readonly joinType: JoinType,
    readonly streamIsLeft: boolean,
    readonly residual: Expr | undefined,
    readonly schema: StructType,
    readonly streamSchema: StructType,
    readonly otherSchema: StructType,
    /** The output columns the Project above reads (join-projection.ts); null: all of them. */
    private readonly used: readonly boolean[] | null = null,
  ) {
    const jt = joinType;
    this.streamOuter = jt === "full" || (jt === "left" && streamIsLeft) || (jt === "right" && !streamIsLeft);
    this.otherOuter = jt === "full" || (jt === "left" && !streamIsLeft) || (jt === "right" && streamIsLeft);
    this.existence = jt === "left_semi" || jt === "left_anti";
    const fields = streamIsLeft ? [...streamSchema.fields, ...otherSchema.fields] : [...otherSchema.fields, ...streamSchema.fields];
    this.pairSchema = structType(fields);
  }

  /**
   * Output columns [left…, right…] for stream rows `s` and other rows `o` (-1 = nulls).
   * `sRows` / `oRows`: that side has no -1 (matched pairs), so its takes skip looking for one.
   */
  columns(sb: ColumnBatch, other: ColumnBatch, s: Int32Array, o: Int32Array, sRows = false, oRows = false): Vector[] {
    const sc = sb.columns.map((c) => takeVector(c, s, s.length, { nonNegative: sRows }));
    const oc = other.columns.map((c) => takeVector(c, o, o.length, { nonNegative: oRows }));
    return this.streamIsLeft ? [...sc, ...oc] : [...oc, ...sc];
  }

  /**
   * The output columns for stream rows `s` and other rows `o`, as `columns` gives them,
   * except that the columns the Project above never reads are not gathered.
   */
  private outColumns(sb: ColumnBatch, other: ColumnBatch, s: Int32Array, o: Int32Array, sRows: boolean, oRows: boolean): Vector[] {
    const used = this.used;
    if (used === null) return this.columns(sb, other, s, o, sRows, oRows);
    const n = s.length;
    const ns = sb.columns.length;
    const sBase = this.streamIsLeft ? 0 : other.columns.length;
    const oBase = this.streamIsLeft ? ns : 0;
    const sc = sb.columns.map((c, j) => (used[sBase + j] === false ? unreadColumn(c.type, n) : takeVector(c, s, n, { nonNegative: sRows })));
    const oc = other.columns.map((c, j) => (used[oBase + j] === false ? unreadColumn(c.type, n) : takeVector(c, o, n, { nonNegative: oRows })));
    return this.streamIsLeft ? [...sc, ...oc] : [...oc, ...sc];
  }

  /** The candidate pairs that satisfy the residual (all of them without one), order kept. */
  filter(sb: ColumnBatch, other: ColumnBatch, s: Int32Array, o: Int32Array, ectx: EvalContext): readonly [Int32Array, Int32Array] {
    if (this.residual === undefined || s.length === 0) return [s, o];
    const pairs = makeBatch(this.pairSchema, this.columns(sb, other, s, o, true, true), s.length);
    const keep = selectedRows(evaluate(this.residual, pairs, ectx));
    if (keep.length === s.length) return [s, o];
    const s2 = new Int32Array(keep.length);
    const o2 = new Int32Array(keep.length);
    for (let k = 0; k < keep.length; k++) {
      s2[k] = s[keep[k]!]!;
      o2[k] = o[keep[k]!]!;
    }
    return [s2, o2];
  }

  /**
   * What stream rows [from, to) contribute, given their matching pairs (in stream-row
   * order): the pairs, plus the unmatched rows for an outer stream; the matched (semi) or
   * unmatched (anti) rows themselves for an existence join.
   */
  shape(sb: ColumnBatch, from: number, to: number, other: ColumnBatch, s: Int32Array, o: Int32Array): ColumnBatch | null {
    if (this.existence) {
      const hit = new Uint8Array(to - from);
      for (let k = 0; k < s.length; k++) hit[s[k]! - from] = 1;
      const want = this.joinType === "left_semi" ? 1 : 0;
      const idx = new IndexBuffer();
      for (let i = from; i < to; i++) if (hit[i - from] === want) idx.push(i);
      return this.streamRows(sb, idx.view());
    }
    const outer = this.streamOuter;
    if (outer) {
      const os = new IndexBuffer();
      const oo = new IndexBuffer();
      let k = 0;
      for (let i = from; i < to; i++) {
        if (k < s.length && s[k] === i) {
          while (k < s.length && s[k] === i) {
            os.push(i);
            oo.push(o[k]!);
            k++;
          }
        } else {
          os.push(i);
          oo.push(-1);
        }
      }
      s = os.view();
      o = oo.view();
    }
    if (s.length === 0) return null;
    // every stream row is a row; the other side has -1 only where an outer stream row matched nothing
    return makeBatch(this.schema, this.outColumns(sb, other, s, o, true, !outer), s.length);
  }

  /** The pairs themselves: stream rows `s` joined with other rows `o`. */
  pairs(sb: ColumnBatch, other: ColumnBatch, s: Int32Array, o: Int32Array): ColumnBatch | null {
    if (s.length === 0) return null;
    return makeBatch(this.schema, this.outColumns(sb, other, s, o, true, true), s.length);
  }

  /** Stream rows `idx` alone (a semi or anti join's output). */
  streamRows(sb: ColumnBatch, idx: Int32Array): ColumnBatch | null {
    if (idx.length === 0) return null;
    const used = this.used;
    const n = idx.length;
    return makeBatch(this.schema, sb.columns.map((c, j) => (used?.[j] === false ? unreadColumn(c.type, n) : takeVector(c, idx, n, { nonNegative: true }))), n);
  }

  /** Stream rows `idx` with nulls for the other side (unmatched rows of an outer stream). */
  streamUnmatched(sb: ColumnBatch, idx: Int32Array): ColumnBatch | null {
    if (idx.length === 0) return null;
    const none = concatBatches(this.otherSchema, []);
    return makeBatch(this.schema, this.outColumns(sb, none, idx, new Int32Array(idx.length).fill(-1), true, false), idx.length);
  }

  /** Rows `idx` of the other side with nulls for the stream side (its unmatched outer rows). */
  otherUnmatched(other: ColumnBatch, idx: Int32Array): ColumnBatch | null {
    if (idx.length === 0) return null;
    const none = concatBatches(this.streamSchema, []);
    return makeBatch(this.schema, this.outColumns(none, other, new Int32Array(idx.length).fill(-1), idx, false, true), idx.length);
  }
}

/** A batch cut into batches of at most BATCH_SIZE rows (nothing for null). */
export function* inBatches(b: ColumnBatch | null): Iterable<ColumnBatch> {
  if (b === null) return;
  if (b.numRows <= BATCH_SIZE) {
    if (b.numRows > 0) yield b;
    return;
  }
  for (let o = 0; o < b.numRows; o += BATCH_SIZE) yield sliceBatch(b, o, o + BATCH_SIZE);
}
