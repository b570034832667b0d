import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import type { Vector } from "../../../columnar/vector.js";
import { AnalysisException } from "../../../errors/spark-exception.js";
import { DoubleType, arrayType, isNumeric, structField, structType, type DataType } from "../../../types/data-type.js";
import { formatUnscaled, unscaled } from "../../../columnar/decimal-value.js";
import { exprPrettySql } from "../../expr-string.js";
import { exprType } from "../../expr-type.js";
import { JavaRandom } from "../../kernels/java-random.js";
import { foldedValue } from "../foldable.js";
import { aggCall, checkArity, doc, firstArg, implicitCast, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

// histogram_numeric(expr, nb): Spark's NumericHistogram (Ben-Haim and Tom-Tov's streaming
// histogram, by way of Hive): at most nb bins (x = centre, y = height); a value lands in its
// bin or makes a new one, and past nb bins the two closest neighbours merge into their
// weighted mean. Ties between equally close pairs are broken with java.util.Random(31183)
// draws, one generator per histogram, so the bins equal Spark's for the same input order.

/** One streaming histogram (x ascending). */
class NumericHistogram {
  xs: number[] = [];
  ys: number[] = [];
  private readonly prng = new JavaRandom(31183);

  constructor(private readonly nbins: number) {}

  add(v: number): void {
    const { xs } = this;
    let bin = 0;
    for (let l = 0, r = xs.length; l < r; ) {
      bin = (l + r) >> 1;
      if (xs[bin]! > v) r = bin;
      else if (xs[bin]! < v) l = ++bin;
      else break;
    }
    if (bin < xs.length && xs[bin] === v) {
      this.ys[bin]!++;
      return;
    }
    xs.splice(bin, 0, v);
    this.ys.splice(bin, 0, 1);
    if (xs.length > this.nbins) this.trim();
  }

  /** Algorithm 2 of the paper: pool both bin lists, sort by x, trim back to nbins. */
  merge(xs: readonly number[], ys: readonly number[]): void {
    if (this.xs.length === 0) {
      this.xs = [...xs];
      this.ys = [...ys];
      return;
    }
    const pairs = this.xs.map((x, i): [number, number] => [x, this.ys[i]!]);
    xs.forEach((x, i) => pairs.push([x, ys[i]!]));
    // Java's Collections.sort is stable; so is Array.prototype.sort.
    pairs.sort((a, b) => a[0] - b[0]);
    this.xs = pairs.map((p) => p[0]);
    this.ys = pairs.map((p) => p[1]);
    this.trim();
  }

  private trim(): void {
    const { xs, ys } = this;
    while (xs.length > this.nbins) {
      let smallest = xs[1]! - xs[0]!;
      let at = 0;
      let count = 1;
      for (let i = 1; i < xs.length - 1; i++) {
        const diff = xs[i + 1]! - xs[i]!;
        if (diff < smallest) {
          smallest = diff;
          at = i;
          count = 1;
        } else if (diff === smallest && this.prng.nextDouble() <= 1 / ++count) at = i;
      }
      // Spark's order of operations (x·(y/d) + x'/d·y'), whose rounding decides later ties.
      const d = ys[at]! + ys[at + 1]!;
      let x = xs[at]! * (ys[at]! / d);
      x += (xs[at + 1]! / d) * ys[at + 1]!;
      xs[at] = x;
      ys[at] = d;
      xs.splice(at + 1, 1);
      ys.splice(at + 1, 1);
    }
  }
}

const BIN = structType([structField("x", DoubleType, true), structField("y", DoubleType, true)]);
const PARTIAL = arrayType(BIN, true);

/** A bin centre as the input type holds it (Spark's HistogramNumeric.eval: integers truncate). */
function centreOf(x: number, t: DataType): unknown {
  switch (t.kind) {
    case "byte":
    case "short":
    case "integer":
    case "date":
    case "year_month_interval":
      return Math.trunc(x);
    case "long":
    case "timestamp":
    case "timestamp_ntz":
    case "day_time_interval":
      return BigInt(Math.trunc(x));
    case "float":
      return Math.fround(x);
    case "decimal":
      return formatUnscaled(unscaled(String(x), t.scale), t.scale);
    default:
      return x;
  }
}

class HistogramAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [PARTIAL];
  private hists: NumericHistogram[] = [];

  constructor(
    private readonly nbins: number,
    private readonly inputType: DataType,
    private readonly resultType: DataType,
  ) {}

  ensure(n: number): void {
    while (this.hists.length < n) this.hists.push(new NumericHistogram(this.nbins));
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (v === null || v === undefined) continue;
      this.hists[groups[i]!]!.add(Number(v as number | bigint | string));
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const vals = vectorToValues(partial[0]!);
    for (let i = 0; i < n; i++) {
      const bins = vals[i] as (readonly [number, number])[] | null | undefined;
      if (bins === null || bins === undefined) continue;
      this.hists[groups[i]!]!.merge(
        bins.map((b) => b[0]),
        bins.map((b) => b[1]),
      );
    }
  }

  partial(numGroups: number): Vector[] {
    const out = this.hists.slice(0, numGroups).map((h) => h.xs.map((x, i) => [x, h.ys[i]!]));
    return [vectorFromValues(PARTIAL, out)];
  }

  result(numGroups: number): Vector {
    const out = this.hists.slice(0, numGroups).map((h) => (h.xs.length === 0 ? null : h.xs.map((x, i) => [centreOf(x, this.inputType), h.ys[i]!])));
    return vectorFromValues(this.resultType, out);
  }
}

