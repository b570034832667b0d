import { makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { IllegalArgumentException } from "../../../errors/spark-exception.js";
import { solveNormalEquation, statsLength, statsOf } from "../../../ml/linalg/normal-equation.js";
import { isVectorType, VectorUDTType } from "../../../ml/linalg/vector-type.js";
import { denseRow, vectorFromRow, vectorSize } from "../../../ml/linalg/vector-value.js";
import { arrayType, BooleanType, DoubleType, LongType, structField, structType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import type { AggCall, Expr } from "../../expr.js";
import { aggCall, checkArity, doc, implicitCast, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

/** What `ml_linear_regression` returns: the model, and the training summary's metrics. */
const FIT_TYPE = structType([
  structField("coefficients", VectorUDTType, false),
  structField("intercept", DoubleType, false),
  structField("numInstances", LongType, false),
  structField("r2", DoubleType, false),
  structField("meanSquaredError", DoubleType, false),
  structField("rootMeanSquaredError", DoubleType, false),
  structField("explainedVariance", DoubleType, false),
]);

const STATE_TYPE: DataType = arrayType(DoubleType, false);

/** Per-group flat least-squares state (ml/linalg/normal-equation.ts's layout); null until a row. */
class LeastSquaresAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [STATE_TYPE];
  private states: (Float64Array | null)[] = [];

  constructor(private readonly fitIntercept: boolean, private readonly regParam: number, private readonly standardization: boolean) {}

  ensure(n: number): void {
    while (this.states.length < n) this.states.push(null);
  }

  private stateFor(g: number, dim: number): Float64Array {
    let st = this.states[g] ?? null;
    if (st === null) {
      st = new Float64Array(statsLength(dim));
      st[0] = dim;
      this.states[g] = st;
    } else if (st[0] !== dim) {
      throw new IllegalArgumentException(`requirement failed: Dimensions mismatch when adding new sample. Expecting ${st[0]} but got ${dim}.`);
    }
    return st;
  }

  /** args: features (vector rows), label, weight (doubles); rows with a null are skipped. */
  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const [fv, lv, wv] = args as [Vector, Vector, Vector];
    const rows = fv.data as readonly (readonly unknown[] | null)[];
    const ys = numbersOf(lv);
    const ws = numbersOf(wv);
    for (let i = 0; i < n; i++) {
      if ((fv.validity !== null && fv.validity[i] === 0) || (lv.validity !== null && lv.validity[i] === 0) || (wv.validity !== null && wv.validity[i] === 0)) continue;
      const w = ws[i]!;
      if (w === 0) continue;
      const v = vectorFromRow(rows[i]!);
      const d = vectorSize(v);
      const st = this.stateFor(groups[i]!, d);
      const y = ys[i]!;
      st[1] = st[1]! + 1;
      st[2] = st[2]! + w;
      st[3] = st[3]! + w * y;
      st[4] = st[4]! + w * y * y;
      const aOff = 5;
      const abOff = 5 + d;
      const aaOff = 5 + 2 * d;
      // the non-zero entries only: a dense vector's are all of them
      const idx = v.kind === "sparse" ? v.indices : null;
      const vals = v.values;
      const nnz = vals.length;
      for (let a = 0; a < nnz; a++) {
        const ia = idx === null ? a : idx[a]!;
        const xa = vals[a]!;
        st[aOff + ia] = st[aOff + ia]! + w * xa;
        st[abOff + ia] = st[abOff + ia]! + w * xa * y;
        const row = aaOff + ia * d - (ia * (ia - 1)) / 2 - ia;
        for (let b = a; b < nnz; b++) {
          const ib = idx === null ? b : idx[b]!;
          st[row + ib] = st[row + ib]! + w * xa * vals[b]!;
        }
      }
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const pv = partial[0]!;
    const rows = pv.data as readonly (readonly number[] | null)[];
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      if (r === null || r === undefined || (pv.validity !== null && pv.validity[i] === 0)) continue;
      const st = this.stateFor(groups[i]!, r[0]!);
      for (let k = 1; k < r.length; k++) st[k] = st[k]! + r[k]!;
    }
  }

  partial(numGroups: number): Vector[] {
    const out: (number[] | null)[] = [];
    const validity = new Uint8Array(numGroups);
    for (let g = 0; g < numGroups; g++) {
      const st = this.states[g] ?? null;
      out.push(st === null ? null : Array.from(st));
      validity[g] = st === null ? 0 : 1;
    }
    return [makeVector(STATE_TYPE, out, validity, numGroups)];
  }

  result(numGroups: number): Vector {
    const out: unknown[] = [];
    const validity = new Uint8Array(numGroups);
    for (let g = 0; g < numGroups; g++) {
      const st = this.states[g] ?? null;
      if (st === null) {
        out.push(null);
        continue;
      }
      const s = statsOf(st);
      const fit = solveNormalEquation(s, { fitIntercept: this.fitIntercept, regParam: this.regParam, standardization: this.standardization });
      out.push([denseRow(fit.coefficients), fit.intercept, s.count, fit.r2, fit.meanSquaredError, Math.sqrt(fit.meanSquaredError), fit.explainedVariance]);
      validity[g] = 1;
    }
    return makeVector(FIT_TYPE, out, validity, numGroups);
  }
}

function literalOf(call: AggCall, i: number): unknown {
  const a = call.args[i]!;
  return a.kind === "Literal" ? a.value : undefined;
}

/**
 * `ml_linear_regression(features, label, weight, fitIntercept, regParam, standardization)`:
 * LinearRegression's normal-equation fit (tspark.ml). The hash aggregate folds each partition's
 * sufficient statistics on the worker pool and merges the partials; the result solves them.
 */
const ML_LINEAR_REGRESSION: AggFunctionDef = {
  kind: "agg",
  name: "ml_linear_regression",
  doc: doc("ml_linear_regression(features, label, weight, fitIntercept, regParam, standardization)", "Fits least squares by the normal equation (pyspark.ml LinearRegression)."),
  resolve(name, args, isDistinct) {
    checkArity(name, args, 6);
    const f = args[0]!;
    if (!isVectorType(exprType(f))) throw unexpectedInputType(aggCall(name, args, isDistinct, FIT_TYPE, true), 0, f, '"VECTOR"');
    const rest: Expr[] = [implicitCast(args[1]!, DoubleType), implicitCast(args[2]!, DoubleType), implicitCast(args[3]!, BooleanType), implicitCast(args[4]!, DoubleType), implicitCast(args[5]!, BooleanType)];
    return aggCall(name, [f, ...rest], isDistinct, FIT_TYPE, true);
  },
  accumulator: (call) => new LeastSquaresAcc(literalOf(call, 3) !== false, Number(literalOf(call, 4) ?? 0), literalOf(call, 5) !== false),
  updateArgs: (call) => call.args.slice(0, 3),
};

/** The least-squares fits of tspark.ml. */
export const ML_LEAST_SQUARES_FUNCTIONS: readonly AggFunctionDef[] = [ML_LINEAR_REGRESSION];
