import { makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { DoubleType, type DataType } from "../../../types/data-type.js";
import { doc, type FunctionDoc, aggCall, allArgs, checkArity, implicitCast, type AggFunctionDef } from "../function-def.js";
import { growF64, type Accumulator } from "./accumulator.js";

/** The statistical aggregates over doubles. */
export type StatKind = "stddev_samp" | "stddev_pop" | "var_samp" | "var_pop";

/**
 * Standard deviation and variance with Welford's update and Chan's merge (count, mean,
 * M2 per group). Null for an empty group, and for a single value in the sample forms
 * (Spark 4 default, spark.sql.legacy.statisticalAggregate=false).
 */
export class StatAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [DoubleType, DoubleType, DoubleType];
  private n: Float64Array = new Float64Array(16);
  private mean: Float64Array = new Float64Array(16);
  private m2: Float64Array = new Float64Array(16);

  constructor(private readonly kind: StatKind) {}

  ensure(n: number): void {
    this.n = growF64(this.n, n);
    this.mean = growF64(this.mean, n);
    this.m2 = growF64(this.m2, n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const v = args[0]!;
    const d = numbersOf(v);
    for (let i = 0; i < n; i++) {
      if (v.validity !== null && v.validity[i] === 0) continue;
      const g = groups[i]!;
      const c = this.n[g]! + 1;
      const x = d[i]!;
      const delta = x - this.mean[g]!;
      const mean = this.mean[g]! + delta / c;
      this.m2[g] = this.m2[g]! + delta * (x - mean);
      this.mean[g] = mean;
      this.n[g] = c;
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const pn = numbersOf(partial[0]!);
    const pm = numbersOf(partial[1]!);
    const p2 = numbersOf(partial[2]!);
    for (let i = 0; i < n; i++) {
      const nb = pn[i]!;
      if (nb === 0) continue;
      const g = groups[i]!;
      const na = this.n[g]!;
      const c = na + nb;
      const delta = pm[i]! - this.mean[g]!;
      this.mean[g] = this.mean[g]! + (delta * nb) / c;
      this.m2[g] = this.m2[g]! + p2[i]! + (delta * delta * na * nb) / c;
      this.n[g] = c;
    }
  }

  partial(numGroups: number): Vector[] {
    return [this.n, this.mean, this.m2].map((a) => makeVector(DoubleType, a.slice(0, numGroups), null, numGroups));
  }

  result(numGroups: number): Vector {
    const out = new Float64Array(numGroups);
    const validity = new Uint8Array(numGroups);
    const sample = this.kind === "stddev_samp" || this.kind === "var_samp";
    const sqrt = this.kind === "stddev_samp" || this.kind === "stddev_pop";
    for (let g = 0; g < numGroups; g++) {
      const c = this.n[g]!;
      const denom = sample ? c - 1 : c;
      if (c === 0 || denom <= 0) continue;
      const v = this.m2[g]! / denom;
      out[g] = sqrt ? Math.sqrt(v) : v;
      validity[g] = 1;
    }
    return makeVector(DoubleType, out, validity, numGroups);
  }
}

/** A statistical aggregate under one of its Spark names: double, nullable; input cast to double. */
function stat(fnName: string, kind: StatKind, doc: FunctionDoc): AggFunctionDef {
  return {
    kind: "agg",
    name: fnName,
    doc,
    resolve(_n, args, isDistinct) {
      checkArity(fnName, args, 1);
      return aggCall(fnName, [implicitCast(args[0]!, DoubleType)], isDistinct, DoubleType, true);
    },
    accumulator: () => new StatAcc(kind),
    updateArgs: allArgs,
  };
}

/** Registry entries of the statistical aggregates, each name with the statistic it computes. */
export const STAT_AGGREGATES: readonly AggFunctionDef[] = [
  stat("stddev", "stddev_samp", doc("stddev(expr)", "Returns the sample standard deviation of the non-null values, null for fewer than two.")),
  stat("std", "stddev_samp", doc("std(expr)", "Returns the sample standard deviation of the non-null values (same as stddev).")),
  stat("stddev_samp", "stddev_samp", doc("stddev_samp(expr)", "Returns the sample standard deviation of the non-null values, null for fewer than two.")),
  stat("stddev_pop", "stddev_pop", doc("stddev_pop(expr)", "Returns the population standard deviation of the non-null values, null when there are none.")),
  stat("variance", "var_samp", doc("variance(expr)", "Returns the sample variance of the non-null values, null for fewer than two.")),
  stat("var_samp", "var_samp", doc("var_samp(expr)", "Returns the sample variance of the non-null values, null for fewer than two.")),
  stat("var_pop", "var_pop", doc("var_pop(expr)", "Returns the population variance of the non-null values, null when there are none.")),
];
