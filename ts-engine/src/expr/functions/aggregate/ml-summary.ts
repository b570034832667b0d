import { makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { IllegalArgumentException } from "../../../errors/spark-exception.js";
import { isVectorType, VectorUDTType } from "../../../ml/linalg/vector-type.js";
import { denseRow, vectorFromRow, vectorSize } from "../../../ml/linalg/vector-value.js";
import { arrayType, DoubleType, LongType, structField, structType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { aggCall, checkArity, doc, implicitCast, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

/** What `ml_feature_summary` returns: Spark's Summarizer metrics the scalers fit from. */
const SUMMARY_TYPE = structType([
  structField("count", LongType, false),
  structField("mean", VectorUDTType, false),
  structField("variance", VectorUDTType, false),
  structField("min", VectorUDTType, false),
  structField("max", VectorUDTType, false),
]);

const STATE_TYPE: DataType = arrayType(DoubleType, false);

/** Flat state: [dim, count, wSum, w2Sum, Σwx(d), Σwx²(d), min(d), max(d), nnz(d)]. */
const HEAD = 4;

/**
 * Per-feature weighted moments, extrema and non-zero counts of a vector column, folded per
 * partition and merged (Spark's SummarizerBuffer). Implicit zeros of sparse vectors count
 * toward min and max through nnz < count, as Spark's do.
 */
class FeatureSummaryAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [STATE_TYPE];
  private states: (Float64Array | null)[] = [];

  ensure(n: number): void {
    while (this.states.length < n) this.states.push(null);
  }

  private stateFor(g: number, d: number): Float64Array {
    let st = this.states[g] ?? null;
    if (st === null) {
      st = new Float64Array(HEAD + 5 * d);
      st[0] = d;
      st.fill(Infinity, HEAD + 2 * d, HEAD + 3 * d);
      st.fill(-Infinity, HEAD + 3 * d, HEAD + 4 * d);
      this.states[g] = st;
    } else if (st[0] !== d) {
      throw new IllegalArgumentException(`requirement failed: Dimensions mismatch when adding new sample. Expecting ${st[0]} but got ${d}.`);
    }
    return st;
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const [fv, wv] = args as [Vector, Vector];
    const rows = fv.data as readonly (readonly unknown[] | null)[];
    const ws = numbersOf(wv);
    for (let i = 0; i < n; i++) {
      if ((fv.validity !== null && fv.validity[i] === 0) || (wv.validity !== null && wv.validity[i] === 0)) continue;
      const w = ws[i]!;
      const v = vectorFromRow(rows[i]!);
      const d = vectorSize(v);
      const st = this.stateFor(groups[i]!, d);
      st[1] = st[1]! + 1;
      st[2] = st[2]! + w;
      st[3] = st[3]! + w * w;
      const idx = v.kind === "sparse" ? v.indices : null;
      for (let k = 0; k < v.values.length; k++) {
        const x = v.values[k]!;
        if (x === 0) continue;
        const j = idx === null ? k : idx[k]!;
        st[HEAD + j] = st[HEAD + j]! + w * x;
        st[HEAD + d + j] = st[HEAD + d + j]! + w * x * x;
        if (x < st[HEAD + 2 * d + j]!) st[HEAD + 2 * d + j] = x;
        if (x > st[HEAD + 3 * d + j]!) st[HEAD + 3 * d + j] = x;
        st[HEAD + 4 * d + j] = st[HEAD + 4 * d + j]! + 1;
      }
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const pv = partial[0]!;
    const rows = pv.data as readonly (readonly number[] | null)[];
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      if (r === null || r === undefined || (pv.validity !== null && pv.validity[i] === 0)) continue;
      const d = r[0]!;
      const st = this.stateFor(groups[i]!, d);
      for (let k = 1; k < HEAD + 2 * d; k++) st[k] = st[k]! + r[k]!;
      for (let j = 0; j < d; j++) {
        st[HEAD + 2 * d + j] = Math.min(st[HEAD + 2 * d + j]!, r[HEAD + 2 * d + j]!);
        st[HEAD + 3 * d + j] = Math.max(st[HEAD + 3 * d + j]!, r[HEAD + 3 * d + j]!);
        st[HEAD + 4 * d + j] = st[HEAD + 4 * d + j]! + r[HEAD + 4 * d + j]!;
      }
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
      const d = st[0]!;
      const count = st[1]!;
      const wSum = st[2]!;
      const w2Sum = st[3]!;
      const mean = new Float64Array(d);
      const variance = new Float64Array(d);
      const min = new Float64Array(d);
      const max = new Float64Array(d);
      // unbiased weighted variance, as Spark's Summarizer: Σw(x - x̄)² / (Σw - Σw²/Σw)
      const denom = wSum - w2Sum / wSum;
      for (let j = 0; j < d; j++) {
        const m = st[HEAD + j]! / wSum;
        mean[j] = m;
        variance[j] = denom > 0 ? Math.max((st[HEAD + d + j]! - wSum * m * m) / denom, 0) : 0;
        const hasZero = st[HEAD + 4 * d + j]! < count;
        min[j] = hasZero ? Math.min(st[HEAD + 2 * d + j]!, 0) : st[HEAD + 2 * d + j]!;
        max[j] = hasZero ? Math.max(st[HEAD + 3 * d + j]!, 0) : st[HEAD + 3 * d + j]!;
      }
      out.push([count, denseRow(mean), denseRow(variance), denseRow(min), denseRow(max)]);
      validity[g] = 1;
    }
    return makeVector(SUMMARY_TYPE, out, validity, numGroups);
  }
}

/** `ml_feature_summary(features, weight)`: the scalers' fit statistics (tspark.ml). */
const ML_FEATURE_SUMMARY: AggFunctionDef = {
  kind: "agg",
  name: "ml_feature_summary",
  doc: doc("ml_feature_summary(features, weight)", "Per-feature count, mean, unbiased variance, min and max of a vector column (pyspark.ml Summarizer)."),
  resolve(name, args, isDistinct) {
    checkArity(name, args, 2);
    const f = args[0]!;
    if (!isVectorType(exprType(f))) throw unexpectedInputType(aggCall(name, args, isDistinct, SUMMARY_TYPE, true), 0, f, '"VECTOR"');
    return aggCall(name, [f, implicitCast(args[1]!, DoubleType)], isDistinct, SUMMARY_TYPE, true);
  },
  accumulator: () => new FeatureSummaryAcc(),
  updateArgs: (call) => call.args,
};

/** The feature statistics of tspark.ml. */
export const ML_SUMMARY_FUNCTIONS: readonly AggFunctionDef[] = [ML_FEATURE_SUMMARY];
