import type { ColumnBatch } from "../../columnar/batch.js";
import { pythonRunnerOf } from "../../python/default-runner.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { UnaryExec } from "../unary-exec.js";
import { evalContextOf } from "../util.js";
import type { FlatMapGroupsOp } from "./arrow-python-op.js";
import { keyGroups, wholeGroupRuns } from "./group-runs.js";
import { maxRecordsPerBatch } from "./map-in-python-exec.js";
import { mapSide, resultBatches } from "./python-map-side.js";
import { pythonRunOptions } from "./python-run-options.js";

/**
 * Spark's FlatMapGroupsInPandasExec / FlatMapGroupsInArrowExec over one partition clustered
 * and sorted on the grouping keys: runs of whole groups go to a worker in one request (each
 * group a row range with its key), the function is called once per group, and the rows it
 * returns are the output, group after group.
 */
export class FlatMapGroupsExec extends UnaryExec {
  constructor(
    child: ExecutionPlan,
    private readonly op: FlatMapGroupsOp,
    readonly name: string,
    schema: StructType,
    detail: string,
  ) {
    super(child, schema, detail);
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const ectx = evalContextOf(ctx);
    const runner = pythonRunnerOf(ctx.services);
    const opts = pythonRunOptions(ctx);
    const u = this.op.udf;
    for await (const run of wholeGroupRuns(this.input(partition, ctx), this.child.schema, this.op.groupBy, ectx)) {
      const { starts, ends } = keyGroups(this.op.groupBy, run, ectx);
      const input = mapSide(run, u.args, this.op.groupBy, ectx);
      const res = await runner.pythonMap({ kind: "groups", func: u.func, evalType: u.evalType, returnType: this.schema, maxRecordsPerBatch: maxRecordsPerBatch(ctx), input, starts, ends }, opts);
      yield* resultBatches(this.schema, res);
    }
  }
}
