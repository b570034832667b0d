import { makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { DoubleType, LongType, type DataType } from "../../../types/data-type.js";
import { aggCall, allArgs, checkArity, doc, implicitCast, type AggFunctionDef, type FunctionDoc } from "../function-def.js";
import { growF64, type Accumulator } from "./accumulator.js";

/**
 * The statistics of pairs (x, y) over rows where both are non-null: count, means, co-moment
 * ck = Σ(x - x̄)(y - ȳ) and the second moments xMk, yMk, updated and merged as Spark's
 * Covariance / Corr buffers are (Welford's update, Chan's merge, in Spark's operation order).
 * corr, covar_* and regr_* read their results from it.
 */
export class PairMomentsAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [DoubleType, DoubleType, DoubleType, DoubleType, DoubleType, DoubleType];
  private n: Float64Array = new Float64Array(16);
  private xAvg: Float64Array = new Float64Array(16);
  private yAvg: Float64Array = new Float64Array(16);
  private ck: Float64Array = new Float64Array(16);
  private xMk: Float64Array = new Float64Array(16);
  private yMk: Float64Array = new Float64Array(16);

  /** `result` maps one group's buffer to its value (null for none). */
  constructor(private readonly finish: (s: PairState) => number | null, private readonly resultType: DataType = DoubleType) {}

  ensure(n: number): void {
    this.n = growF64(this.n, n);
    this.xAvg = growF64(this.xAvg, n);
    this.yAvg = growF64(this.yAvg, n);
    this.ck = growF64(this.ck, n);
    this.xMk = growF64(this.xMk, n);
    this.yMk = growF64(this.yMk, n);
  }

  /** args[0] is x and args[1] is y (the entries order them). */
  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const xv = args[0]!;
    const yv = args[1]!;
    const xs = numbersOf(xv);
    const ys = numbersOf(yv);
    for (let i = 0; i < n; i++) {
      if ((xv.validity !== null && xv.validity[i] === 0) || (yv.validity !== null && yv.validity[i] === 0)) continue;
      const g = groups[i]!;
      const x = xs[i]!;
      const y = ys[i]!;
      const newN = this.n[g]! + 1;
      const dx = x - this.xAvg[g]!;
      const dy = y - this.yAvg[g]!;
      const newXAvg = this.xAvg[g]! + dx / newN;
      const newYAvg = this.yAvg[g]! + dy / newN;
      this.ck[g] = this.ck[g]! + dx * (y - newYAvg);
      this.xMk[g] = this.xMk[g]! + dx * (x - newXAvg);
      this.yMk[g] = this.yMk[g]! + dy * (y - newYAvg);
      this.xAvg[g] = newXAvg;
      this.yAvg[g] = newYAvg;
      this.n[g] = newN;
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const [pn, px, py, pck, pxm, pym] = partial.map(numbersOf) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    for (let i = 0; i < n; i++) {
      const n2 = pn[i]!;
      if (n2 === 0) continue;
      const g = groups[i]!;
      const n1 = this.n[g]!;
      const newN = n1 + n2;
      const dx = px[i]! - this.xAvg[g]!;
      const dy = py[i]! - this.yAvg[g]!;
      const dxN = dx / newN;
      const dyN = dy / newN;
      this.xAvg[g] = this.xAvg[g]! + dxN * n2;
      this.yAvg[g] = this.yAvg[g]! + dyN * n2;
      this.ck[g] = this.ck[g]! + pck[i]! + dx * dyN * n1 * n2;
      this.xMk[g] = this.xMk[g]! + pxm[i]! + dx * dxN * n1 * n2;
      this.yMk[g] = this.yMk[g]! + pym[i]! + dy * dyN * n1 * n2;
      this.n[g] = newN;
    }
  }

  partial(numGroups: number): Vector[] {
    return [this.n, this.xAvg, this.yAvg, this.ck, this.xMk, this.yMk].map((a) => makeVector(DoubleType, a.slice(0, numGroups), null, numGroups));
  }

  result(numGroups: number): Vector {
    const out = new Float64Array(numGroups);
    const validity = new Uint8Array(numGroups);
    for (let g = 0; g < numGroups; g++) {
      const v = this.finish({ n: this.n[g]!, xAvg: this.xAvg[g]!, yAvg: this.yAvg[g]!, ck: this.ck[g]!, xMk: this.xMk[g]!, yMk: this.yMk[g]! });
      if (v === null) continue;
      out[g] = v;
      validity[g] = 1;
    }
    return makeVector(this.resultType, out, validity, numGroups);
  }
}

