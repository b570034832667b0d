import { takeVector } from "../../columnar/take.js";
import { isNullAt } from "../../columnar/vector.js";
import { InternalError } from "../../errors/spark-exception.js";
import { LongType } from "../../types/data-type.js";
import { valueAt } from "../eval/vectors.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { ScalarCall } from "../expr.js";
import { doc, scalarCall, type GeneratorFunctionDef } from "./function-def.js";

/**
 * replicaterows(n, c1, …, ck): each input row `n` times, as columns c1 … ck (Spark's
 * ReplicateRows, which its optimizer's RewriteExceptAll / RewriteIntersectAll plan for
 * exceptAll and intersectAll; no SQL name calls it). The batch becomes one gather per column.
 */
const REPLICATE_ROWS: GeneratorFunctionDef = {
  kind: "generator",
  name: "replicaterows",
  doc: doc("replicaterows(n, expr1, ..., exprk)", "Returns each row n times (n a bigint), with columns expr1 … exprk; what exceptAll and intersectAll plan."),
  outer: false,
  planName: "replicaterows",
  resolve(_n, args) {
    if (args.length < 2 || exprType(args[0]!).kind !== "long") throw new InternalError("replicaterows takes a bigint count and columns");
    return scalarCall("replicaterows", args, LongType, false);
  },
  outputFields(call: ScalarCall) {
    return call.args.slice(1).map((a, i) => ({ name: `col${i}`, dataType: exprType(a), nullable: exprNullable(a) }));
  },
  generate(args, _call, numRows) {
    const counts = args[0]!;
    let total = 0;
    for (let i = 0; i < numRows; i++) if (!isNullAt(counts, i)) total += Math.max(0, Number(valueAt(counts, i)));
    const source = new Int32Array(total);
    let o = 0;
    for (let i = 0; i < numRows; i++) {
      const n = isNullAt(counts, i) ? 0 : Number(valueAt(counts, i));
      for (let r = 0; r < n; r++) source[o++] = i;
    }
    return { sourceRows: source, columns: args.slice(1).map((v) => takeVector(v, source)) };
  },
};

/** Registry entries of the row-replicating generator. */
export const REPLICATE_ROWS_FUNCTIONS: readonly GeneratorFunctionDef[] = [REPLICATE_ROWS];
