import { batchByteSize, type ColumnBatch } from "../../columnar/batch.js";
import { concatBatches } from "../../columnar/rows.js";
import { assertNever } from "../../errors/assert-never.js";
import type { ExecContext } from "../../exec/exec-context.js";
import { evaluate, type EvalContext } from "../../expr/eval/evaluate.js";
import type { Expr } from "../../expr/expr.js";
import { exprType } from "../../expr/expr-type.js";
import type { JoinType } from "../../plan/logical-plan.js";
import type { StructType } from "../../types/data-type.js";
import { GroupHashTable } from "../aggregate/group-hash-table.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { evalContextOf, throwIfAborted, yieldToEventLoop } from "../util.js";
import { IndexBuffer } from "./index-buffer.js";
import { RelationProbe, type HashedRelation } from "./hashed-relation.js";
import { buildIntKeyIndex, intBuildKeys, probeIntKeyIndex, type IntKeyIndex } from "./int-key-index.js";
import { inBatches, JoinOutput } from "./join-output.js";
import type { MergeJoinSpec } from "./merge-join-stream.js";
import { sortMergeFallback } from "./sort-merge-fallback.js";
import { executionMemory } from "../memory/memory-size.js";
import { MEMORY_POOL, type MemoryReservation } from "../memory/memory-pool.js";

/** Heap bytes per build row beyond its data: chain links, the key table's slot and hash, the matched flag. */
const BUILD_BYTES_PER_ROW = 40;

/**
 * The build side's rows indexed on their keys: one integral key in the compact index
 * (int-key-index.ts); other keys as dense key ids of a GroupHashTable with rows chained by
 * id (`head[id]` → first row, `next[row]` → following row); no keys: every row (nested loop).
 */
type BuildTable =
  | { readonly kind: "int"; readonly index: IntKeyIndex }
  | { readonly kind: "keys"; readonly table: GroupHashTable; readonly head: Int32Array; readonly next: Int32Array }
  | { readonly kind: "all" };

/**
 * Hash join of one partition, every join type. The `build` side's partition (or, for a
 * broadcast join, the whole broadcast, read as partition 0) goes into a hash table; the
 * other side streams through it batch by batch. Rows with a null key never match.
 * `residual` (the non-equi part of the condition) is checked on each candidate pair,
 * bound to [left columns…, right columns…]. Without keys every pair is a candidate
 * (nested loop). Outer rows of the build side are emitted after the stream ends, so a
 * join that needs them runs with both sides in the same partitions (shuffled). Output
 * goes through JoinOutput, which gathers only the columns the Project above reads.
 */
export class HashJoinExec implements ExecutionPlan {
  readonly name: string;
  readonly children: readonly ExecutionPlan[];
  private readonly buildPlan: ExecutionPlan;
  private readonly streamPlan: ExecutionPlan;
  private readonly buildKeys: readonly Expr[];
  private readonly streamKeys: readonly Expr[];
  /** Stream rows without a match are kept (with nulls for the build side). */
  private readonly streamOuter: boolean;
  /** Build rows without a match are emitted at the end (with nulls for the stream side). */
  private readonly buildOuter: boolean;

  constructor(
    readonly left: ExecutionPlan,
    readonly right: ExecutionPlan,
    readonly joinType: JoinType,
    readonly leftKeys: readonly Expr[],
    readonly rightKeys: readonly Expr[],
    readonly residual: Expr | undefined,
    readonly build: "left" | "right",
    readonly broadcast: boolean,
    readonly schema: StructType,
    private readonly detail: string,
    /** A broadcast build side the query hashed once and shares (see hashed-relation.ts). */
    private readonly relation?: HashedRelation,
    /** The output columns the Project above reads (join-projection.ts); null: all. */
    private readonly used: readonly boolean[] | null = null,
  ) {
    this.children = [left, right];
    this.name = leftKeys.length === 0 ? "BroadcastNestedLoopJoin" : broadcast ? "BroadcastHashJoin" : "ShuffledHashJoin";
    const br = build === "right";
    this.buildPlan = br ? right : left;
    this.streamPlan = br ? left : right;
    this.buildKeys = br ? rightKeys : leftKeys;
    this.streamKeys = br ? leftKeys : rightKeys;
    const jt = joinType;
    this.streamOuter = jt === "full" || (jt === "left" && br) || (jt === "right" && !br);
    this.buildOuter = jt === "full" || (jt === "left" && !br) || (jt === "right" && br);
  }

  numPartitions(ctx: ExecContext): number {
    return this.streamPlan.numPartitions(ctx);
  }

  explainDetail(): string {
    return this.detail;
  }

  private buildTable(rows: ColumnBatch, ectx: EvalContext): BuildTable {
    const n = rows.numRows;
    if (this.buildKeys.length === 0) return { kind: "all" };
    const keys = this.buildKeys.map((k) => evaluate(k, rows, ectx));
    const ik = intBuildKeys(keys, n);
    if (ik !== null) return { kind: "int", index: buildIntKeyIndex(ik, keys[0]!.validity, n, false) };
    const next = new Int32Array(n).fill(-1);
    const table = new GroupHashTable(this.buildKeys.map(exprType), Math.max(16, n));
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
    return { kind: "keys", table, head, next };
  }

