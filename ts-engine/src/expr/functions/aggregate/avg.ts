import { makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { DoubleType, LongType, dayTimeIntervalType, decimalType, isInterval, isNumeric, yearMonthIntervalType, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { doc, type FunctionDoc, aggCall, allArgs, checkArity, firstArgType, implicitCast, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import { growF64, type Accumulator } from "./accumulator.js";
import { DecimalAcc } from "./decimal-acc.js";
import { IntervalAvgAcc } from "./interval-avg.js";
import { SumAcc } from "./sum.js";
import { runningAvg } from "../window/running-aggregates.js";

const longSum = (ansi: boolean): Accumulator => new SumAcc(LongType, ansi);

/** avg(x): DoubleType mean of the non-null values, null for a group without any. */
export class AvgAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [DoubleType, LongType];
  private sums: Float64Array = new Float64Array(16);
  private counts: Float64Array = new Float64Array(16);

  ensure(n: number): void {
    this.sums = growF64(this.sums, n);
    this.counts = growF64(this.counts, n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const v = args[0]!;
    const val = v.validity;
    const sums = this.sums;
    const counts = this.counts;
    if (v.storage === "i64big") {
      for (let i = 0; i < n; i++) {
        if (val !== null && val[i] === 0) continue;
        sums[groups[i]!] = sums[groups[i]!]! + Number(v.data[i]!);
        counts[groups[i]!] = counts[groups[i]!]! + 1;
      }
      return;
    }
    const d = numbersOf(v);
    for (let i = 0; i < n; i++) {
      if (val !== null && val[i] === 0) continue;
      const g = groups[i]!;
      sums[g] = sums[g]! + d[i]!;
      counts[g] = counts[g]! + 1;
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const s = numbersOf(partial[0]!);
    const c = numbersOf(partial[1]!);
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      this.sums[g] = this.sums[g]! + s[i]!;
      this.counts[g] = this.counts[g]! + c[i]!;
    }
  }

  partial(numGroups: number): Vector[] {
    return [
      makeVector(DoubleType, this.sums.slice(0, numGroups), null, numGroups),
      makeVector(LongType, this.counts.slice(0, numGroups), null, numGroups),
    ];
  }

  result(numGroups: number): Vector {
    const out = new Float64Array(numGroups);
    const validity = new Uint8Array(numGroups);
    let allValid = true;
    for (let g = 0; g < numGroups; g++) {
      const c = this.counts[g]!;
      if (c === 0) allValid = false;
      else {
        out[g] = this.sums[g]! / c;
        validity[g] = 1;
      }
    }
    return makeVector(DoubleType, out, allValid ? null : validity, numGroups);
  }
}

/** avg/mean: double (decimal(p,s) → decimal(p+4,s+4), computed exactly); strings are cast to double (ANSI). */
function avg(fnName: string, doc: FunctionDoc): AggFunctionDef {
  return {
    kind: "agg",
    name: fnName,
    doc,
    resolve(name, args, isDistinct) {
      checkArity(name, args, 1);
      let a = args[0]!;
      let t = exprType(a);
      if (t.kind === "string" || t.kind === "null") {
        a = implicitCast(a, DoubleType);
        t = DoubleType;
      }
      // ANSI intervals average to YEAR TO MONTH / DAY TO SECOND (Average.resultType).
      if (t.kind === "year_month_interval") return aggCall(fnName, [a], isDistinct, yearMonthIntervalType(), true);
      if (t.kind === "day_time_interval") return aggCall(fnName, [a], isDistinct, dayTimeIntervalType(), true);
      if (!isNumeric(t)) throw unexpectedInputType(aggCall(fnName, args, isDistinct, t, true), 0, a, '"NUMERIC" or "ANSI INTERVAL"');
      const out = t.kind === "decimal" ? decimalType(Math.min(38, t.precision + 4), Math.min(38, t.scale + 4)) : DoubleType;
      return aggCall(fnName, [a], isDistinct, out, true);
    },
    accumulator(call, ansi) {
      const t = firstArgType(call);
      if (isInterval(t)) return new IntervalAvgAcc(call.dataType, longSum(ansi));
      return t.kind === "decimal" ? new DecimalAcc("avg", t, call.dataType, ansi) : new AvgAcc();
    },
    updateArgs: allArgs,
    running: (call) => (call.dataType.kind === "double" ? runningAvg : undefined),
  };
}

/** avg(x): the mean of the non-null values. */
export const AVG = avg("avg", doc("avg(expr)", "Returns the mean of the non-null values of the group, null when there are none."));
/** mean(x): avg under its other name. */
export const MEAN = avg("mean", doc("mean(expr)", "Returns the mean of the non-null values of the group (same as avg)."));
