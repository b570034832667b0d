import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { sliceBatch } from "../../columnar/rows.js";
import { takeVector } from "../../columnar/take.js";
import type { Vector } from "../../columnar/vector.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { Expr } from "../../expr/expr.js";
import type { WindowFrame } from "../../expr/window-frame.js";
import { pythonRunnerOf } from "../../python/default-runner.js";
import type { PythonRunner, RunOptions, UdfCall } from "../../python/python-runner.js";
import type { StructType } from "../../types/data-type.js";
import { planArguments } from "../batch-eval-python-exec.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { UnaryExec } from "../unary-exec.js";
import { evalContextOf } from "../util.js";
import { frameRanges } from "../window/frame-bounds.js";
import { partitionBounds, type PartitionBounds } from "../window/window-bounds.js";
import type { WindowInPandasOp } from "./arrow-python-op.js";
import { groupRanges, wholeGroupRuns } from "./group-runs.js";
import { pythonRunOptions } from "./python-run-options.js";

function wholePartition(f: WindowFrame): boolean {
  return f.lower.kind === "unboundedPreceding" && f.upper.kind === "unboundedFollowing";
}

/**
 * Spark's WindowInPandasExec (4.0.1's name; ArrowWindowPythonExec later) over one partition clustered on the window's partition keys
 * and sorted by them then its order: runs of whole window partitions go to a Python worker.
 * A UDF over the whole partition is called once per window partition and its value repeated
 * on each row; over any other frame (ROWS or RANGE, bounded or running) it is called once per
 * row on that row's frame, as Spark's bounded-window path does. The frames are computed here
 * by the same code as the engine's own windows and sent as row ranges.
 */
export class WindowInPandasExec extends UnaryExec {
  readonly name = "WindowInPandas";
  private readonly args: readonly Expr[];
  private readonly calls: readonly UdfCall[];

  constructor(
    child: ExecutionPlan,
    private readonly op: WindowInPandasOp,
    schema: StructType,
    detail: string,
  ) {
    super(child, schema, detail);
    const { args, calls } = planArguments(op.udfs);
    this.args = args;
    this.calls = calls.map((c, i) => ({ ...c, func: op.udfs[i]!.func, returnType: op.udfs[i]!.returnType, evalType: op.udfs[i]!.evalType }));
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const ectx = evalContextOf(ctx);
    const runner = pythonRunnerOf(ctx.services);
    const opts: RunOptions = pythonRunOptions(ctx);
    for await (const run of wholeGroupRuns(this.input(partition, ctx), this.child.schema, this.op.partitionSpec, ectx)) {
      const n = run.numRows;
      const partKeys = this.op.partitionSpec.map((k) => evaluate(k, run, ectx));
      const orderKeys = this.op.orderSpec.map((o) => evaluate(o.child, run, ectx));
      const bounds = partitionBounds(partKeys, orderKeys, n);
      const args = this.args.map((a) => (a.kind === "BoundRef" ? run.columns[a.ordinal]! : evaluate(a, run, ectx)));
      const asc = this.op.orderSpec[0]?.ascending ?? true;
      const results = await Promise.all(this.calls.map((call, i) => this.evalOne(runner, opts, call, this.op.frames[i]!, args, bounds, orderKeys[0], asc, n)));
      const out = makeBatch(this.schema, [...run.columns, ...results], n);
      for (let s = 0; s < n; s += BATCH_SIZE) yield sliceBatch(out, s, Math.min(n, s + BATCH_SIZE));
    }
  }

  private async evalOne(
    runner: PythonRunner,
    opts: RunOptions,
    call: UdfCall,
    frame: WindowFrame,
    args: readonly Vector[],
    bounds: PartitionBounds,
    orderKey: Vector | undefined,
    asc: boolean,
    n: number,
  ): Promise<Vector> {
    if (wholePartition(frame)) {
      const { starts, ends } = groupRanges(bounds.partIndex, bounds.numPartitions, n);
      const [perPartition] = await runner.evalAggPandas({ udfs: [call], args, numRows: n, starts, ends }, opts);
      return takeVector(perPartition!, bounds.partIndex, n, { nonNegative: true });
    }
    const f = frameRanges(frame, bounds, n, orderKey, asc);
    const [perRow] = await runner.evalAggPandas({ udfs: [call], args, numRows: n, starts: f.frameStart, ends: f.frameEnd }, opts);
    return perRow!;
  }
}
