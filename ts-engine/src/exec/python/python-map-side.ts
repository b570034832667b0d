import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { sliceBatch } from "../../columnar/rows.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { EvalContext } from "../../expr/eval/eval-context.js";
import type { Expr } from "../../expr/expr.js";
import type { PythonMapResult, PythonMapSide } from "../../python/python-runner.js";
import type { StructType } from "../../types/data-type.js";

/** The name a bound argument carries (its column's name), as the function's frame names it. */
function argName(e: Expr, i: number): string {
  return e.kind === "BoundRef" || e.kind === "AttributeRef" ? e.name : `_${i}`;
}

/** A pythonMap side of `run`: the arguments (the frame's columns, by name) and the grouping values. */
export function mapSide(run: ColumnBatch, args: readonly Expr[], keys: readonly Expr[], ectx: EvalContext): PythonMapSide {
  const value = (e: Expr): ReturnType<typeof evaluate> => (e.kind === "BoundRef" ? run.columns[e.ordinal]! : evaluate(e, run, ectx));
  return { argNames: args.map(argName), args: args.map(value), keys: keys.map(value), numRows: run.numRows };
}

/** A function's returned rows as batches of `schema` of at most BATCH_SIZE rows. */
export function* resultBatches(schema: StructType, res: PythonMapResult): Generator<ColumnBatch> {
  const all = makeBatch(schema, res.columns, res.numRows);
  for (let s = 0; s < res.numRows; s += BATCH_SIZE) yield sliceBatch(all, s, Math.min(res.numRows, s + BATCH_SIZE));
}
