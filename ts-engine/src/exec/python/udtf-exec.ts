import type { ColumnBatch } from "../../columnar/batch.js";
import { concatBatches } from "../../columnar/rows.js";
import { takeVector } from "../../columnar/take.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { EvalContext } from "../../expr/eval/eval-context.js";
import { pythonRunnerOf } from "../../python/default-runner.js";
import type { EvalUdtfResult } from "../../python/python-runner.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { evalContextOf, throwIfAborted } from "../util.js";
import { partitionBounds } from "../window/window-bounds.js";
import type { UdtfOp } from "./arrow-python-op.js";
import { groupRanges, wholeGroupRuns } from "./group-runs.js";
import { resultBatches } from "./python-map-side.js";

/** The partition's rows as one batch (a UDTF without PARTITION BY keeps one instance for all of them). */
async function* wholePartition(batches: AsyncIterable<ColumnBatch>, schema: StructType, ctx: ExecContext): AsyncGenerator<ColumnBatch> {
  const all: ColumnBatch[] = [];
  for await (const b of batches) {
    throwIfAborted(ctx);
    if (b.numRows > 0) all.push(b);
  }
  yield concatBatches(schema, all);
}

/**
 * Spark's BatchEvalPythonUDTFExec / ArrowEvalPythonUDTFExec over one partition: the UDTF's
 * class is instantiated once for the partition (once per PARTITION BY key, the input then
 * sorted on it, in runs of whole keys), `eval` runs per row and `terminate` at the end. Each
 * output row carries its input row's kept columns (a lateral join's left side; nulls for
 * terminate's rows), then the UDTF's own.
 */
export class UdtfExec implements ExecutionPlan {
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    private readonly op: UdtfOp,
    readonly name: string,
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
    const runner = pythonRunnerOf(ctx.services);
    const opts = { pythonExec: ctx.pythonExec, signal: ctx.signal };
    const { udtf, shapes, partitionBy } = this.op;
    const rt = udtf.returnType;
    if (rt.kind !== "struct") return;
    const input = this.child.execute(partition, ctx);
    const runs = partitionBy.length > 0 ? wholeGroupRuns(input, this.child.schema, partitionBy, ectx) : wholePartition(input, this.child.schema, ctx);
    for await (const run of runs) {
      throwIfAborted(ctx);
      const { starts, ends } = this.ranges(run, ectx);
      const args = udtf.args.map((e) => (e.kind === "BoundRef" ? run.columns[e.ordinal]! : evaluate(e, run, ectx)));
      const res = await runner.evalUdtf({ func: udtf.func, evalType: udtf.evalType, name: udtf.name, returnType: rt, args, shapes, numRows: run.numRows, starts, ends }, opts);
      yield* this.output(run, res);
    }
  }

  /** One range per PARTITION BY key of the run, or the whole run. */
  private ranges(run: ColumnBatch, ectx: EvalContext): { starts: Int32Array; ends: Int32Array } {
    if (this.op.partitionBy.length === 0) return { starts: Int32Array.of(0), ends: Int32Array.of(run.numRows) };
    const keys = this.op.partitionBy.map((k) => evaluate(k, run, ectx));
    const bounds = partitionBounds(keys, [], run.numRows);
    return groupRanges(bounds.partIndex, bounds.numPartitions, run.numRows);
  }

  /** The UDTF's rows after the kept input columns of the row each came from. */
  private *output(run: ColumnBatch, res: EvalUdtfResult): Generator<ColumnBatch> {
    const kept = run.columns.slice(0, this.op.passThrough).map((c) => takeVector(c, res.rowIndex, res.numRows));
    yield* resultBatches(this.schema, { numRows: res.numRows, columns: [...kept, ...res.columns] });
  }
}
