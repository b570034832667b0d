import type { ColumnBatch } from "../../columnar/batch.js";
import { concatBatches, sliceBatch, sliceVector } from "../../columnar/rows.js";
import { compareValues } from "../../columnar/value-order.js";
import type { Vector } from "../../columnar/vector.js";
import type { EvalContext } from "../../expr/eval/eval-context.js";
import { valueAt } from "../../expr/eval/vectors.js";
import type { Expr } from "../../expr/expr.js";
import { pythonRunnerOf } from "../../python/default-runner.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { evalContextOf, throwIfAborted } from "../util.js";
import type { FlatMapCoGroupsOp } from "./arrow-python-op.js";
import { keyGroups, wholeGroupRuns } from "./group-runs.js";
import { maxRecordsPerBatch } from "./map-in-python-exec.js";
import { mapSide, resultBatches } from "./python-map-side.js";
import { pythonRunOptions } from "./python-run-options.js";

interface SideGroups {
  readonly run: ColumnBatch;
  readonly keys: readonly Vector[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** A run of whole groups of one side: its rows, keys and each group's row range. */
function sideGroups(run: ColumnBatch, keyExprs: readonly Expr[], ectx: EvalContext): SideGroups {
  return { run, ...keyGroups(keyExprs, run, ectx) };
}

/** Groups [from, to) of a side's run, rebased to start at row 0. */
function groupsBetween(s: SideGroups, from: number, to: number): SideGroups {
  if (from === 0 && to === s.starts.length) return s;
  const a = to > from ? s.starts[from]! : 0;
  const b = to > from ? s.ends[to - 1]! : 0;
  return { run: sliceBatch(s.run, a, b), keys: s.keys.map((k) => sliceVector(k, a, b)), starts: s.starts.slice(from, to).map((x) => x - a), ends: s.ends.slice(from, to).map((x) => x - a) };
}

/** How many of `s`'s groups (from the first) have keys ≤ the key of row `row` of `other`. */
function groupsUpTo(s: SideGroups, other: SideGroups, row: number): number {
  let n = 0;
  while (n < s.starts.length && compareKeys(s, s.starts[n]!, other, row) <= 0) n++;
  return n;
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
 * co-partitioned on their keys and sorted by them: both sides are read in runs of whole
 * groups, merged by key, and the function called once per key with both sides' rows (an
 * empty frame for a side without it), a worker request per merged stretch of runs.
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
    const { leftGroupBy, rightGroupBy } = this.op;
    const lRuns = wholeGroupRuns(this.left.execute(partition, ctx), this.left.schema, leftGroupBy, ectx)[Symbol.asyncIterator]();
    const rRuns = wholeGroupRuns(this.right.execute(partition, ctx), this.right.schema, rightGroupBy, ectx)[Symbol.asyncIterator]();
    const none = (plan: ExecutionPlan, keys: readonly Expr[]): SideGroups => sideGroups(concatBatches(plan.schema, []), keys, ectx);
    let l: SideGroups | null = null;
    let r: SideGroups | null = null;
    let lDone = false;
    let rDone = false;
    // runs of whole groups from both sides, merged in key order: the smaller of the two runs'
    // last keys bounds what both sides hold entirely, so those co-groups go to the worker and
    // the rest waits for the other side's next run (memory: about a run per side)
    for (;;) {
      throwIfAborted(ctx);
      if (l === null && !lDone) {
        const n = await lRuns.next();
        if (n.done === true) lDone = true;
        else l = sideGroups(n.value, leftGroupBy, ectx);
      }
      if (r === null && !rDone) {
        const n = await rRuns.next();
        if (n.done === true) rDone = true;
        else r = sideGroups(n.value, rightGroupBy, ectx);
      }
      if (l === null && r === null) return;
      let lTake: number;
      let rTake: number;
      if (l === null) [lTake, rTake] = [0, r!.starts.length];
      else if (r === null) [lTake, rTake] = [l.starts.length, 0];
      else {
        const lLast = l.starts[l.starts.length - 1]!;
        const rLast = r.starts[r.starts.length - 1]!;
        if (compareKeys(l, lLast, r, rLast) <= 0) [lTake, rTake] = [l.starts.length, groupsUpTo(r, l, lLast)];
        else [lTake, rTake] = [groupsUpTo(l, r, rLast), r.starts.length];
      }
      const lPart = l === null ? none(this.left, leftGroupBy) : groupsBetween(l, 0, lTake);
      const rPart = r === null ? none(this.right, rightGroupBy) : groupsBetween(r, 0, rTake);
      yield* await this.call(lPart, rPart, ctx, ectx);
      l = l === null || lTake === l.starts.length ? null : groupsBetween(l, lTake, l.starts.length);
      r = r === null || rTake === r.starts.length ? null : groupsBetween(r, rTake, r.starts.length);
    }
  }

  /** One worker request for the co-groups of two runs. */
  private async call(l: SideGroups, r: SideGroups, ctx: ExecContext, ectx: EvalContext): Promise<Generator<ColumnBatch>> {
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
      pythonRunOptions(ctx),
    );
    return resultBatches(this.schema, res);
  }
}
