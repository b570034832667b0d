import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import type { Vector } from "../../../columnar/vector.js";
import { LongType, type DataType } from "../../../types/data-type.js";
import type { AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";
import { AVG } from "./avg.js";
import { SUM } from "./sum.js";

const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);

/** try_sum over integral input: exact 64-bit sums per group, null (not an error) once a group overflows. */
export class TryLongSumAcc implements Accumulator {
  readonly partialTypes: readonly DataType[] = [LongType, LongType];
  private sums: (bigint | null)[] = [];
  private overflow: boolean[] = [];

  ensure(n: number): void {
    while (this.sums.length < n) {
      this.sums.push(null);
      this.overflow.push(false);
    }
  }

  private add(g: number, x: bigint): void {
    if (this.overflow[g]) return;
    const s = (this.sums[g] ?? 0n) + x;
    if (s > I64_MAX || s < I64_MIN) this.overflow[g] = true;
    else this.sums[g] = s;
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) {
      const x = vals[i];
      if (x !== null && x !== undefined) this.add(groups[i]!, BigInt(x as number | bigint));
    }
  }

  /** Partial state: the sum (null when none) and an overflow flag (1). */
  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const sums = vectorToValues(partial[0]!);
    const flags = vectorToValues(partial[1]!);
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      if (flags[i] !== null && Number(flags[i]) === 1) this.overflow[g] = true;
      else if (sums[i] !== null && sums[i] !== undefined) this.add(g, BigInt(sums[i] as number | bigint));
    }
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups), vectorFromValues(LongType, this.overflow.slice(0, numGroups).map((o) => (o ? 1 : 0)))];
  }

  result(numGroups: number): Vector {
    return vectorFromValues(LongType, this.sums.slice(0, numGroups).map((s, g) => (this.overflow[g] ? null : s)));
  }
}

/** try_sum: sum's type rule; overflow gives null instead of ARITHMETIC_OVERFLOW. */
export const TRY_SUM: AggFunctionDef = {
  ...SUM,
  name: "try_sum",
  doc: { usage: "try_sum(expr)", description: "Returns the sum of the non-null values, null on overflow." },
  resolve: (_n, args, isDistinct) => ({ ...SUM.resolve("sum", args, isDistinct), fn: "try_sum" }),
  // Decimal and double sums already give null (decimal) or infinity (double) outside ANSI.
  accumulator: (call, _ansi) => (call.dataType.kind === "long" ? new TryLongSumAcc() : SUM.accumulator({ ...call, fn: "sum" }, false)),
};

/** try_avg: avg's type rule and result, computed outside ANSI so a decimal overflow gives null. */
export const TRY_AVG: AggFunctionDef = {
  ...AVG,
  name: "try_avg",
  doc: { usage: "try_avg(expr)", description: "Returns the mean of the non-null values, null on overflow." },
  resolve: (_n, args, isDistinct) => ({ ...AVG.resolve("avg", args, isDistinct), fn: "try_avg" }),
  accumulator: (call, _ansi) => AVG.accumulator({ ...call, fn: "avg" }, false),
};
