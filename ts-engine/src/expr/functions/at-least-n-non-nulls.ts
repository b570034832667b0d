import { makeVector, type Vector } from "../../columnar/vector.js";
import { InternalError } from "../../errors/spark-exception.js";
import { BooleanType } from "../../types/data-type.js";
import type { Literal } from "../expr.js";
import { doc, scalarCall, type ScalarFunctionDef } from "./function-def.js";

/** Adds 1 to `counts[i]` for every row whose value is neither null nor (for floats) NaN. */
function countPresent(v: Vector, counts: Int32Array): void {
  const n = counts.length;
  const valid = v.validity;
  if (v.storage === "f64" || v.storage === "f32") {
    const d = v.data;
    for (let i = 0; i < n; i++) if ((valid === null || valid[i] === 1) && !Number.isNaN(d[i]!)) counts[i]!++;
    return;
  }
  if (valid === null) {
    for (let i = 0; i < n; i++) counts[i]!++;
    return;
  }
  for (let i = 0; i < n; i++) counts[i]! += valid[i]!;
}

/**
 * atleastnnonnulls(n, c1, …): whether at least n of the columns are neither null nor NaN
 * (Spark's AtLeastNNonNulls, what df.na.drop / dropna filter on; no SQL name calls it).
 */
const AT_LEAST_N_NON_NULLS: ScalarFunctionDef = {
  kind: "scalar",
  name: "atleastnnonnulls",
  doc: doc("atleastnnonnulls(n, expr1, ...)", "Returns true when at least n of the expressions are neither null nor NaN (what dropna filters on)."),
  resolve(_name, args) {
    const n = args[0];
    if (n?.kind !== "Literal" || n.dataType.kind !== "integer") throw new InternalError("atleastnnonnulls takes an int literal first");
    return scalarCall("atleastnnonnulls", args, BooleanType, false);
  },
  eval(args, call, _ctx, numRows) {
    const n = Number((call.args[0] as Literal).value);
    const counts = new Int32Array(numRows);
    for (const v of args.slice(1)) countPresent(v, counts);
    const out = new Uint8Array(numRows);
    for (let i = 0; i < numRows; i++) out[i] = counts[i]! >= n ? 1 : 0;
    return makeVector(BooleanType, out, null, numRows);
  },
};

/** Registry entries of the null-counting predicate. */
export const AT_LEAST_N_NON_NULLS_FUNCTIONS: readonly ScalarFunctionDef[] = [AT_LEAST_N_NON_NULLS];
