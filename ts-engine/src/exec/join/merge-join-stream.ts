import type { Vector } from "../../columnar/vector.js";
import { concatBatches, sliceBatch } from "../../columnar/rows.js";
import type { EvalContext } from "../../expr/eval/evaluate.js";
import type { Expr } from "../../expr/expr.js";
import type { JoinType } from "../../plan/logical-plan.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { MemoryReservation } from "../memory/memory-pool.js";
import { evalContextOf, throwIfAborted, yieldToEventLoop } from "../util.js";
import { GroupBuilder, type BufferedGroup } from "./buffered-group.js";
import { IndexBuffer } from "./index-buffer.js";
import { inBatches, JoinOutput } from "./join-output.js";
import { anyKeyNull, KeyComparer } from "./key-compare.js";
import { SortedSide } from "./sorted-side.js";
import { bufferedExhausted, integralKey, mergeCursor, mergeKeys, type HeldSide } from "./columnar-merge.js";
import { InternalError } from "../../errors/spark-exception.js";
import { batchByteSize, type ColumnBatch } from "../../columnar/batch.js";

/** The rows of `v` between its leading and trailing nulls, or null when a null sits between valid rows. */
function validRun(v: Vector): { readonly start: number; readonly end: number } | null {
  const val = v.validity;
  const n = v.length;
  if (val === null) return { start: 0, end: n };
  let start = 0;
  while (start < n && val[start] === 0) start++;
  let end = n;
  while (end > start && val[end - 1] === 0) end--;
  for (let i = start; i < end; i++) if (val[i] === 0) return null;
  return { start, end };
}

/** How many sort-merge joins took the columnar merge (tests check that both merges run). */
export const mergeJoinStats = { columnar: 0 };

/** Candidate pairs gathered before they are checked and emitted (bounds a cross product's batch). */
const PAIR_LIMIT = 1 << 16;

/** What a merge join needs to know about its inputs and output. */
export interface MergeJoinSpec {
  readonly joinType: JoinType;
  readonly leftKeys: readonly Expr[];
  readonly rightKeys: readonly Expr[];
  /** Bound to [left columns…, right columns…]. */
  readonly residual: Expr | undefined;
  readonly leftSchema: StructType;
  readonly rightSchema: StructType;
  readonly schema: StructType;
  /** The output columns the Project above reads (join-projection.ts); null or absent: all. */
  readonly used?: readonly boolean[] | null;
}

/**
 * The merge of a sort-merge join over one partition (Spark's SortMergeJoinScanner): both
 * inputs arrive sorted ascending on their keys. The stream side (the left, or the right for
 * a right outer join) is walked row by row; for each key the buffered side's rows of that
 * key are gathered once as a group (buffered-group.ts) and paired with every stream row of
 * the key. Rows with a null key never match. Candidate pairs are collected per stream batch
 * and checked against the residual in one vectorized call. Full outer joins remember which
 * buffered rows matched and emit the rest once nothing can match them any more.
 */
export class MergeJoinStream {
  private readonly out: JoinOutput;
  private readonly ectx: EvalContext;
  private readonly stream: SortedSide;
  private readonly buffered: SortedSide;
  private readonly streamSchema: StructType;
  private readonly bufferedSchema: StructType;
  /** Stream row vs the buffered cursor, vs the current group's key, and buffered rows vs a group key. */
  private readonly cursorCmp = new KeyComparer();
  private readonly groupCmp = new KeyComparer();
  private readonly scanCmp = new KeyComparer();
  private group: BufferedGroup | null = null;
  /** Full outer: matched flags per buffered batch (rows never paired keep 0). */
  private readonly flags = new Map<ColumnBatch, Uint8Array>();
  /** Full outer: buffered batches no pair can reach any more, emitted after the next flush. */
  private done: ColumnBatch[] = [];
  private readonly ps = new IndexBuffer();
  private readonly pb = new IndexBuffer();
  /** The buffered batch the pending pairs' rows index. */
  private pairSource: ColumnBatch | null = null;
  private readonly emptyBuffered: ColumnBatch;

