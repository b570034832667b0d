import { BATCH_SIZE, batchByteSize, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { concatBatches, sliceBatch } from "../../columnar/rows.js";
import type { Vector } from "../../columnar/vector.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { EvalContext } from "../../expr/eval/eval-context.js";
import type { AggCall, Expr, SortOrder, WindowExpression } from "../../expr/expr.js";
import { lookupFunction } from "../../expr/functions/registry.js";
import { InternalError } from "../../errors/spark-exception.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { distinctMatters, updateArgs } from "../aggregate/agg-spec.js";
import { aggregateDefOf } from "../../expr/functions/aggregate/accumulator-for.js";
import type { RunningKernel } from "../../expr/functions/function-def.js";
import { evalContextOf, throwIfAborted } from "../util.js";
import { aggregateOverFrames, aggregateOverPartitions, type FrameEdges } from "./frame-aggregate.js";
import { frameRanges } from "./frame-bounds.js";
import { markChanges, partitionBounds, type PartitionBounds } from "./window-bounds.js";
import { firstPartitionRows, nextCarry, shiftRanking, streamsAcrossRuns, type PartitionCarry } from "./window-carry.js";
import { SpilledPartition } from "./spilled-partition.js";
import { evaluateSpilled, reachesPastView, spillsExactly } from "./spilled-window.js";
import { spillThreshold } from "./spill-threshold.js";
import { executionMemory } from "../memory/memory-size.js";
import { MEMORY_POOL } from "../memory/memory-pool.js";

/** Rows buffered before a run is cut at its last partition boundary and evaluated. */
const RUN_ROWS = 1 << 16;

/**
 * Spark's WindowExec over one partition of rows clustered on the partition keys and sorted
 * by them then the order keys. Rows are buffered into runs of whole window partitions (cut at
 * the last partition boundary once `runRows` are buffered), and each run is evaluated whole:
 * its partitions and peer groups once, then each window expression as one vectorized call
 * over all its rows. A window partition larger than a run is held whole, unless every window
 * expression streams (window-carry.ts: row_number, rank, dense_rank, running aggregates):
 * then it is cut at a peer-group boundary and its state carried into the next run, so one
 * huge partition (a window over a single key) takes no more memory than a run. A partition
 * that cannot stream and grows past the task's memory budget or
 * spark.sql.windowExec.buffer.spill.threshold rows is spilled to `spark.local.dir` and
 * evaluated a chunk at a time (spilled-window.ts), as Spark's WindowExec spills its buffer.
 */
export class WindowExec implements ExecutionPlan {
  readonly name = "Window";
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    readonly windowExprs: readonly WindowExpression[],
    readonly partitionSpec: readonly Expr[],
    readonly orderSpec: readonly SortOrder[],
    readonly schema: StructType,
    private readonly detail: string,
    private readonly runRows = RUN_ROWS,
  ) {
    this.children = [child];
  }

  numPartitions(ctx: ExecContext): number {
    return this.child.numPartitions(ctx);
  }

  explainDetail(): string {
    return this.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const ectx = evalContextOf(ctx);
    const ansi = ctx.conf.ansi;
    const inSchema = this.child.schema;
    const streams = this.windowExprs.every(streamsAcrossRuns);
    const spillable = this.windowExprs.every(spillsExactly);
    const threshold = spillThreshold(ctx.conf);
    const memory = MEMORY_POOL.register("Window", executionMemory(ctx.conf));
    let buffered: ColumnBatch[] = [];
    let rows = 0;
    // bytes of `buffered` the reservation holds (a buffer the budget refused is held unreserved)
    let held = 0;
    // the buffer's last partition start and last peer-group start (0: none past its first row),
    // found batch by batch so that a long partition is never scanned again
    let partCut = 0;
    let peerCut = 0;
    let last: ColumnBatch | undefined;
    let carry: PartitionCarry | undefined;
    let spilled: SpilledPartition | undefined;
    try {
      for await (const input of this.child.execute(partition, ctx)) {
        throwIfAborted(ctx);
        if (input.numRows === 0) continue;
        let b = input;
        let marks = this.boundaries(last, b, ectx);
        last = sliceBatch(b, b.numRows - 1, b.numRows);
        if (spilled !== undefined) {
          // the spilled partition takes the rows up to the next partition's start
          if (marks.firstPart < 0) {
            await spilled.append(b);
            continue;
          }
          const f = marks.firstPart;
          if (f > 0) await spilled.append(sliceBatch(b, 0, f));
          yield* this.emitSpilled(spilled, ctx, ectx);
          spilled = undefined;
          b = sliceBatch(b, f, b.numRows);
          marks = { firstPart: 0, part: marks.part - f, peer: marks.peer - f };
        }
        if (marks.part >= 0) partCut = rows + marks.part;
        if (marks.peer >= 0) peerCut = rows + marks.peer;
        buffered.push(b);
        rows += b.numRows;
        const cost = 2 * batchByteSize(b);
        let fits = memory.tryGrow(cost);
        if (fits) held += cost;
        if (rows < this.runRows && fits && rows - partCut <= threshold) continue;
        const cut = partCut > 0 ? partCut : streams ? peerCut : 0;
        if (cut > 0) {
          const all = concatBatches(inSchema, buffered);
          const run = sliceBatch(all, 0, cut);
          const keys = this.boundsOf(run, ectx);
          yield* this.emitRun(run, keys, carry, spillable ? threshold : Infinity, ctx, ectx);
          // a cut inside a partition carries its state on; one at a partition's start carries nothing
          carry = cut === partCut ? undefined : nextCarry(this.windowExprs, run, keys.bounds, carry, ectx, ansi);
          const rest = sliceBatch(all, cut, all.numRows);
          buffered = [rest];
          rows = rest.numRows;
          partCut = 0;
          peerCut = peerCut > cut ? peerCut - cut : 0;
          memory.shrink(held);
          held = 2 * batchByteSize(rest);
          fits = memory.tryGrow(held);
          if (!fits) held = 0;
        }
        // one partition, from its start, past the spill threshold or the memory budget: to disk
        if (spillable && carry === undefined && partCut === 0 && (rows > threshold || !fits)) {
          spilled = await this.startSpill(ctx, ectx, inSchema, threshold);
          for (const piece of buffered) await spilled.append(piece);
          buffered = [];
          rows = 0;
          peerCut = 0;
          memory.shrink(held);
          held = 0;
        }
      }
      if (spilled !== undefined) {
        yield* this.emitSpilled(spilled, ctx, ectx);
        spilled = undefined;
      } else if (rows > 0) {
        const run = concatBatches(inSchema, buffered);
        yield* this.emitRun(run, this.boundsOf(run, ectx), carry, spillable ? threshold : Infinity, ctx, ectx);
      }
    } finally {
      // ends, fails or is cancelled: no spill file outlives the task, and its memory goes back
      await spilled?.delete();
      memory.close();
    }
  }

  /**
   * A run's rows with their window columns: evaluated whole, but for the partitions in it over
   * `threshold` rows, which are spilled and evaluated as spilled (as Spark spills any window
   * partition past the threshold); a carried first partition stays in memory.
   */
  private async *emitRun(
    run: ColumnBatch,
    keys: { bounds: PartitionBounds; orderKey: Vector | undefined },
    carry: PartitionCarry | undefined,
    threshold: number,
    ctx: ExecContext,
    ectx: EvalContext,
  ): AsyncGenerator<ColumnBatch> {
    const n = run.numRows;
    const ansi = ctx.conf.ansi;
    if (n <= threshold) {
      yield* this.emit(run, keys, ectx, ansi, carry);
      return;
    }
    const { partEnd } = keys.bounds;
    const part = (s: number, e: number): { rows: ColumnBatch; keys: { bounds: PartitionBounds; orderKey: Vector | undefined } } => {
      const rows = sliceBatch(run, s, e);
      return { rows, keys: s === 0 && e === n ? keys : this.boundsOf(rows, ectx) };
    };
    let s = 0;
    for (let i = 0; i < n; ) {
      const e = partEnd[i]!;
      if (e - i > threshold && !(i === 0 && carry !== undefined)) {
        if (i > s) {
          const before = part(s, i);
          yield* this.emit(before.rows, before.keys, ectx, ansi, s === 0 ? carry : undefined);
        }
        const spilled = await this.startSpill(ctx, ectx, run.schema, threshold);
        try {
          await spilled.append(sliceBatch(run, i, e));
        } catch (err) {
          await spilled.delete();
          throw err;
        }
        yield* this.emitSpilled(spilled, ctx, ectx);
        s = e;
      }
      i = e;
    }
    if (s < n) {
      const rest = part(s, n);
      yield* this.emit(rest.rows, rest.keys, ectx, ansi, s === 0 ? carry : undefined);
    }
  }

  /** Block and chunk sizes of a spilled partition: blocks of at most 4096 rows, chunks of about a run. */
  private spillShape(threshold: number): { blockRows: number; chunkBlocks: number } {
    const blockRows = Math.max(1, Math.min(4096, threshold, Math.floor(this.runRows / 4)));
    const chunkRows = Math.max(blockRows, Math.min(this.runRows, 4 * threshold));
    return { blockRows, chunkBlocks: Math.ceil(chunkRows / blockRows) };
  }

  private startSpill(ctx: ExecContext, ectx: EvalContext, inSchema: StructType, threshold: number): Promise<SpilledPartition> {
    const { blockRows } = this.spillShape(threshold);
    return SpilledPartition.create(ctx, ectx, inSchema, blockRows, this.windowExprs, this.orderSpec, this.windowExprs.map(reachesPastView));
  }

  /** Finishes a spilled partition, yields its rows with their window columns, and removes its file. */
  private async *emitSpilled(p: SpilledPartition, ctx: ExecContext, ectx: EvalContext): AsyncGenerator<ColumnBatch> {
    try {
      await p.finish();
      const { chunkBlocks } = this.spillShape(spillThreshold(ctx.conf));
      yield* evaluateSpilled(p, this.windowExprs, this.orderSpec, this.schema, chunkBlocks, ctx, ectx);
    } finally {
      await p.delete();
    }
  }

  /**
   * Where batch `b` starts a new window partition (`part`: the last such row, `firstPart`:
   * the first) and a new peer group (`peer`: the last), -1 for none, compared with the row
   * before it (`prev`, the previous batch's last row, for b's first row).
   */
  private boundaries(prev: ColumnBatch | undefined, b: ColumnBatch, ectx: EvalContext): { firstPart: number; part: number; peer: number } {
    const marks = (batch: ColumnBatch): { part: Uint8Array; peer: Uint8Array } => {
      const n = batch.numRows;
      const part = new Uint8Array(n);
      for (const k of this.partitionSpec) markChanges(evaluate(k, batch, ectx), n, part);
      const peer = part.slice();
      for (const o of this.orderSpec) markChanges(evaluate(o.child, batch, ectx), n, peer);
      return { part, peer };
    };
    const own = marks(b);
    // b's first row against the previous batch's last (a two-row batch)
    const edge = prev === undefined ? undefined : marks(concatBatches(b.schema, [prev, sliceBatch(b, 0, 1)]));
    const lastOf = (c: Uint8Array, first: boolean): number => {
      for (let i = c.length - 1; i > 0; i--) if (c[i] === 1) return i;
      return first ? 0 : -1;
    };
    const firstOf = (c: Uint8Array, first: boolean): number => {
      if (first) return 0;
      for (let i = 1; i < c.length; i++) if (c[i] === 1) return i;
      return -1;
    };
    const edgePart = edge?.part[1] === 1;
    return { firstPart: firstOf(own.part, edgePart), part: lastOf(own.part, edgePart), peer: lastOf(own.peer, edge?.peer[1] === 1) };
  }

  private boundsOf(run: ColumnBatch, ectx: EvalContext): { bounds: PartitionBounds; orderKey: Vector | undefined } {
    const partKeys = this.partitionSpec.map((k) => evaluate(k, run, ectx));
    const orderKeys = this.orderSpec.map((o) => evaluate(o.child, run, ectx));
    return { bounds: partitionBounds(partKeys, orderKeys, run.numRows), orderKey: orderKeys[0] };
  }

  private *emit(run: ColumnBatch, keys: { bounds: PartitionBounds; orderKey: Vector | undefined }, ectx: EvalContext, ansi: boolean, carry: PartitionCarry | undefined): Generator<ColumnBatch> {
    const n = run.numRows;
    const { bounds, orderKey } = keys;
    const results = this.windowExprs.map((w, j) => {
      if (carry === undefined) return evaluateWindow(w, run, bounds, orderKey, ectx, ansi);
      // the run's first partition continues the carried one
      if (w.fn.kind !== "AggCall") return shiftRanking(w, evaluateWindow(w, run, bounds, orderKey, ectx, ansi), bounds, carry);
      const state = carry.states[j];
      const edges = state === undefined ? undefined : { before: [{ partial: state, rows: identityRows(firstPartitionRows(bounds, n)) }], after: [] };
      return evaluateWindow(w, run, bounds, orderKey, ectx, ansi, edges);
    });
    const cols = [...run.columns, ...results];
    const out = makeBatch(this.schema, cols, n);
    for (let s = 0; s < n; s += BATCH_SIZE) yield sliceBatch(out, s, s + BATCH_SIZE);
  }
}

