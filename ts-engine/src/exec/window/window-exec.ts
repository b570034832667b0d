import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
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
import { aggregateOverFrames, aggregateOverPartitions } from "./frame-aggregate.js";
import { frameRanges } from "./frame-bounds.js";
import { markChanges, partitionBounds, type PartitionBounds } from "./window-bounds.js";
import { firstPartitionRows, nextCarry, shiftRanking, streamsAcrossRuns, type PartitionCarry } from "./window-carry.js";

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
 * huge partition (a window over a single key) takes no more memory than a run.
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
    let buffered: ColumnBatch[] = [];
    let rows = 0;
    // the buffer's last partition start and last peer-group start (0: none past its first row),
    // found batch by batch so that a long partition is never scanned again
    let partCut = 0;
    let peerCut = 0;
    let last: ColumnBatch | undefined;
    let carry: PartitionCarry | undefined;
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      if (b.numRows === 0) continue;
      const marks = this.boundaries(last, b, ectx);
      if (marks.part >= 0) partCut = rows + marks.part;
      if (marks.peer >= 0) peerCut = rows + marks.peer;
      last = sliceBatch(b, b.numRows - 1, b.numRows);
      buffered.push(b);
      rows += b.numRows;
      if (rows < this.runRows) continue;
      const cut = partCut > 0 ? partCut : streams ? peerCut : 0;
      if (cut <= 0) continue;
      const all = concatBatches(inSchema, buffered);
      const run = sliceBatch(all, 0, cut);
      const keys = this.boundsOf(run, ectx);
      yield* this.emit(run, keys, ectx, ansi, carry);
      // a cut inside a partition carries its state on; one at a partition's start carries nothing
      carry = cut === partCut ? undefined : nextCarry(this.windowExprs, run, keys.bounds, carry, ectx, ansi);
      const rest = sliceBatch(all, cut, all.numRows);
      buffered = [rest];
      rows = rest.numRows;
      partCut = 0;
      peerCut = peerCut > cut ? peerCut - cut : 0;
    }
    if (rows > 0) {
      const run = concatBatches(inSchema, buffered);
      yield* this.emit(run, this.boundsOf(run, ectx), ectx, ansi, carry);
    }
  }

  /**
   * Where batch `b` starts a new window partition (`part`) and a new peer group (`peer`), the
   * last such row of `b` (-1: none), compared with the row before it (`prev`, the previous
   * batch's last row, for b's first row).
   */
  private boundaries(prev: ColumnBatch | undefined, b: ColumnBatch, ectx: EvalContext): { part: number; peer: number } {
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
    return { part: lastOf(own.part, edge?.part[1] === 1), peer: lastOf(own.peer, edge?.peer[1] === 1) };
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
      const initial = state === undefined ? undefined : { partial: state, rows: firstPartitionRows(bounds, n) };
      return evaluateWindow(w, run, bounds, orderKey, ectx, ansi, initial);
    });
    const cols = [...run.columns, ...results];
    const out = makeBatch(this.schema, cols, n);
    for (let s = 0; s < n; s += BATCH_SIZE) yield sliceBatch(out, s, s + BATCH_SIZE);
  }
}

/**
 * One window expression's column over a run of rows; `initial`: the state an aggregate's
 * first partition starts from (its rows before this run).
 */
function evaluateWindow(
  w: WindowExpression,
  run: ColumnBatch,
  bounds: PartitionBounds,
  orderKey: Vector | undefined,
  ectx: EvalContext,
  ansi: boolean,
  initial?: { readonly partial: readonly Vector[]; readonly rows: number },
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
    if (f.lower.kind === "unboundedPreceding" && initial === undefined) {
      // a running frame: one state per partition fed in order (O(n)) where the function has one
      const running = runningKernelOf(fn, ansi)?.(args, bounds.partStart, frames.frameEnd, n);
      if (running !== undefined) return running;
    }
    return aggregateOverFrames(fn, args, frames, n, ansi, initial);
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
