import { concatBatches, sliceBatch } from "../../columnar/rows.js";
import type { ColumnBatch } from "../../columnar/batch.js";
import { pythonRunnerOf } from "../../python/default-runner.js";
import type { PythonMapSide } from "../../python/python-runner.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { UnaryExec } from "../unary-exec.js";
import { evalContextOf, throwIfAborted } from "../util.js";
import type { MapInPythonOp } from "./arrow-python-op.js";
import { mapSide, resultBatches } from "./python-map-side.js";
import { pythonRunOptions } from "./python-run-options.js";

/** spark.sql.execution.arrow.maxRecordsPerBatch (≤ 0: one batch per partition). */
export function maxRecordsPerBatch(ctx: ExecContext): number {
  return Number(ctx.conf.get("spark.sql.execution.arrow.maxRecordsPerBatch") ?? "10000");
}

/** Chunks of at least RUN_ROWS rows (and whole multiples of maxRecordsPerBatch) are sent to the worker at once. */
const CHUNK_ROWS = 1 << 16;

/**
 * The partition's rows in chunks whose sizes are multiples of `maxRecords` (the last one
 * excepted), so that the worker's cut into batches of maxRecordsPerBatch falls where Spark's
 * does; `maxRecords` ≤ 0: one chunk of the whole partition, as Spark sends it then.
 */
export async function* chunksOf(batches: AsyncIterable<ColumnBatch>, schema: StructType, maxRecords: number): AsyncGenerator<ColumnBatch> {
  const unit = maxRecords > 0 ? Math.max(maxRecords, Math.floor(CHUNK_ROWS / maxRecords) * maxRecords) : Infinity;
  let held: ColumnBatch[] = [];
  let rows = 0;
  for await (const b of batches) {
    if (b.numRows === 0) continue;
    held.push(b);
    rows += b.numRows;
    if (rows < unit) continue;
    const all = concatBatches(schema, held);
    const cut = Math.floor(all.numRows / unit) * unit;
    yield sliceBatch(all, 0, cut);
    held = cut < all.numRows ? [sliceBatch(all, cut, all.numRows)] : [];
    rows = all.numRows - cut;
  }
  if (rows > 0) yield concatBatches(schema, held);
}

/**
 * Spark's MapInPandasExec / PythonMapInArrowExec over one partition: the function is called
 * once, over an iterator of the partition's rows in batches of at most maxRecordsPerBatch
 * (an empty partition still calls it, with no batches, as Spark's runner does), and its rows
 * are the output. The partition streams to the worker in chunks as the function reads, and
 * its output comes back as it is made, so neither side holds the partition.
 */
export class MapInPythonExec extends UnaryExec {
  constructor(
    child: ExecutionPlan,
    private readonly op: MapInPythonOp,
    readonly name: string,
    schema: StructType,
    detail: string,
  ) {
    super(child, schema, detail);
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const ectx = evalContextOf(ctx);
    const u = this.op.udf;
    const max = maxRecordsPerBatch(ctx);
    const childSchema = this.child.schema;
    const sides = async function* (chunks: AsyncIterable<ColumnBatch>): AsyncGenerator<PythonMapSide> {
      for await (const c of chunks) yield mapSide(c, u.args, [], ectx);
    };
    const head = { func: u.func, evalType: u.evalType, returnType: this.schema, maxRecordsPerBatch: max, empty: mapSide(concatBatches(childSchema, []), u.args, [], ectx) };
    const out = pythonRunnerOf(ctx.services).pythonMapStream(head, sides(chunksOf(this.input(partition, ctx), childSchema, max)), pythonRunOptions(ctx));
    for await (const res of out) {
      throwIfAborted(ctx);
      yield* resultBatches(this.schema, res);
    }
  }
}
