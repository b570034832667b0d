import { makeBatch, type ColumnBatch } from "../columnar/batch.js";
import { vectorFromValues } from "../columnar/builder.js";
import type { Vector } from "../columnar/vector.js";
import type { ExecContext } from "./exec-context.js";
import type { EvalContext } from "../expr/eval/evaluate.js";
import { evaluate } from "../expr/eval/evaluate.js";
import type { Expr, PythonUDF } from "../expr/expr.js";
import { pythonRunnerOf } from "../python/default-runner.js";
import type { EvalUdfsRequest, PythonRunner, RunOptions, UdfCall } from "../python/python-runner.js";
import { structType, type StructField, type StructType } from "../types/data-type.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { evalContextOf, throwIfAborted } from "./util.js";
import { evalJsUdfs, isJsUdf } from "./js-function/js-udf.js";
import { pythonRunOptions } from "./python/python-run-options.js";

/** Requests kept in flight per partition beyond the one being awaited. */
const PREFETCH = 1;

/** Distinct argument expressions of all UDFs (a column used twice is shipped once) and each UDF's offsets into them. */
export function planArguments(udfs: readonly PythonUDF[]): { args: Expr[]; calls: Omit<UdfCall, "func" | "returnType" | "evalType">[] } {
  const args: Expr[] = [];
  const keys = new Map<string, number>();
  const calls = udfs.map((u) => ({
    argOffsets: u.args.map((a) => {
      const key = a.kind === "BoundRef" ? `#${a.ordinal}` : null;
      const hit = key !== null ? keys.get(key) : undefined;
      if (hit !== undefined) return hit;
      args.push(a);
      if (key !== null) keys.set(key, args.length - 1);
      return args.length - 1;
    }),
  }));
  return { args, calls };
}

/**
 * Evaluates row-at-a-time Python UDFs (Spark's BatchEvalPythonExec): for each input
 * batch the argument expressions are evaluated vectorized, shipped as columns to a
 * Python worker in one request, and the result columns appended after the child's.
 * It runs inside its stage's tasks like any operator: on a worker thread the runner is
 * that thread's own Python process, so partitions run in parallel and the main thread
 * never touches the batches.
 */
export class BatchEvalPythonExec implements ExecutionPlan {
  readonly name = "BatchEvalPython";
  readonly children: readonly ExecutionPlan[];
  readonly schema: StructType;
  private readonly args: readonly Expr[];
  private readonly calls: readonly UdfCall[];

  /** `udfs` have their arguments bound to the child's ordinals; `resultFields` name the appended columns. */
  constructor(
    readonly child: ExecutionPlan,
    readonly udfs: readonly PythonUDF[],
    readonly resultFields: readonly StructField[],
    private readonly detail: string = "",
  ) {
    this.children = [child];
    this.schema = structType([...child.schema.fields, ...resultFields]);
    const { args, calls } = planArguments(udfs);
    this.args = args;
    this.calls = calls.map((c, i) => ({ ...c, func: udfs[i]!.func, returnType: udfs[i]!.returnType, evalType: udfs[i]!.evalType }));
  }

  numPartitions(ctx: ExecContext): number {
    return this.child.numPartitions(ctx);
  }

  explainDetail(): string {
    return this.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const ectx = evalContextOf(ctx);
    const maxRecordsPerBatch = Number(ctx.conf.get("spark.sql.execution.arrow.maxRecordsPerBatch") ?? "10000");
    const runner = pythonRunnerOf(ctx.services);
    const opts = pythonRunOptions(ctx);
    // One batch ahead: the next request waits in the worker's pipe while Python runs this one.
    const inFlight: { batch: ColumnBatch; results: Promise<Vector[]> }[] = [];
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      const results = b.numRows === 0 ? Promise.resolve(this.resultFields.map((f) => vectorFromValues(f.dataType, []))) : this.evalBatch(this.request(b, ectx, maxRecordsPerBatch), runner, opts);
      results.catch(() => undefined); // surfaced when awaited below, in order
      inFlight.push({ batch: b, results });
      if (inFlight.length > PREFETCH) {
        const done = inFlight.shift()!;
        yield this.withResults(done.batch, await done.results);
      }
    }
    while (inFlight.length > 0) {
      const next = inFlight.shift()!;
      yield this.withResults(next.batch, await next.results);
    }
  }

  /**
   * The request's results: the Python runner's, or, for the Node API's JavaScript UDFs, this
   * thread's own (in order with the Python ones when a plan mixes both).
   */
  private evalBatch(req: EvalUdfsRequest, runner: PythonRunner, opts: RunOptions): Promise<Vector[]> {
    if (!req.udfs.some(isJsUdf)) return runner.evalUdfs(req, opts);
    const js = req.udfs.filter(isJsUdf);
    const py = req.udfs.filter((u) => !isJsUdf(u));
    let jsOut: Vector[];
    try {
      jsOut = evalJsUdfs({ ...req, udfs: js });
    } catch (e) {
      return Promise.reject(e);
    }
    if (py.length === 0) return Promise.resolve(jsOut);
    return runner.evalUdfs({ ...req, udfs: py }, opts).then((pyOut) => {
      let j = 0;
      let p = 0;
      return req.udfs.map((u) => (isJsUdf(u) ? jsOut[j++]! : pyOut[p++]!));
    });
  }

  private withResults(b: ColumnBatch, cols: readonly Vector[]): ColumnBatch {
    return makeBatch(this.schema, [...b.columns, ...cols], b.numRows);
  }

  private request(b: ColumnBatch, ectx: EvalContext, maxRecordsPerBatch: number): EvalUdfsRequest {
    const args = this.args.map((a) => (a.kind === "BoundRef" ? b.columns[a.ordinal]! : evaluate(a, b, ectx)));
    return { udfs: this.calls, args, numRows: b.numRows, maxRecordsPerBatch };
  }
}