const SUPPORTED = (t: DataType): boolean =>
  isNumeric(t) || t.kind === "date" || t.kind === "timestamp" || t.kind === "timestamp_ntz" || t.kind === "day_time_interval" || t.kind === "year_month_interval" || t.kind === "null";

/** The number of bins: a foldable integer of at least 2 (Spark's checkInputDataTypes). */
function binsOf(call: ReturnType<typeof aggCall>, nb: ReturnType<typeof aggCall>["args"][number]): number {
  const folded = foldedValue(nb);
  const t = exprType(nb);
  if (t.kind !== "integer" && t.kind !== "short" && t.kind !== "byte") throw unexpectedInputType(call, 1, nb, '"INT"');
  if (folded === null) {
    throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr: `"${exprPrettySql(call)}"`, inputName: "`nb`", inputType: '"INT"', inputExpr: `"${exprPrettySql(nb)}"` });
  }
  if (folded.value === null) throw new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_NULL", { sqlExpr: `"${exprPrettySql(call)}"`, exprName: "`nb`" });
  const n = Number(folded.value);
  if (n < 2) {
    throw new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", { sqlExpr: `"${exprPrettySql(call)}"`, exprName: "nb", valueRange: "[2, 2147483647]", currentValue: String(n) });
  }
  return n;
}

/** histogram_numeric's registry entry. */
export const HISTOGRAM_NUMERIC: AggFunctionDef = {
  kind: "agg",
  name: "histogram_numeric",
  doc: doc("histogram_numeric(expr, nb)", "Computes a histogram of the numeric `expr` with at most `nb` bins: an array of (x, y) structs, x a bin centre in the input's type and y its height."),
  resolve(_n, args, isDistinct) {
    checkArity("histogram_numeric", args, 2);
    const [given, nb] = args as [ReturnType<typeof aggCall>["args"][number], ReturnType<typeof aggCall>["args"][number]];
    // A string input is a double (Spark's implicit cast to NUMERIC).
    const x = exprType(given).kind === "string" ? implicitCast(given, DoubleType) : given;
    const t = exprType(x);
    const resultType = arrayType(structType([structField("x", t, true), structField("y", DoubleType, true)]), true);
    const call = aggCall("histogram_numeric", [x, nb], isDistinct, resultType, true);
    if (!SUPPORTED(t)) throw unexpectedInputType(call, 0, x, '("NUMERIC" or "TIMESTAMP" or "DATE" or "INTERVAL")');
    binsOf(call, nb);
    return call;
  },
  accumulator: (call) => {
    const nb = foldedValue(call.args[1]!)?.value;
    return new HistogramAcc(Number(nb), exprType(call.args[0]!), call.dataType);
  },
  updateArgs: firstArg,
};
