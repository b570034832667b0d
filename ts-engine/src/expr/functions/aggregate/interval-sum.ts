import { numbersOf, retypeVector, type Vector } from "../../../columnar/vector.js";
import { allocVector } from "../../../columnar/builder.js";
import { SparkException } from "../../../errors/spark-exception.js";
import { IntegerType, type DataType } from "../../../types/data-type.js";
import { toBigInts } from "../../eval/vectors.js";
import type { Accumulator } from "./accumulator.js";

/**
 * sum over a year-month interval (months, ints): summed as longs, then checked back into an
 * int, as Spark's interval sum raises INTERVAL_ARITHMETIC_OVERFLOW past it (null without ANSI).
 * Day-time intervals are longs already and use SumAcc directly.
 */
export class YearMonthSumAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];

  /** `inner` is a long sum (sum.ts's SumAcc over LongType), passed in so the files do not import each other. */
  constructor(
    private readonly resultType: DataType,
    private readonly ansi: boolean,
    private readonly inner: Accumulator,
  ) {
    this.partialTypes = inner.partialTypes;
  }

  ensure(n: number): void {
    this.inner.ensure(n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    this.inner.update(groups, n, args.map((a) => retypeVector(a, IntegerType)));
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    this.inner.merge(groups, n, partial);
  }

  partial(numGroups: number): Vector[] {
    return this.inner.partial(numGroups);
  }

  result(numGroups: number): Vector {
    const sums = this.inner.result(numGroups);
    const big = toBigInts(sums);
    const validity = new Uint8Array(numGroups);
    const out = allocVector(this.resultType, numGroups, validity);
    const d = numbersOf(out);
    for (let g = 0; g < numGroups; g++) {
      if (sums.validity !== null && sums.validity[g] === 0) continue;
      const v = big[g]!;
      if (v > 2147483647n || v < -2147483648n) {
        if (this.ansi) throw new SparkException("ArithmeticException", "INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION", { functionName: "`try_sum`" });
        continue;
      }
      d[g] = Number(v);
      validity[g] = 1;
    }
    return out;
  }
}
