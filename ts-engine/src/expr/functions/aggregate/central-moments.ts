import { makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { DoubleType, type DataType } from "../../../types/data-type.js";
import { aggCall, allArgs, checkArity, doc, implicitCast, type AggFunctionDef } from "../function-def.js";
import { growF64, type Accumulator } from "./accumulator.js";

/**
 * Third and fourth central moments (Spark's CentralMomentAgg: n, mean, M2, M3, M4 with
 * Terriberry's one-pass update and the matching pairwise merge). skewness = √n·M3 / M2^1.5,
 * kurtosis = n·M4 / M2² − 3 (excess); null for no rows and, as Spark 4, for M2 = 0.
 */
export class CentralMomentsAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [DoubleType, DoubleType, DoubleType, DoubleType, DoubleType];
  private n: Float64Array = new Float64Array(16);
  private avg: Float64Array = new Float64Array(16);
  private m2: Float64Array = new Float64Array(16);
  private m3: Float64Array = new Float64Array(16);
  private m4: Float64Array = new Float64Array(16);

  constructor(private readonly kind: "skewness" | "kurtosis") {}

  ensure(n: number): void {
    this.n = growF64(this.n, n);
    this.avg = growF64(this.avg, n);
    this.m2 = growF64(this.m2, n);
    this.m3 = growF64(this.m3, n);
    this.m4 = growF64(this.m4, n);
  }

  private add(g: number, nb: number, avgB: number, m2B: number, m3B: number, m4B: number): void {
    const na = this.n[g]!;
    const n = na + nb;
    const delta = avgB - this.avg[g]!;
    const deltaN = delta / n;
    const d2 = delta * deltaN;
    const m2a = this.m2[g]!;
    const m3a = this.m3[g]!;
    this.m4[g] =
      this.m4[g]! + m4B + d2 * deltaN * deltaN * na * nb * (na * na - na * nb + nb * nb) + 6 * deltaN * deltaN * (na * na * m2B + nb * nb * m2a) + 4 * deltaN * (na * m3B - nb * m3a);
    this.m3[g] = m3a + m3B + d2 * deltaN * na * nb * (na - nb) + 3 * deltaN * (na * m2B - nb * m2a);
    this.m2[g] = m2a + m2B + d2 * na * nb;
    this.avg[g] = this.avg[g]! + deltaN * nb;
    this.n[g] = n;
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const v = args[0]!;
    const d = numbersOf(v);
    for (let i = 0; i < n; i++) {
      if (v.validity !== null && v.validity[i] === 0) continue;
      this.add(groups[i]!, 1, d[i]!, 0, 0, 0);
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const [pn, pa, p2, p3, p4] = partial.map(numbersOf) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    for (let i = 0; i < n; i++) if (pn[i]! > 0) this.add(groups[i]!, pn[i]!, pa[i]!, p2[i]!, p3[i]!, p4[i]!);
  }

  partial(numGroups: number): Vector[] {
    return [this.n, this.avg, this.m2, this.m3, this.m4].map((a) => makeVector(DoubleType, a.slice(0, numGroups), null, numGroups));
  }

  result(numGroups: number): Vector {
    const out = new Float64Array(numGroups);
    const validity = new Uint8Array(numGroups);
    for (let g = 0; g < numGroups; g++) {
      const n = this.n[g]!;
      const m2 = this.m2[g]!;
      if (n === 0 || m2 === 0) continue;
      out[g] = this.kind === "skewness" ? (Math.sqrt(n) * this.m3[g]!) / Math.sqrt(m2 * m2 * m2) : (n * this.m4[g]!) / (m2 * m2) - 3;
      validity[g] = 1;
    }
    return makeVector(DoubleType, out, validity, numGroups);
  }
}

function moment(name: "skewness" | "kurtosis", description: string): AggFunctionDef {
  return {
    kind: "agg",
    name,
    doc: doc(`${name}(expr)`, description),
    resolve(_n, args, isDistinct) {
      checkArity(name, args, 1);
      return aggCall(name, [implicitCast(args[0]!, DoubleType)], isDistinct, DoubleType, true);
    },
    accumulator: () => new CentralMomentsAcc(name),
    updateArgs: allArgs,
  };
}

/** Registry entries of skewness and kurtosis. */
export const MOMENT_AGGREGATES: readonly AggFunctionDef[] = [
  moment("skewness", "Returns the skewness of the non-null values; null when there are none or they do not vary."),
  moment("kurtosis", "Returns the excess kurtosis of the non-null values; null when there are none or they do not vary."),
];