/** One group's pair statistics. */
export interface PairState {
  readonly n: number;
  readonly xAvg: number;
  readonly yAvg: number;
  readonly ck: number;
  readonly xMk: number;
  readonly yMk: number;
}

/**
 * An entry over two double arguments. `swap`: Spark's regr_*(y, x) take y first, while the
 * accumulator reads (x, y).
 */
function pairAgg(name: string, d: FunctionDoc, finish: (s: PairState) => number | null, swap: boolean, resultType: DataType = DoubleType): AggFunctionDef {
  return {
    kind: "agg",
    name,
    doc: d,
    resolve(_n, args, isDistinct) {
      checkArity(name, args, 2);
      return aggCall(name, args.map((a) => implicitCast(a, DoubleType)), isDistinct, resultType, true);
    },
    accumulator: () => new PairMomentsAcc(finish, resultType),
    updateArgs: (call) => (swap ? [call.args[1]!, call.args[0]!] : allArgs(call)),
  };
}

const none = (s: PairState): boolean => s.n === 0;

/** Registry entries of the pair statistics (Spark 4 defaults: a sample statistic of one row is null). */
export const PAIR_AGGREGATES: readonly AggFunctionDef[] = [
  pairAgg("corr", doc("corr(expr1, expr2)", "Returns the Pearson correlation coefficient of the pairs; null for fewer than two."), (s) => (s.n < 2 ? null : s.ck / Math.sqrt(s.xMk * s.yMk)), false),
  pairAgg("covar_pop", doc("covar_pop(expr1, expr2)", "Returns the population covariance of the pairs."), (s) => (none(s) ? null : s.ck / s.n), false),
  pairAgg("covar_samp", doc("covar_samp(expr1, expr2)", "Returns the sample covariance of the pairs; null for fewer than two."), (s) => (s.n < 2 ? null : s.ck / (s.n - 1)), false),
  pairAgg("regr_count", doc("regr_count(y, x)", "Returns the number of rows where both are non-null."), (s) => s.n, true, LongType),
  pairAgg("regr_avgx", doc("regr_avgx(y, x)", "Returns the mean of x over rows where both are non-null."), (s) => (none(s) ? null : s.xAvg), true),
  pairAgg("regr_avgy", doc("regr_avgy(y, x)", "Returns the mean of y over rows where both are non-null."), (s) => (none(s) ? null : s.yAvg), true),
  pairAgg("regr_sxx", doc("regr_sxx(y, x)", "Returns Σ(x - avg(x))² over rows where both are non-null."), (s) => (none(s) ? null : s.xMk), true),
  pairAgg("regr_syy", doc("regr_syy(y, x)", "Returns Σ(y - avg(y))² over rows where both are non-null."), (s) => (none(s) ? null : s.yMk), true),
  pairAgg("regr_sxy", doc("regr_sxy(y, x)", "Returns Σ(x - avg(x))(y - avg(y)) over rows where both are non-null."), (s) => (none(s) ? null : s.ck), true),
  pairAgg("regr_slope", doc("regr_slope(y, x)", "Returns the slope of the least-squares line; null when x does not vary."), (s) => (none(s) || s.xMk === 0 ? null : s.ck / s.xMk), true),
  pairAgg("regr_intercept", doc("regr_intercept(y, x)", "Returns the intercept of the least-squares line; null when x does not vary."), (s) => (none(s) || s.xMk === 0 ? null : s.yAvg - (s.ck / s.xMk) * s.xAvg), true),
  pairAgg("regr_r2", doc("regr_r2(y, x)", "Returns the coefficient of determination; null when x does not vary, 1 when y does not."), (s) => {
    if (none(s) || s.xMk === 0) return null;
    if (s.yMk === 0) return 1;
    const c = s.ck / Math.sqrt(s.xMk * s.yMk);
    return c * c;
  }, true),
];
