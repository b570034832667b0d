import { makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { isLongType, longVectorFromBigInts } from "../../../columnar/builder.js";
import { arithmeticOverflow } from "../../eval/errors.js";
import { DoubleType, LongType, decimalType, isInterval, isNumeric, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { doc, aggCall, allArgs, checkArity, firstArgType, implicitCast, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import { growF64, growU8, isSingleGroup, seenValidity, type Accumulator } from "./accumulator.js";
import { DecimalAcc } from "./decimal-acc.js";
import { YearMonthSumAcc } from "./interval-sum.js";
import { runningSum } from "../window/running-aggregates.js";

const SAFE = Number.MAX_SAFE_INTEGER;
const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);

/**
 * sum(): null when a group saw no non-null value. Integral input sums to LongType exactly
 * (Number fast path, BigInt per group once past ±2^53; ANSI overflow raises), fractional
 * input to DoubleType.
 */
export class SumAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private sums: Float64Array = new Float64Array(16);
  private seen: Uint8Array = new Uint8Array(16);
  private big: (bigint | undefined)[] | null = null;
  private readonly exact: boolean;

  constructor(
    private readonly resultType: DataType,
    private readonly ansi: boolean,
  ) {
    this.partialTypes = [resultType];
    this.exact = isLongType(resultType);
  }

  ensure(n: number): void {
    this.sums = growF64(this.sums, n);
    this.seen = growU8(this.seen, n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const v = args[0]!;
    const val = v.validity;
    const sums = this.sums;
    const seen = this.seen;
    if (v.storage === "i64big") {
      for (let i = 0; i < n; i++) if (val === null || val[i] === 1) this.addBig(groups[i]!, v.data[i]!);
      return;
    }
    const d = numbersOf(v);
    if (!this.exact && val === null && isSingleGroup(groups)) {
      // No grouping: one running total in a register, added in row order (same rounding).
      if (n === 0) return;
      let s = sums[0]!;
      for (let i = 0; i < n; i++) s += d[i]!;
      sums[0] = s;
      seen[0] = 1;
      return;
    }
    if (!this.exact) {
      for (let i = 0; i < n; i++) {
        if (val !== null && val[i] === 0) continue;
        const g = groups[i]!;
        sums[g] = sums[g]! + d[i]!;
        seen[g] = 1;
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      if (val !== null && val[i] === 0) continue;
      const g = groups[i]!;
      const big = this.big;
      if (big !== null && big[g] !== undefined) {
        this.addBig(g, BigInt(d[i]!));
        continue;
      }
      const s = sums[g]! + d[i]!;
      if (s > SAFE || s < -SAFE) this.addBig(g, BigInt(d[i]!));
      else {
        sums[g] = s;
        seen[g] = 1;
      }
    }
  }

  private addBig(g: number, x: bigint): void {
    this.big ??= [];
    const cur = this.big[g] ?? BigInt(this.sums[g]!);
    let s = cur + x;
    if (s > I64_MAX || s < I64_MIN) {
      if (this.ansi) throw arithmeticOverflow("long", "try_sum");
      s = BigInt.asIntN(64, s);
    }
    this.big[g] = s;
    this.seen[g] = 1;
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    this.update(groups, n, partial);
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups)];
  }

  result(numGroups: number): Vector {
    const validity = seenValidity(this.seen, numGroups);
    if (this.exact && this.big !== null) {
      const out = new BigInt64Array(numGroups);
      for (let g = 0; g < numGroups; g++) out[g] = this.big[g] ?? BigInt(this.sums[g]!);
      return longVectorFromBigInts(this.resultType, out, validity);
    }
    return makeVector(this.resultType, this.sums.slice(0, numGroups), validity, numGroups);
  }
}

/** sum: integral → bigint, fractional → double, decimal(p,s) → decimal(p+10,s); strings are cast to double (ANSI). */
export const SUM: AggFunctionDef = {
  kind: "agg",
  name: "sum",
  doc: doc("sum(expr)", "Returns the sum of the non-null values of the group, null when there are none; integral sums overflow under ANSI."),
  resolve(name, args, isDistinct) {
    checkArity(name, args, 1);
    let a = args[0]!;
    let t = exprType(a);
    if (t.kind === "string" || t.kind === "null") {
      a = implicitCast(a, DoubleType);
      t = DoubleType;
    }
    // ANSI intervals sum to their own type (microseconds or months).
    if (isInterval(t)) return aggCall("sum", [a], isDistinct, t, true);
    if (!isNumeric(t)) throw unexpectedInputType(aggCall("sum", args, isDistinct, t, true), 0, a, '"NUMERIC" or "ANSI INTERVAL"');
    const out =
      t.kind === "decimal" ? decimalType(Math.min(38, t.precision + 10), t.scale) : t.kind === "float" || t.kind === "double" ? DoubleType : LongType;
    return aggCall("sum", [a], isDistinct, out, true);
  },
  accumulator(call, ansi) {
    const t = firstArgType(call);
    if (t.kind === "year_month_interval") return new YearMonthSumAcc(call.dataType, ansi, new SumAcc(LongType, ansi));
    return t.kind === "decimal" ? new DecimalAcc("sum", t, call.dataType, ansi) : new SumAcc(call.dataType, ansi);
  },
  updateArgs: allArgs,
  // running sums of numbers in one pass (decimals and intervals take the general path)
  running: (call) => (call.dataType.kind === "long" || call.dataType.kind === "double" ? runningSum(call.dataType) : undefined),
};
