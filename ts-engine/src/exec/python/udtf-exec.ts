import type { ColumnBatch } from "../../columnar/batch.js";
import { concatBatches } from "../../columnar/rows.js";
import { takeVector } from "../../columnar/take.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import { vectorFromValues } from "../../columnar/builder.js";
import type { Vector } from "../../columnar/vector.js";
import { exprType } from "../../expr/expr-type.js";
import { pythonRunnerOf } from "../../python/default-runner.js";
import type { EvalUdtfResult, UdtfChunk } from "../../python/python-runner.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { UnaryExec } from "../unary-exec.js";
import { evalContextOf } from "../util.js";
import type { UdtfOp } from "./arrow-python-op.js";
import { keyGroups, wholeGroupRuns } from "./group-runs.js";
import { chunksOf } from "./map-in-python-exec.js";
import { resultBatches } from "./python-map-side.js";
import { pythonRunOptions } from "./python-run-options.js";

/**
 * Spark's BatchEvalPythonUDTFExec / ArrowEvalPythonUDTFExec over one partition: the UDTF's
 * class is instantiated once for the partition, whose rows stream to the worker in chunks
 * (once per PARTITION BY key, the input then sorted on it and sent in runs of whole keys),
 * `eval` runs per row and `terminate` at the end. Each output row carries its input row's
 * kept columns (a lateral join's left side; nulls for terminate's rows), then the UDTF's own.
 */
export class UdtfExec extends UnaryExec {
  constructor(
    child: ExecutionPlan,
    private readonly op: UdtfOp,
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
    const { udtf, shapes, partitionBy } = this.op;
    const rt = udtf.returnType;
    if (rt.kind !== "struct") return;
    const input = this.input(partition, ctx);
    const argsOf = (b: ColumnBatch): Vector[] => udtf.args.map((e) => (e.kind === "BoundRef" ? b.columns[e.ordinal]! : evaluate(e, b, ectx)));
    const call = { func: udtf.func, evalType: udtf.evalType, name: udtf.name, returnType: rt, shapes };
    if (partitionBy.length > 0) {
      for await (const run of wholeGroupRuns(input, this.child.schema, partitionBy, ectx)) {
        const { starts, ends } = keyGroups(partitionBy, run, ectx);
        yield* this.output(run, await runner.evalUdtf({ ...call, args: argsOf(run), numRows: run.numRows, starts, ends }, opts));
      }
      return;
    }
    // one instance for the whole partition: chunks go to the worker as it asks, each one held
    // here until its result comes back (the runner reads one chunk ahead)
    const schema = this.child.schema;
    const held: ColumnBatch[] = [];
    const chunks = async function* (): AsyncGenerator<UdtfChunk> {
      for await (const c of chunksOf(input, schema, 1)) {
        held.push(c);
        yield { args: argsOf(c), numRows: c.numRows };
      }
    };
    const head = { ...call, empty: { args: udtf.args.map((e) => vectorFromValues(exprType(e), [])), numRows: 0 } };
    for await (const res of runner.evalUdtfStream(head, chunks(), opts)) {
      yield* this.output(held.shift() ?? concatBatches(schema, []), res); // none held: the empty partition's
    }
  }

  /** The UDTF's rows after the kept input columns of the row each came from. */
  private *output(run: ColumnBatch, res: EvalUdtfResult): Generator<ColumnBatch> {
    const kept = run.columns.slice(0, this.op.passThrough).map((c) => takeVector(c, res.rowIndex, res.numRows));
    yield* resultBatches(this.schema, { numRows: res.numRows, columns: [...kept, ...res.columns] });
  }
}
