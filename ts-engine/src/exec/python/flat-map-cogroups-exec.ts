import type { ColumnBatch } from "../../columnar/batch.js";
import { concatBatches } from "../../columnar/rows.js";
import { compareValues } from "../../columnar/value-order.js";
import type { Vector } from "../../columnar/vector.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { EvalContext } from "../../expr/eval/eval-context.js";
import { valueAt } from "../../expr/eval/vectors.js";
import type { Expr } from "../../expr/expr.js";
import { pythonRunnerOf } from "../../python/default-runner.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { evalContextOf, throwIfAborted } from "../util.js";
import { partitionBounds } from "../window/window-bounds.js";
import type { FlatMapCoGroupsOp } from "./arrow-python-op.js";
import { groupRanges } from "./group-runs.js";
import { maxRecordsPerBatch } from "./map-in-python-exec.js";
import { mapSide, resultBatches } from "./python-map-side.js";

interface SideGroups {
  readonly run: ColumnBatch;
  readonly keys: readonly Vector[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

async function gather(plan: ExecutionPlan, partition: number, ctx: ExecContext, keyExprs: readonly Expr[], ectx: EvalContext): Promise<SideGroups> {
  const batches: ColumnBatch[] = [];
  for await (const b of plan.execute(partition, ctx)) {
    throwIfAborted(ctx);
    if (b.numRows > 0) batches.push(b);
  }
  const run = concatBatches(plan.schema, batches);
  const keys = keyExprs.map((k) => evaluate(k, run, ectx));
  const bounds = partitionBounds(keys, [], run.numRows);
  return { run, keys, ...groupRanges(bounds.partIndex, bounds.numPartitions, run.numRows) };
}

/** Grouping order of two keys (both sides sort their keys ascending, nulls first). */
function compareKeys(a: SideGroups, i: number, b: SideGroups, j: number): number {
  for (let k = 0; k < a.keys.length; k++) {
    const x = valueAt(a.keys[k]!, i);
    const y = valueAt(b.keys[k]!, j);
    const c = x === null ? (y === null ? 0 : -1) : y === null ? 1 : compareValues(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * The co-groups of two sides sorted on their keys, merged in key order: four ints per key
 * (left start, end, right start, end; -1, -1 where a side has no rows of that key).
 */
function pairGroups(l: SideGroups, r: SideGroups): Int32Array {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < l.starts.length || j < r.starts.length) {
    const c = i >= l.starts.length ? 1 : j >= r.starts.length ? -1 : compareKeys(l, l.starts[i]!, r, r.starts[j]!);
    if (c <= 0) out.push(l.starts[i]!, l.ends[i]!);
    else out.push(-1, -1);
    if (c >= 0) out.push(r.starts[j]!, r.ends[j]!);
    else out.push(-1, -1);
    if (c <= 0) i++;
    if (c >= 0) j++;
  }
  return Int32Array.from(out);
}

/**
 * Spark's FlatMapCoGroupsInPandasExec / InArrowExec over one partition of two inputs
 * co-partitioned on their keys and sorted by them: both sides' rows are gathered, their
 * groups merged by key, and the function called once per key with both sides' rows (an
 * empty frame for a side without it) in one worker request.
 */
export class FlatMapCoGroupsExec implements ExecutionPlan {
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly left: ExecutionPlan,
    readonly right: ExecutionPlan,
    private readonly op: FlatMapCoGroupsOp,
    readonly name: string,
    readonly schema: StructType,
    private readonly detail: string,
  ) {
    this.children = [left, right];
  }

  numPartitions(ctx: ExecContext): number {
    return this.left.numPartitions(ctx);
  }

  explainDetail(): string {
    return this.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const ectx = evalContextOf(ctx);
    const l = await gather(this.left, partition, ctx, this.op.leftGroupBy, ectx);
    const r = await gather(this.right, partition, ctx, this.op.rightGroupBy, ectx);
    if (l.run.numRows === 0 && r.run.numRows === 0) return;
    const u = this.op.udf;
    const leftArgs = u.args.slice(0, this.op.leftArgs);
    // the right side's arguments are bound after the left's columns: rebase them onto the right input
    const width = this.left.schema.fields.length;
    const rightArgs = u.args.slice(this.op.leftArgs).map((a) => (a.kind === "BoundRef" ? { ...a, ordinal: a.ordinal - width } : a));
    const res = await pythonRunnerOf(ctx.services).pythonMap(
      {
        kind: "cogroups",
        func: u.func,
        evalType: u.evalType,
        returnType: this.schema,
        maxRecordsPerBatch: maxRecordsPerBatch(ctx),
        left: mapSide(l.run, leftArgs, this.op.leftGroupBy, ectx),
        right: mapSide(r.run, rightArgs, this.op.rightGroupBy, ectx),
        pairs: pairGroups(l, r),
      },
      { pythonExec: ctx.pythonExec, signal: ctx.signal },
    );
    yield* resultBatches(this.schema, res);
  }
}
