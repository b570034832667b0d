import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import type { Vector } from "../../../columnar/vector.js";
import { InternalError } from "../../../errors/spark-exception.js";
import { arrayType, DoubleType, LongType, type DataType } from "../../../types/data-type.js";
import { QuantileSummary } from "../../kernels/quantile-summaries.js";
import type { AggCall, Literal } from "../../expr.js";
import { exprType } from "../../expr-type.js";
import { aggCall, doc, firstArg, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

/**
 * The Greenwald-Khanna summary of each group (kernels/quantile-summaries.ts, Spark's
 * QuantileSummaries): update inserts the non-null, non-NaN doubles in input order, partial
 * hands on the compressed samples and their count, merge merges them in the order they come.
 */
class ApproxQuantileAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [arrayType(DoubleType, false), LongType];
  private summaries: QuantileSummary[] = [];

  constructor(
    private readonly relativeError: number,
    private readonly probabilities: readonly number[],
  ) {}

  ensure(n: number): void {
    while (this.summaries.length < n) this.summaries.push(new QuantileSummary(this.relativeError));
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (typeof v === "number" && !Number.isNaN(v)) this.summaries[groups[i]!]!.insert(v);
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const samples = vectorToValues(partial[0]!);
    const counts = vectorToValues(partial[1]!);
    for (let i = 0; i < n; i++) {
      const other = QuantileSummary.decode(this.relativeError, Number(counts[i]), (samples[i] as number[] | null) ?? []);
      this.summaries[groups[i]!]!.merge(other);
    }
  }

  partial(numGroups: number): Vector[] {
    const s = this.summaries.slice(0, numGroups);
    return [vectorFromValues(this.partialTypes[0]!, s.map((q) => q.encode())), vectorFromValues(LongType, s.map((q) => q.size))];
  }

  result(numGroups: number): Vector {
    const out = this.summaries.slice(0, numGroups).map((q) => {
      q.compress();
      return q.query(this.probabilities) ?? [];
    });
    return vectorFromValues(arrayType(DoubleType, false), out);
  }
}

function constantArgs(call: AggCall): { relativeError: number; probabilities: number[] } {
  const p = call.args[1];
  const e = call.args[2];
  if (p?.kind !== "Literal" || e?.kind !== "Literal") throw new InternalError("approx_quantile_summary takes literal probabilities and error");
  return { probabilities: ((p as Literal).value as number[]).map(Number), relativeError: Number((e as Literal).value) };
}

/**
 * approx_quantile_summary(x, probabilities, relativeError): what df.approxQuantile computes
 * per column (Spark's StatFunctions.multipleApproxQuantiles over QuantileSummaries, no SQL
 * name): the approximate quantiles of the double `x` as an array (empty without values).
 */
export const APPROX_QUANTILE_SUMMARY: AggFunctionDef = {
  kind: "agg",
  name: "approx_quantile_summary",
  doc: doc("approx_quantile_summary(x, probabilities, relativeError)", "Returns the Greenwald-Khanna approximate quantiles of the double x at each probability, within relativeError (what approxQuantile computes)."),
  resolve(name, args, isDistinct) {
    if (args.length !== 3 || exprType(args[0]!).kind !== "double" || args[1]!.kind !== "Literal" || args[2]!.kind !== "Literal") {
      throw new InternalError(`${name} takes a double column, a literal array of probabilities and a literal error`);
    }
    return aggCall("approx_quantile_summary", args, isDistinct, arrayType(DoubleType, false), false);
  },
  accumulator(call) {
    const { relativeError, probabilities } = constantArgs(call);
    return new ApproxQuantileAcc(relativeError, probabilities);
  },
  updateArgs: firstArg,
};

/** Registry entries of df.approxQuantile's aggregate. */
export const APPROX_QUANTILE_FUNCTIONS: readonly AggFunctionDef[] = [APPROX_QUANTILE_SUMMARY];
