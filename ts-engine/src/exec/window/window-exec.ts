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

/** Rows buffered before a run is cut at its last partition boundary and evaluated. */
const RUN_ROWS = 1 << 16;

/**
 * Spark's WindowExec over one partition of rows clustered on the partition keys and sorted
 * by them then the order keys. Rows are buffered into runs of whole window partitions (cut at
 * the last partition boundary once RUN_ROWS are buffered, so memory stays bounded by the
 * largest window partition plus a run), and each run is evaluated whole: its partitions and
 * peer groups once, then each window expression as one vectorized call over all its rows.
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
    const inSchema = this.child.schema;
    let buffered: ColumnBatch[] = [];
    let rows = 0;
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      if (b.numRows === 0) continue;
      buffered.push(b);
      rows += b.numRows;
      if (rows < RUN_ROWS) continue;
      const all = concatBatches(inSchema, buffered);
      const cut = this.lastPartitionStart(all, ectx);
      if (cut <= 0) {
        buffered = [all];
        continue;
      }
      yield* this.emit(sliceBatch(all, 0, cut), ectx, ctx.conf.ansi);
      const rest = sliceBatch(all, cut, all.numRows);
      buffered = [rest];
      rows = rest.numRows;
    }
    if (rows > 0) yield* this.emit(concatBatches(inSchema, buffered), ectx, ctx.conf.ansi);
  }

  /** The first row of the last window partition in `b` (0 when it holds one partition). */
  private lastPartitionStart(b: ColumnBatch, ectx: EvalContext): number {
    if (this.partitionSpec.length === 0) return 0;
    const changes = new Uint8Array(b.numRows);
    for (const k of this.partitionSpec) markChanges(evaluate(k, b, ectx), b.numRows, changes);
    for (let i = b.numRows - 1; i > 0; i--) if (changes[i] === 1) return i;
    return 0;
  }

  private *emit(run: ColumnBatch, ectx: EvalContext, ansi: boolean): Generator<ColumnBatch> {
    const n = run.numRows;
    const partKeys = this.partitionSpec.map((k) => evaluate(k, run, ectx));
    const orderKeys = this.orderSpec.map((o) => evaluate(o.child, run, ectx));
    const bounds = partitionBounds(partKeys, orderKeys, n);
    const results = this.windowExprs.map((w) => evaluateWindow(w, run, bounds, orderKeys[0], ectx, ansi));
    const cols = [...run.columns, ...results];
    const out = makeBatch(this.schema, cols, n);
    for (let s = 0; s < n; s += BATCH_SIZE) yield sliceBatch(out, s, s + BATCH_SIZE);
  }
}

/** One window expression's column over a run of rows. */
function evaluateWindow(w: WindowExpression, run: ColumnBatch, bounds: PartitionBounds, orderKey: Vector | undefined, ectx: EvalContext, ansi: boolean): Vector {
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
    if (f.lower.kind === "unboundedPreceding") {
      // a running frame: one state per partition fed in order (O(n)) where the function has one
      const running = runningKernelOf(fn, ansi)?.(args, bounds.partStart, frames.frameEnd, n);
      if (running !== undefined) return running;
    }
    return aggregateOverFrames(fn, args, frames, n, ansi);
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
