import { makeVector, numbersOf, retypeVector, type Vector } from "../../../columnar/vector.js";
import { longVectorFromBigInts } from "../../../columnar/builder.js";
import { IntegerType, LongType, type DataType } from "../../../types/data-type.js";
import { toBigInts } from "../../eval/vectors.js";
import { growF64, type Accumulator } from "./accumulator.js";

/**
 * avg over an ANSI interval, as Spark's Average: an exact long sum of months or microseconds
 * and a count, then DivideYMInterval / DivideDTInterval, which round the quotient HALF_UP
 * (LongMath.divide). The result is YEAR TO MONTH or DAY TO SECOND whatever the input's fields.
 */
export class IntervalAvgAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private counts: Float64Array = new Float64Array(16);

  /** `inner` is a long sum (sum.ts's SumAcc over LongType), passed in so the files do not import each other. */
  constructor(
    private readonly resultType: DataType,
    private readonly inner: Accumulator,
  ) {
    this.partialTypes = [...inner.partialTypes, LongType];
  }

  ensure(n: number): void {
    this.inner.ensure(n);
    this.counts = growF64(this.counts, n);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const v = args[0]!;
    this.inner.update(groups, n, [retypeVector(v, v.type.kind === "year_month_interval" ? IntegerType : LongType)]);
    const val = v.validity;
    for (let i = 0; i < n; i++) if (val === null || val[i] === 1) this.counts[groups[i]!]! += 1;
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    this.inner.merge(groups, n, partial.slice(0, -1));
    const c = numbersOf(partial[partial.length - 1]!);
    for (let i = 0; i < n; i++) this.counts[groups[i]!]! += c[i]!;
  }

  partial(numGroups: number): Vector[] {
    return [...this.inner.partial(numGroups), makeVector(LongType, this.counts.slice(0, numGroups), null, numGroups)];
  }

  result(numGroups: number): Vector {
    const sums = toBigInts(this.inner.result(numGroups));
    const out = new BigInt64Array(numGroups);
    const validity = new Uint8Array(numGroups);
    for (let g = 0; g < numGroups; g++) {
      const c = BigInt(this.counts[g]!);
      if (c === 0n) continue;
      const s = sums[g]!;
      // HALF_UP: halves round away from zero.
      out[g] = s >= 0n ? (2n * s + c) / (2n * c) : -((-2n * s + c) / (2n * c));
      validity[g] = 1;
    }
    if (this.resultType.kind === "year_month_interval") {
      return makeVector(this.resultType, Int32Array.from(out, Number), validity, numGroups);
    }
    return longVectorFromBigInts(this.resultType, out, validity);
  }
}