  constructor(
    private readonly spec: MergeJoinSpec,
    left: AsyncIterable<ColumnBatch>,
    right: AsyncIterable<ColumnBatch>,
    private readonly ctx: ExecContext,
    private readonly memory: MemoryReservation,
  ) {
    this.ectx = evalContextOf(ctx);
    const streamIsLeft = spec.joinType !== "right";
    this.streamSchema = streamIsLeft ? spec.leftSchema : spec.rightSchema;
    this.bufferedSchema = streamIsLeft ? spec.rightSchema : spec.leftSchema;
    this.out = new JoinOutput(spec.joinType, streamIsLeft, spec.residual, spec.schema, this.streamSchema, this.bufferedSchema, spec.used ?? null);
    this.stream = new SortedSide(streamIsLeft ? left : right, streamIsLeft ? spec.leftKeys : spec.rightKeys, this.ectx);
    this.buffered = new SortedSide(streamIsLeft ? right : left, streamIsLeft ? spec.rightKeys : spec.leftKeys, this.ectx);
    this.emptyBuffered = concatBatches(this.bufferedSchema, []);
  }

  /** The joined rows, in key order. Always closes both inputs and deletes any spilled group. */
  async *run(): AsyncGenerator<ColumnBatch> {
    try {
      const held = await this.holdBuffered();
      if (held !== null) yield* this.columnarMerge(held);
      else yield* this.merge();
    } finally {
      await this.endGroupQuietly();
      await this.stream.close();
      await this.buffered.close();
    }
  }

  /**
   * The buffered side in one batch with its key as exact integers, when the columnar merge
   * applies: one integral key without nulls on the buffered side, no join type that keeps
   * unmatched buffered rows (full outer), and the whole side within the memory budget.
   * Otherwise null, and the batches read so far are replayed to the row-by-row merge.
   */
  private async holdBuffered(): Promise<HeldSide | null> {
    if (this.out.otherOuter || this.spec.leftKeys.length !== 1) return null;
    let reserved = 0;
    const { batches, complete } = await this.buffered.readAhead((b) => {
      // counted twice: the sorted batches and their concatenation
      const bytes = 2 * batchByteSize(b);
      if (!this.memory.tryGrow(bytes)) return false;
      reserved += bytes;
      return true;
    });
    const release = (): null => {
      this.memory.shrink(reserved);
      return null;
    };
    if (!complete) return release();
    const all = concatBatches(this.bufferedSchema, batches);
    // Null keys match nothing and (no full outer here) are never emitted: the sort put them
    // at one end, so the rows kept are the valid run between.
    const valid = validRun(this.buffered.keysOf(all)[0]!);
    if (valid === null) return release();
    const batch = valid.start === 0 && valid.end === all.numRows ? all : sliceBatch(all, valid.start, valid.end);
    const keys = integralKey(this.buffered.keysOf(batch)[0]!, batch.numRows, false);
    if (keys === null) return release();
    this.buffered.dropAhead();
    mergeJoinStats.columnar++;
    return { batch, keys };
  }

  /** The merge over a buffered side held whole (columnar-merge.ts): one index-pair loop per stream batch. */
  private async *columnarMerge(held: HeldSide): AsyncGenerator<ColumnBatch> {
    const out = this.out;
    const S = this.stream;
    const needsUnmatched = out.streamOuter || this.spec.joinType === "left_anti";
    const oneEach = out.existence && this.spec.residual === undefined;
    const m = held.batch.numRows;
    const cur = mergeCursor();
    const ps = this.ps;
    const pb = this.pb;
    let batches = 0;
    while (await S.nextBatch()) {
      throwIfAborted(this.ctx);
      const sb = S.batch!;
      const n = sb.numRows;
      const sk = S.keys[0]!;
      const keys = integralKey(sk, n, true);
      if (keys === null) throw new InternalError(`sort-merge join keys of storage ${sk.storage} against integral keys`);
      let from = 0;
      while (from < n) {
        const to = bufferedExhausted(cur, m) ? n : mergeKeys(keys, sk.validity, from, n, held.keys, m, cur, ps, pb, oneEach, PAIR_LIMIT);
        const [s, b] = out.filter(sb, held.batch, ps.view(), pb.view(), this.ectx);
        yield* inBatches(out.shape(sb, from, to, held.batch, s, b));
        ps.clear();
        pb.clear();
        from = to;
      }
      // nothing left to match and nothing unmatched to keep: the rest of the stream adds nothing
      if (bufferedExhausted(cur, m) && !needsUnmatched) return;
      if (++batches % 4 === 0) await yieldToEventLoop();
    }
  }

