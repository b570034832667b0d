import { expectStorage, makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { vectorFromValues } from "../../../columnar/builder.js";
import { formatUnscaled, unscaled } from "../../eval/decimal.js";
import { decimalType, LongType, type DataType, type DecimalType } from "../../../types/data-type.js";
import { growF64, type Accumulator } from "./accumulator.js";

/** Which aggregate a DecimalAcc computes. */
export type DecimalAggKind = "sum" | "avg" | "min" | "max";

function divHalfUp(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const away = twice >= (b < 0n ? -b : b);
  if (!away) return q;
  return (a < 0n) !== (b < 0n) ? q - 1n : q + 1n;
}

/**
 * sum/avg/min/max over DecimalType, exactly: values (canonical decimal text) become
 * unscaled BigInts at the input's scale. Results follow Spark's types: sum →
 * decimal(p+10, s), avg → decimal(p+4, s+4) rounded half-up, min/max → the input type.
 */
export class DecimalAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private vals: (bigint | undefined)[] = [];
  private counts: Float64Array = new Float64Array(16);

  constructor(
    private readonly kind: DecimalAggKind,
    private readonly input: DecimalType,
    private readonly resultType: DataType,
  ) {
    const sumType = decimalType(Math.min(38, input.precision + 10), input.scale);
    this.partialTypes = kind === "avg" ? [sumType, LongType] : kind === "sum" ? [resultType] : [input];
  }

  ensure(n: number): void {
    this.counts = growF64(this.counts, n);
  }

  private fold(g: number, x: bigint): void {
    const cur = this.vals[g];
    if (cur === undefined) this.vals[g] = x;
    else if (this.kind === "sum" || this.kind === "avg") this.vals[g] = cur + x;
    else if (this.kind === "min" ? x < cur : x > cur) this.vals[g] = x;
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const v = args[0]!;
    const d = expectStorage(v, "decimal").data;
    for (let i = 0; i < n; i++) {
      if (v.validity !== null && v.validity[i] === 0) continue;
      const g = groups[i]!;
      this.fold(g, unscaled(d[i]!, this.input.scale));
      this.counts[g] = this.counts[g]! + 1;
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const v = partial[0]!;
    const d = expectStorage(v, "decimal").data;
    const c = this.kind === "avg" ? numbersOf(partial[1]!) : null;
    for (let i = 0; i < n; i++) {
      if (v.validity !== null && v.validity[i] === 0) continue;
      const g = groups[i]!;
      this.fold(g, unscaled(d[i]!, this.input.scale));
      this.counts[g] = this.counts[g]! + (c === null ? 1 : c[i]!);
    }
  }

  private texts(numGroups: number, scale: number, f: (x: bigint, g: number) => bigint): (string | null)[] {
    const out: (string | null)[] = [];
    for (let g = 0; g < numGroups; g++) {
      const x = this.vals[g];
      out.push(x === undefined ? null : formatUnscaled(f(x, g), scale));
    }
    return out;
  }

  partial(numGroups: number): Vector[] {
    const texts = this.texts(numGroups, this.input.scale, (x) => x);
    const first = vectorFromValues(this.partialTypes[0]!, texts);
    if (this.kind !== "avg") return [first];
    return [first, makeVector(LongType, this.counts.slice(0, numGroups), null, numGroups)];
  }

  result(numGroups: number): Vector {
    if (this.kind !== "avg") return vectorFromValues(this.resultType, this.texts(numGroups, this.input.scale, (x) => x));
    const rs = (this.resultType as DecimalType).scale;
    const up = 10n ** BigInt(Math.max(0, rs - this.input.scale));
    return vectorFromValues(
      this.resultType,
      this.texts(numGroups, rs, (x, g) => divHalfUp(x * up, BigInt(this.counts[g]!))),
    );
  }
}
