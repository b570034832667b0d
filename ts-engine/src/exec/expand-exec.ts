import { makeBatch, type ColumnBatch } from "../columnar/batch.js";
import { concatVectors } from "../columnar/rows.js";
import { takeVector } from "../columnar/take.js";
import type { Vector } from "../columnar/vector.js";
import { evaluate } from "../expr/eval/evaluate.js";
import type { Expr } from "../expr/expr.js";
import type { StructType } from "../types/data-type.js";
import type { ExecContext } from "./exec-context.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { UnaryExec } from "./unary-exec.js";
import { evalContextOf } from "./util.js";

/**
 * Spark's ExpandExec: each input batch is projected once per projection, a whole batch per
 * projection (column references are passed through, literals become constant vectors), then
 * gathered into Spark's row order (every projection of input row 0, then of row 1 …). A cube
 * over n columns costs 2^n projections of the batch and one gather, never a walk per row.
 */
export class ExpandExec extends UnaryExec {
  readonly name = "Expand";

  constructor(
    child: ExecutionPlan,
    private readonly projections: readonly (readonly Expr[])[],
    schema: StructType,
    detail: string,
  ) {
    super(child, schema, detail);
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const ectx = evalContextOf(ctx);
    for await (const b of this.input(partition, ctx)) {
      if (b.numRows === 0) continue;
      // One output batch per input batch (a vector may reach the consumer once only: workers
      // hand batches over by transfer), in Spark's order: each input row's projections in turn.
      const k = this.projections.length;
      const n = b.numRows;
      const parts: Vector[][] = this.projections.map((proj) => proj.map((e) => (e.kind === "BoundRef" ? b.columns[e.ordinal]! : evaluate(e, b, ectx))));
      const order = interleaving(n, k);
      const cols = this.schema.fields.map((_, c) => takeVector(concatVectors(parts.map((p) => p[c]!)), order));
      yield makeBatch(this.schema, cols, n * k);
    }
  }
}

/** Row i·k + j of the output is row i of projection j, which sits at j·n + i of the concatenation. */
function interleaving(n: number, k: number): Int32Array {
  const out = new Int32Array(n * k);
  for (let i = 0, o = 0; i < n; i++) for (let j = 0; j < k; j++) out[o++] = j * n + i;
  return out;
}
