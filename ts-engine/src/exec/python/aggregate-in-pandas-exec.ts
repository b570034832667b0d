import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { sliceBatch } from "../../columnar/rows.js";
import { takeVector } from "../../columnar/take.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { Expr } from "../../expr/expr.js";
import { exprType } from "../../expr/expr-type.js";
import { pythonRunnerOf } from "../../python/default-runner.js";
import type { UdfCall } from "../../python/python-runner.js";
import { structField, structType, type StructType } from "../../types/data-type.js";
import { planArguments } from "../batch-eval-python-exec.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { UnaryExec } from "../unary-exec.js";
import { evalContextOf } from "../util.js";
import type { AggregateInPandasOp } from "./arrow-python-op.js";
import { keyGroups, wholeGroupRuns } from "./group-runs.js";
import { pythonRunOptions } from "./python-run-options.js";

/**
 * Spark's AggregateInPandasExec over one partition clustered and sorted on the grouping
 * keys: each run of whole groups goes to a Python worker in one request (the groups as row
 * ranges of the argument columns), every UDF returns one value per group, and `results`
 * are evaluated over [keys…, UDF results…]. An empty partition gives no rows, even without
 * grouping keys, as Spark's operator does.
 */
export class AggregateInPandasExec extends UnaryExec {
  readonly name = "AggregateInPandas";
  private readonly args: readonly Expr[];
  private readonly calls: readonly UdfCall[];
  private readonly rowSchema: StructType;

  constructor(
    child: ExecutionPlan,
    private readonly op: AggregateInPandasOp,
    schema: StructType,
    detail: string,
  ) {
    super(child, schema, detail);
    const { args, calls } = planArguments(op.udfs);
    this.args = args;
    this.calls = calls.map((c, i) => ({ ...c, func: op.udfs[i]!.func, returnType: op.udfs[i]!.returnType, evalType: op.udfs[i]!.evalType }));
    const fields = [...op.groupBy.map((g, i) => structField(`_k${i}`, exprType(g), true)), ...op.udfs.map((u, i) => structField(`_a${i}`, u.returnType, true))];
    this.rowSchema = structType(fields);
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const ectx = evalContextOf(ctx);
    const runner = pythonRunnerOf(ctx.services);
    const opts = pythonRunOptions(ctx);
    for await (const run of wholeGroupRuns(this.input(partition, ctx), this.child.schema, this.op.groupBy, ectx)) {
      const n = run.numRows;
      const { keys, starts, ends } = keyGroups(this.op.groupBy, run, ectx);
      const args = this.args.map((a) => (a.kind === "BoundRef" ? run.columns[a.ordinal]! : evaluate(a, run, ectx)));
      const results = await runner.evalAggPandas({ udfs: this.calls, args, numRows: n, starts, ends }, opts);
      const g = starts.length;
      const row = makeBatch(this.rowSchema, [...keys.map((k) => takeVector(k, starts, g, { nonNegative: true })), ...results], g);
      const out = makeBatch(this.schema, this.op.results.map((r) => evaluate(r, row, ectx)), g);
      for (let s = 0; s < g; s += BATCH_SIZE) yield sliceBatch(out, s, Math.min(g, s + BATCH_SIZE));
    }
  }
}
