import { concatBatches } from "../../columnar/rows.js";
import type { ColumnBatch } from "../../columnar/batch.js";
import { pythonRunnerOf } from "../../python/default-runner.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { evalContextOf, throwIfAborted } from "../util.js";
import type { MapInPythonOp } from "./arrow-python-op.js";
import { mapSide, resultBatches } from "./python-map-side.js";

/** spark.sql.execution.arrow.maxRecordsPerBatch (≤ 0: one batch per partition). */
export function maxRecordsPerBatch(ctx: ExecContext): number {
  return Number(ctx.conf.get("spark.sql.execution.arrow.maxRecordsPerBatch") ?? "10000");
}

/**
 * Spark's MapInPandasExec / PythonMapInArrowExec over one partition: the function is called
 * once, over an iterator of the partition's rows in batches of at most maxRecordsPerBatch
 * (an empty partition still calls it, with no batches, as Spark's runner does), and its rows
 * are the output. The partition's rows are gathered for the one worker call.
 */
export class MapInPythonExec implements ExecutionPlan {
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    private readonly op: MapInPythonOp,
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
    const batches: ColumnBatch[] = [];
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      if (b.numRows > 0) batches.push(b);
    }
    const all = concatBatches(this.child.schema, batches);
    const u = this.op.udf;
    const res = await pythonRunnerOf(ctx.services).pythonMap(
      { kind: "map", func: u.func, evalType: u.evalType, returnType: this.schema, maxRecordsPerBatch: maxRecordsPerBatch(ctx), input: mapSide(all, u.args, [], ectx) },
      { pythonExec: ctx.pythonExec, signal: ctx.signal },
    );
    yield* resultBatches(this.schema, res);
  }
}
