import { makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { takeVector } from "../../columnar/take.js";
import type { Vector } from "../../columnar/vector.js";
import { structField, structType } from "../../types/data-type.js";
import type { Expr, LambdaFunction } from "../expr.js";
import type { LambdaRunner } from "../functions/function-def.js";
import { exprExists } from "../transform.js";
import type { EvalContext } from "./eval-context.js";

/** The batch columns (ordinals below `width`) a bound lambda body reads, computed once per lambda node. */
const usedColumns = new WeakMap<LambdaFunction, ReadonlySet<number>>();

function columnsRead(fn: LambdaFunction, width: number): ReadonlySet<number> {
  const hit = usedColumns.get(fn);
  if (hit !== undefined) return hit;
  const used = new Set<number>();
  exprExists(fn.body, (x: Expr) => {
    if (x.kind === "BoundRef" && x.ordinal < width) used.add(x.ordinal);
    return false;
  });
  usedColumns.set(fn, used);
  return used;
}

/**
 * The runner of a bound lambda over `batch`: the body is evaluated once over an element batch
 * whose rows are all elements at once, the batch's own columns gathered by each element's
 * parent row (only those the body reads) followed by the lambda's variables, whose BoundRef
 * ordinals bindReferences placed after the batch's columns. `evalBody` is evaluate()
 * (passed in: evaluate imports this module).
 */
export function lambdaRunner(
  fn: LambdaFunction,
  batch: ColumnBatch,
  ctx: EvalContext,
  evalBody: (e: Expr, b: ColumnBatch, c: EvalContext) => Vector,
): LambdaRunner {
  const width = batch.columns.length;
  const used = columnsRead(fn, width);
  return (vars, parentRows) => {
    const m = parentRows.length;
    const cols: Vector[] = batch.columns.map((c, i) => (used.has(i) ? takeVector(c, parentRows, m) : c));
    cols.push(...vars);
    // The element batch's schema is never read by evaluation; names keep it printable.
    const schema = structType(cols.map((c, i) => structField(`_${i}`, c.type, true)));
    return evalBody(fn.body, makeBatch(schema, cols, m), ctx);
  };
}