  private async *merge(): AsyncGenerator<ColumnBatch> {
    const out = this.out;
    const S = this.stream;
    const B = this.buffered;
    // Only these joins emit stream rows that match nothing; the others may stop early.
    const needsUnmatched = out.streamOuter || this.spec.joinType === "left_anti";
    await B.nextBatch();
    let batches = 0;
    while (await S.nextBatch()) {
      throwIfAborted(this.ctx);
      const sb = S.batch!;
      const sk = S.keys;
      const n = sb.numRows;
      let from = 0;
      let i = 0;
      while (i < n) {
        if (anyKeyNull(sk, i)) {
          i++;
          continue;
        }
        const g = this.group;
        if (g !== null) {
          const c = this.groupCmp.compare(sk, i, g.keys, g.keyRow);
          if (c === 0) {
            if (g.spill !== null) {
              yield* this.flush(sb, from, i);
              let j = i + 1;
              while (j < n && !anyKeyNull(sk, j) && this.groupCmp.compare(sk, j, g.keys, g.keyRow) === 0) j++;
              yield* this.spilledRun(sb, i, j, g);
              from = i = j;
              continue;
            }
            if (g.source !== this.pairSource) {
              yield* this.flush(sb, from, i);
              from = i;
              this.pairSource = g.source;
            }
            this.pairRow(i, g);
            i++;
            if (this.ps.length >= PAIR_LIMIT) {
              yield* this.flush(sb, from, i);
              from = i;
            }
            continue;
          }
          if (c < 0) {
            // below the group's key: only an unsorted input gets here; the row matches nothing
            i++;
            continue;
          }
          if (g.spill !== null) yield* this.endGroup();
          else this.endInMemoryGroup(g);
        }
        // Move the buffered cursor to the first row whose key is not below the stream row's.
        let c = 1;
        while (B.batch !== null) {
          if (anyKeyNull(B.keys, B.row)) c = 1;
          else {
            c = this.cursorCmp.compare(sk, i, B.keys, B.row);
            if (c <= 0) break;
          }
          if (++B.row === B.batch.numRows) await this.leaveBufferedBatch();
        }
        if (B.batch === null || c < 0) {
          if (B.batch === null && this.group === null && !needsUnmatched && !out.otherOuter) {
            // nothing left to match and nothing unmatched to keep: the rest of the stream adds nothing
            yield* this.flush(sb, from, i);
            return;
          }
          i++;
          continue;
        }
        this.group = this.groupInBatch() ?? (await this.collectGroup());
      }
      yield* this.flush(sb, from, n);
      this.pairSource = null;
      if (++batches % 4 === 0) await yieldToEventLoop();
    }
    yield* this.endGroup();
    if (out.otherOuter) {
      while (B.batch !== null) {
        // The stream has ended: every buffered row not yet matched is unmatched.
        this.done.push(B.batch);
        await B.nextBatch();
      }
      yield* this.emitDone();
    }
  }

  /** Pairs stream row `i` with the rows of in-memory group `g`. */
  private pairRow(i: number, g: BufferedGroup): void {
    if (this.out.existence && this.spec.residual === undefined) {
      // a semi or anti join only asks whether some row matches
      this.ps.push(i);
      this.pb.push(g.start);
      return;
    }
    for (let r = g.start; r < g.end; r++) {
      this.ps.push(i);
      this.pb.push(r);
    }
  }

