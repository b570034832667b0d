import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import { compareValues } from "../../../columnar/value-order.js";
import type { Vector } from "../../../columnar/vector.js";
import { AnalysisException } from "../../../errors/spark-exception.js";
import { DoubleType, IntegerType, LongType, arrayType, isNumeric, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { exprPrettySql } from "../../expr-string.js";
import type { AggCall, Expr } from "../../expr.js";
import { aggCall, checkArity, doc, firstArg, implicitCast, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

/**
 * percentile (exact, linear interpolation between the closest ranks, as Spark's Percentile),
 * median (= percentile 0.5) and percentile_approx / approx_percentile. The approximate forms
 * keep every value and answer with the exact rank Spark's sketch answers with when its
 * accuracy exceeds the group's size (the value at rank ⌈p·n⌉): for larger groups Spark's
 * Greenwald-Khanna sketch may return a neighbouring value within n / accuracy ranks; tspark
 * returns the exact one.
 */
export class PercentileAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private lists: unknown[][] = [];

  constructor(
    private readonly valueType: DataType,
    private readonly resultType: DataType,
    private readonly percentages: readonly number[],
    private readonly exact: boolean,
    private readonly many: boolean,
  ) {
    this.partialTypes = [arrayType(valueType, false)];
  }

  ensure(n: number): void {
    while (this.lists.length < n) this.lists.push([]);
  }

  /** args: the values, then (percentile's frequency) how many times each row counts. */
  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    const freq = args[1] === undefined ? null : vectorToValues(args[1]);
    for (let i = 0; i < n; i++) {
      const x = vals[i];
      if (x === null || x === undefined) continue;
      const times = freq === null ? 1 : Number(freq[i] ?? 0);
      for (let k = 0; k < times; k++) this.lists[groups[i]!]!.push(x);
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const vals = vectorToValues(partial[0]!);
    for (let i = 0; i < n; i++) for (const x of (vals[i] as unknown[] | null) ?? []) this.lists[groups[i]!]!.push(x);
  }

  partial(numGroups: number): Vector[] {
    return [vectorFromValues(this.partialTypes[0]!, this.lists.slice(0, numGroups))];
  }

  private answer(sorted: readonly unknown[], p: number): unknown {
    const n = sorted.length;
    if (!this.exact) return sorted[Math.max(0, Math.ceil(p * n) - 1)];
    const pos = p * (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    const a = Number(sorted[lo]);
    if (lo === hi) return a;
    return (hi - pos) * a + (pos - lo) * Number(sorted[hi]);
  }

  result(numGroups: number): Vector {
    const out: unknown[] = [];
    for (let g = 0; g < numGroups; g++) {
      const xs = this.lists[g]!;
      if (xs.length === 0) {
        out.push(null);
        continue;
      }
      const sorted = [...xs].sort(compareValues);
      const vals = this.percentages.map((p) => this.answer(sorted, p));
      out.push(this.many ? vals : vals[0]);
    }
    return vectorFromValues(this.resultType, out);
  }
}

/** The percentages of a call: a literal in [0, 1] or an array literal of them (else Spark's errors). */
function percentagesOf(call: AggCall, arg: Expr): { readonly values: number[]; readonly many: boolean } {
  const t = exprType(arg);
  if (arg.kind !== "Literal" && !(arg.kind === "Cast" && arg.child.kind === "Literal") && !(arg.kind === "ScalarCall" && arg.fn === "array")) {
    throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr: `"${exprPrettySql(call)}"`, inputName: "`percentage`", inputType: '"DOUBLE"', inputExpr: `"${exprPrettySql(arg)}"` });
  }
  const raw = literalValue(arg);
  const many = t.kind === "array";
  const values = (many ? (raw as unknown[]) : [raw]).map((v) => Number(v));
  for (const v of values) {
    if (!(v >= 0 && v <= 1)) {
      throw new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", {
        sqlExpr: `"${exprPrettySql(call)}"`,
        exprName: "percentage",
        valueRange: "[0.0, 1.0]",
        currentValue: String(v),
      });
    }
  }
  return { values, many };
}

function literalValue(e: Expr): unknown {
  if (e.kind === "Literal") return e.value;
  if (e.kind === "Cast") return literalValue(e.child);
  if (e.kind === "ScalarCall") return e.args.map(literalValue);
  return null;
}

function percentileAgg(name: string, exact: boolean, usage: string, description: string, fixed?: number): AggFunctionDef {
  return {
    kind: "agg",
    name,
    doc: doc(usage, description),
    resolve(_n, args, isDistinct) {
      checkArity(name, args, fixed === undefined ? 2 : 1, fixed === undefined ? 3 : 1);
      const x = args[0]!;
      const xt = exprType(x);
      const draft = aggCall(name, args, isDistinct, DoubleType, true);
      if (!isNumeric(xt)) throw unexpectedInputType(draft, 0, x, '"NUMERIC"');
      const p: Expr = fixed === undefined ? args[1]! : { kind: "Literal", value: fixed, dataType: DoubleType };
      const many = exprType(p).kind === "array";
      const valueType = exact ? DoubleType : xt;
      const rt = many ? arrayType(valueType, false) : valueType;
      // Spark fills the defaults in (frequency 1, accuracy 10000) and names the column with them.
      const given = args.slice(2);
      const defaults: Expr[] = given.length > 0 ? given : [{ kind: "Literal", value: exact ? 1 : 10000, dataType: IntegerType }];
      const rest = defaults.map((a) => implicitCast(a, exact ? LongType : IntegerType));
      const full = fixed === undefined ? [exact ? implicitCast(x, DoubleType) : x, p, ...rest] : [exact ? implicitCast(x, DoubleType) : x];
      const call = aggCall(name, full, isDistinct, rt, true);
      percentagesOf(call, p);
      return call;
    },
    accumulator(call) {
      const p = fixed === undefined ? percentagesOf(call, call.args[1]!) : { values: [fixed], many: false };
      const vt = exprType(call.args[0]!);
      return new PercentileAcc(vt, call.dataType, p.values, exact, p.many);
    },
    // percentile's frequency weighs each row; percentile_approx's accuracy is a constant.
    updateArgs: (call) => (exact && call.args.length === 3 ? [call.args[0]!, call.args[2]!] : firstArg(call)),
  };
}

/** Registry entries of the percentile aggregates. */
export const PERCENTILE_AGGREGATES: readonly AggFunctionDef[] = [
  percentileAgg("percentile", true, "percentile(col, percentage[, frequency])", "Returns the exact percentile(s) of the numeric column, interpolated linearly between ranks."),
  percentileAgg("median", true, "median(col)", "Returns the median of the numeric column (percentile 0.5).", 0.5),
  percentileAgg("percentile_approx", false, "percentile_approx(col, percentage[, accuracy])", "Returns the smallest value whose rank reaches percentage of the group (tspark answers exactly)."),
  percentileAgg("approx_percentile", false, "approx_percentile(col, percentage[, accuracy])", "Same as percentile_approx."),
];