/** Row ids 0 … k-1. */
function identityRows(k: number): Int32Array {
  const out = new Int32Array(k);
  for (let i = 0; i < k; i++) out[i] = i;
  return out;
}

/**
 * One window expression's column over a run of rows; `edges`: the state an aggregate's
 * first partition starts from (its rows before this run).
 */
function evaluateWindow(
  w: WindowExpression,
  run: ColumnBatch,
  bounds: PartitionBounds,
  orderKey: Vector | undefined,
  ectx: EvalContext,
  ansi: boolean,
  edges?: FrameEdges,
): Vector {
  const n = run.numRows;
  const f = w.frame;
  const fn = w.fn;
  if (fn.kind === "AggCall") {
    const args = updateArgs(fn).map((a) => evaluate(a, run, ectx));
    if (f.lower.kind === "unboundedPreceding" && f.upper.kind === "unboundedFollowing") {
      return aggregateOverPartitions(fn, args, bounds.partIndex, bounds.numPartitions, n, ansi);
    }
    const asc = w.orderSpec[0]?.ascending ?? true;
    const frames = frameRanges(f, bounds, n, orderKey, asc);
    if (f.lower.kind === "unboundedPreceding" && edges === undefined) {
      // a running frame: one state per partition fed in order (O(n)) where the function has one
      const running = runningKernelOf(fn, ansi)?.(args, bounds.partStart, frames.frameEnd, n);
      if (running !== undefined) return running;
    }
    return aggregateOverFrames(fn, args, frames, n, ansi, edges);
  }
  // pandas UDFs over windows run in ArrowWindowPython (the planner never gives them to WindowExec)
  if (fn.kind === "PythonUDF") throw new InternalError(`pandas UDF ${fn.name} in a SQL window`);
  const def = lookupFunction(fn.fn);
  if (def?.kind !== "window") throw new InternalError(`${fn.fn} is not a window function`);
  const args = fn.args.map((a) => evaluate(a, run, ectx));
  const asc = w.orderSpec[0]?.ascending ?? true;
  const frames = frameRanges(f, bounds, n, orderKey, asc);
  return def.evaluate(args, fn, { numRows: n, ...bounds, ...frames });
}

/** The registry's running kernel for an aggregate call, when it has one (not under DISTINCT or FILTER). */
function runningKernelOf(call: AggCall, ansi: boolean): RunningKernel | undefined {
  if (call.filter !== undefined || distinctMatters(call)) return undefined;
  return aggregateDefOf(call).running?.(call, ansi);
}