  /** Emits stream rows [from, to) with their pending pairs, then any buffered batch now finished. */
  private *flush(sb: ColumnBatch, from: number, to: number): Iterable<ColumnBatch> {
    if (to > from || this.ps.length > 0) {
      const other = this.pairSource ?? this.emptyBuffered;
      const [s, b] = this.out.filter(sb, other, this.ps.view(), this.pb.view(), this.ectx);
      if (this.out.otherOuter && this.pairSource !== null) {
        const f = this.flagsOf(this.pairSource);
        for (let k = 0; k < b.length; k++) f[b[k]!] = 1;
      }
      yield* inBatches(this.out.shape(sb, from, to, other, s, b));
      this.ps.clear();
      this.pb.clear();
    }
    yield* this.emitDone();
  }

  private flagsOf(b: ColumnBatch): Uint8Array {
    let f = this.flags.get(b);
    if (f === undefined) {
      f = new Uint8Array(b.numRows);
      this.flags.set(b, f);
    }
    return f;
  }

  /** Full outer: the unmatched rows of buffered batches that no pair can reach any more. */
  private *emitDone(): Iterable<ColumnBatch> {
    if (this.done.length === 0) return;
    const done = this.done;
    this.done = [];
    for (const b of done) {
      const f = this.flags.get(b);
      this.flags.delete(b);
      const idx = new IndexBuffer();
      for (let r = 0; r < b.numRows; r++) if (f === undefined || f[r] === 0) idx.push(r);
      yield* inBatches(this.out.otherUnmatched(b, idx.view()));
    }
  }

  /** The buffered cursor moves past its batch; a full outer join emits that batch's unmatched rows later. */
  private async leaveBufferedBatch(): Promise<void> {
    const B = this.buffered;
    const old = B.batch;
    if (old !== null && this.out.otherOuter) {
      if (this.group !== null && this.group.source === old) this.group.releaseSource = true;
      else this.done.push(old);
    }
    await B.nextBatch();
  }

  /** Rows of `bk` from `from` (below `n`) with the key of row `keyRow` of `keys`: the end of that run. */
  private scan(bk: readonly Vector[], from: number, n: number, keys: readonly Vector[], keyRow: number): number {
    let e = from;
    while (e < n && !anyKeyNull(bk, e) && this.scanCmp.compare(bk, e, keys, keyRow) === 0) e++;
    return e;
  }

  /**
   * The buffered rows whose key equals the cursor row's, when they end inside the
   * cursor's batch (the common case, kept synchronous): a row range of it, and the cursor
   * then stands after them. Null when they reach the batch's end.
   */
  private groupInBatch(): BufferedGroup | null {
    const B = this.buffered;
    const first = B.batch!;
    const keys = B.keys;
    const keyRow = B.row;
    const end = this.scan(keys, keyRow + 1, first.numRows, keys, keyRow);
    if (end === first.numRows) return null;
    B.row = end;
    return { source: first, start: keyRow, end, spill: null, rows: end - keyRow, keys, keyRow, ownSource: false, reserved: 0, matched: null, releaseSource: false };
  }

  /**
   * The buffered rows whose key equals the cursor row's, running to the end of the cursor's
   * batch and maybe on into the next ones: a row range when they stop at its end, else a
   * copy or a spill of all of them.
   */
  private async collectGroup(): Promise<BufferedGroup> {
    const B = this.buffered;
    const first = B.batch!;
    const keys = B.keys;
    const keyRow = B.row;
    const outer = this.out.otherOuter;
    const scan = (bk: readonly Vector[], from: number, n: number): number => this.scan(bk, from, n, keys, keyRow);
    // The group reaches the end of its batch: it may go on in the next ones.
    const builder = new GroupBuilder(this.bufferedSchema, this.ctx, this.memory);
    const pieces: ColumnBatch[] = [];
    await B.nextBatch();
    while (B.batch !== null) {
      const e = scan(B.keys, 0, B.batch.numRows);
      if (e === 0) break;
      if (pieces.length === 0) await builder.add(sliceBatch(first, keyRow, first.numRows));
      const piece = sliceBatch(B.batch, 0, e);
      pieces.push(piece);
      await builder.add(piece);
      if (outer) this.flagsOf(B.batch).fill(1, 0, e);
      if (e < B.batch.numRows) {
        B.row = e;
        break;
      }
      await B.nextBatch();
    }
    if (pieces.length === 0) {
      // it ended with its batch after all: still a row range, of a batch the cursor has left
      return { source: first, start: keyRow, end: first.numRows, spill: null, rows: first.numRows - keyRow, keys, keyRow, ownSource: false, reserved: 0, matched: null, releaseSource: outer };
    }
    if (outer) {
      // its rows now live in the group's own copy: the input batch keeps only the rows before it
      this.flagsOf(first).fill(1, keyRow);
      this.done.push(first);
    }
    return builder.finish(keys, keyRow, outer);
  }