  /** Candidate pairs (stream row, build row), in stream-row order. */
  private candidates(sb: ColumnBatch, bt: BuildTable, nBuild: number, ectx: EvalContext, si: IndexBuffer, bi: IndexBuffer, oneEach: boolean): void {
    const n = sb.numRows;
    switch (bt.kind) {
      case "all":
        for (let i = 0; i < n; i++) {
          for (let r = 0; r < nBuild; r++) {
            si.push(i);
            bi.push(r);
          }
        }
        return;
      case "int":
        probeIntKeyIndex(bt.index, evaluate(this.streamKeys[0]!, sb, ectx), n, si, bi, oneEach);
        return;
      case "keys": {
        const gids = bt.table.find(this.streamKeys.map((k) => evaluate(k, sb, ectx)), n);
        for (let i = 0; i < n; i++) {
          const g = gids[i]!;
          if (g < 0) continue;
          for (let r = bt.head[g]!; r >= 0; r = bt.next[r]!) {
            si.push(i);
            bi.push(r);
          }
        }
        return;
      }
      default:
        assertNever(bt);
    }
  }

  private output(): JoinOutput {
    return new JoinOutput(this.joinType, this.build === "right", this.residual, this.schema, this.streamPlan.schema, this.buildPlan.schema, this.used);
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const memory = MEMORY_POOL.register("HashJoin", executionMemory(ctx.conf));
    try {
      yield* this.join(partition, ctx, memory);
    } finally {
      memory.close();
    }
  }

  private async *join(partition: number, ctx: ExecContext, memory: MemoryReservation): AsyncIterable<ColumnBatch> {
    if (this.relation !== undefined) {
      yield* this.probeShared(this.relation, partition, ctx);
      return;
    }
    const ectx = evalContextOf(ctx);
    const parts: ColumnBatch[] = [];
    const build = this.buildPlan.execute(this.broadcast ? 0 : partition, ctx)[Symbol.asyncIterator]();
    for (;;) {
      const next = await build.next();
      if (next.done === true) break;
      const b = next.value;
      // The build side is held whole (twice while it is concatenated).
      const cost = 2 * batchByteSize(b) + BUILD_BYTES_PER_ROW * b.numRows;
      if (!memory.tryGrow(cost)) {
        // A broadcast is the same rows in every task, and a join without keys cannot merge:
        // past the budget those fail with UNABLE_TO_ACQUIRE_MEMORY.
        if (this.broadcast || this.buildKeys.length === 0) memory.grow(cost);
        // A shuffled partition whose build side outgrows the budget joins by sort-merge instead.
        memory.free();
        yield* sortMergeFallback(this.fallbackSpec(), this.build, [...parts, b], build, this.streamPlan.execute(partition, ctx), ctx, memory);
        return;
      }
      parts.push(b);
    }
    const rows = concatBatches(this.buildPlan.schema, parts);
    throwIfAborted(ctx);
    const bt = this.buildTable(rows, ectx);
    const out = this.output();
    const oneEach = out.existence && this.residual === undefined;
    const matched = this.buildOuter ? new Uint8Array(rows.numRows) : null;
    const si = new IndexBuffer();
    const bi = new IndexBuffer();
    let count = 0;
    for await (const sb of this.streamPlan.execute(partition, ctx)) {
      throwIfAborted(ctx);
      si.clear();
      bi.clear();
      this.candidates(sb, bt, rows.numRows, ectx, si, bi, oneEach);
      const [s, b] = out.filter(sb, rows, si.view(), bi.view(), ectx);
      if (matched !== null) for (let k = 0; k < b.length; k++) matched[b[k]!] = 1;
      yield* inBatches(out.shape(sb, 0, sb.numRows, rows, s, b));
      if (++count % 4 === 0) await yieldToEventLoop();
    }
    if (matched !== null) {
      const ub = new IndexBuffer();
      for (let k = 0; k < rows.numRows; k++) if (matched[k] === 0) ub.push(k);
      yield* inBatches(out.otherUnmatched(rows, ub.view()));
    }
  }

  /**
   * A broadcast hash join over the query's shared relation: no table to build, and nothing
   * to account (the relation is built once and shared by every task, not held per task).
   */
  private async *probeShared(rel: HashedRelation, partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const ectx = evalContextOf(ctx);
    const probe = new RelationProbe(rel, this.buildKeys, ectx);
    const out = this.output();
    const si = new IndexBuffer();
    const bi = new IndexBuffer();
    let count = 0;
    for await (const sb of this.streamPlan.execute(partition, ctx)) {
      throwIfAborted(ctx);
      si.clear();
      bi.clear();
      const keys = this.streamKeys.map((k) => evaluate(k, sb, ectx));
      probe.candidates(keys, sb.numRows, si, bi);
      const [s, b] = out.filter(sb, rel.batch, si.view(), bi.view(), ectx);
      yield* inBatches(out.shape(sb, 0, sb.numRows, rel.batch, s, b));
      if (++count % 4 === 0) await yieldToEventLoop();
    }
  }

  private fallbackSpec(): MergeJoinSpec {
    return {
      joinType: this.joinType,
      leftKeys: this.leftKeys,
      rightKeys: this.rightKeys,
      residual: this.residual,
      leftSchema: this.left.schema,
      rightSchema: this.right.schema,
      schema: this.schema,
      used: this.used,
    };
  }
}