  /** Ends in-memory group `g`: gives back its memory; a full outer join emits its unmatched rows later. */
  private endInMemoryGroup(g: BufferedGroup): void {
    this.group = null;
    this.memory.shrink(g.reserved);
    if (this.out.otherOuter && g.source !== null && (g.ownSource || g.releaseSource)) this.done.push(g.source);
  }

  /** Ends the current group: gives back its memory; a full outer join emits its unmatched rows. */
  private async *endGroup(): AsyncGenerator<ColumnBatch> {
    const g = this.group;
    if (g === null) return;
    if (g.spill === null) {
      this.endInMemoryGroup(g);
      return;
    }
    this.group = null;
    const file = g.spill;
    try {
      if (g.matched !== null) {
        let base = 0;
        for await (const b of file.read(this.bufferedSchema)) {
          const idx = new IndexBuffer();
          for (let r = 0; r < b.numRows; r++) if (g.matched[base + r] === 0) idx.push(r);
          base += b.numRows;
          yield* inBatches(this.out.otherUnmatched(b, idx.view()));
        }
      }
    } finally {
      await file.delete();
    }
  }

  private async endGroupQuietly(): Promise<void> {
    const g = this.group;
    this.group = null;
    if (g === null) return;
    this.memory.shrink(g.reserved);
    await g.spill?.delete();
  }

  /**
   * Stream rows [i, j) (one key) against a spilled group: the group is read back once for
   * these rows, in slices of pairs, each checked against the residual in one call.
   */
  private async *spilledRun(sb: ColumnBatch, i: number, j: number, g: BufferedGroup): AsyncGenerator<ColumnBatch> {
    const out = this.out;
    const hits = new Uint8Array(j - i);
    if (out.existence && this.spec.residual === undefined) hits.fill(1);
    else {
      let base = 0;
      for await (const gb of g.spill!.read(this.bufferedSchema)) {
        throwIfAborted(this.ctx);
        const step = Math.max(1, Math.floor(PAIR_LIMIT / gb.numRows));
        for (let a = i; a < j; a += step) {
          const z = Math.min(j, a + step);
          const s = new Int32Array((z - a) * gb.numRows);
          const b = new Int32Array(s.length);
          let k = 0;
          for (let r = a; r < z; r++) {
            for (let q = 0; q < gb.numRows; q++) {
              s[k] = r;
              b[k++] = q;
            }
          }
          const [s2, b2] = out.filter(sb, gb, s, b, this.ectx);
          for (let x = 0; x < s2.length; x++) hits[s2[x]! - i] = 1;
          if (g.matched !== null) for (let x = 0; x < b2.length; x++) g.matched[base + b2[x]!] = 1;
          if (!out.existence) yield* inBatches(out.pairs(sb, gb, s2, b2));
          await yieldToEventLoop();
        }
        base += gb.numRows;
      }
    }
    const want = this.spec.joinType === "left_semi" ? 1 : 0;
    const idx = new IndexBuffer();
    if (out.existence) {
      for (let r = i; r < j; r++) if (hits[r - i] === want) idx.push(r);
      yield* inBatches(out.streamRows(sb, idx.view()));
    } else if (out.streamOuter) {
      for (let r = i; r < j; r++) if (hits[r - i] === 0) idx.push(r);
      yield* inBatches(out.streamUnmatched(sb, idx.view()));
    }
  }
}
