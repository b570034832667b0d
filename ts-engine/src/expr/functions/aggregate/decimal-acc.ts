import { makeVector, numbersOf, type Vector } from "../../../columnar/vector.js";
import { divHalfUp, formatUnscaled, fitsPrecision, pow10 } from "../../../columnar/decimal-value.js";
import { SparkException } from "../../../errors/spark-exception.js";
import { decimalType, LongType, type DataType, type DecimalType } from "../../../types/data-type.js";
import { allocUnscaled, unscaledData } from "../../kernels/decimal-arith.js";
import { decimalOverflow } from "../../eval/decimal.js";
import { growF64, growU8, isSingleGroup, type Accumulator } from "./accumulator.js";

/** Below this magnitude a sum of two pending doubles stays an exact integer (< 2^53). */
const EXACT = 2 ** 52;
/** |high word| below 2^20 means |unscaled| < 2^52. */
const SMALL_HIGH = 1 << 20;
const TWO_32 = 4294967296;

/** The little-endian 32-bit halves of 64-bit unscaled values ([lo0, hi0, lo1, …]), no copy. */
function halves(d: BigInt64Array, n: number): Int32Array {
  return new Int32Array(d.buffer, d.byteOffset, n * 2);
}

/** Which aggregate a DecimalAcc computes. */
export type DecimalAggKind = "sum" | "avg" | "min" | "max";

/** Spark's error for a decimal sum past its result precision under ANSI (CheckOverflowInSum). */
function sumOverflow(): SparkException {
  return new SparkException("ArithmeticException", "ARITHMETIC_OVERFLOW", {
    message: "Overflow in sum of decimals",
    alternative: " Use 'try_sum' to tolerate overflow and return NULL instead.",
    config: '"spark.sql.ansi.enabled"',
  });
}

/**
 * sum/avg/min/max over DecimalType, exactly, on the unscaled storage: each group's state is
 * one bigint at the input's scale (a sum of 10M 18-digit values needs 25 digits, so no fixed
 * width would do). Results follow Spark's types: sum → decimal(p+10, s), avg →
 * decimal(p+4, s+4) rounded HALF_UP, min/max → the input type. A sum past its result
 * precision is null, or ARITHMETIC_OVERFLOW under ANSI, as Spark's CheckOverflowInSum.
 */
export class DecimalAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private vals: bigint[] = [];
  /**
   * Each group's not-yet-folded part of its sum as an exact double (|x| < 2^52), so that most
   * rows of a compact (dec64) input add a Number, read from the value's 32-bit halves, instead
   * of allocating BigInts. Moved into `vals` when it nears 2^52 and before any output. Wide
   * (bigint[]) inputs add BigInts directly: converting them to Numbers measured slower.
   */
  private pending: Float64Array = new Float64Array(16);
  private seen: Uint8Array = new Uint8Array(16);
  private counts: Float64Array = new Float64Array(16);
  private readonly sums: boolean;

  constructor(
    private readonly kind: DecimalAggKind,
    private readonly input: DecimalType,
    private readonly resultType: DataType,
    private readonly ansi = true,
  ) {
    const sumType = decimalType(Math.min(38, input.precision + 10), input.scale);
    this.partialTypes = kind === "avg" ? [sumType, LongType] : kind === "sum" ? [resultType] : [input];
    this.sums = kind === "sum" || kind === "avg";
  }

  ensure(n: number): void {
    this.counts = growF64(this.counts, n);
    this.seen = growU8(this.seen, n);
    this.pending = growF64(this.pending, n);
    while (this.vals.length < n) this.vals.push(0n);
  }

  /** Folds unscaled values `d` (weights `c` for merged avg counts) into their groups. */
  private fold(groups: Int32Array, n: number, d: BigInt64Array | bigint[], validity: Uint8Array | null, c: ArrayLike<number> | null): void {
    const vals = this.vals;
    const seen = this.seen;
    const counts = this.counts;
    if (this.sums) {
      if (isSingleGroup(groups)) this.sumOne(n, d, validity, c);
      else this.sumGroups(groups, n, d, validity, c);
      return;
    }
    const min = this.kind === "min";
    for (let i = 0; i < n; i++) {
      if (validity !== null && validity[i] === 0) continue;
      const g = groups[i]!;
      const x = d[i]!;
      if (seen[g] === 0 || (min ? x < vals[g]! : x > vals[g]!)) vals[g] = x;
      seen[g] = 1;
      counts[g] = counts[g]! + (c === null ? 1 : c[i]!);
    }
  }

  /** No grouping keys (`SELECT sum(x)`): one running sum in locals, an exact double then BigInt. */
  private sumOne(n: number, d: BigInt64Array | bigint[], validity: Uint8Array | null, c: ArrayLike<number> | null): void {
    let big = 0n;
    let acc = 0;
    let cnt = 0;
    let any = false;
    const w = d instanceof BigInt64Array ? halves(d, n) : null;
    for (let i = 0; i < n; i++) {
      if (validity !== null && validity[i] === 0) continue;
      any = true;
      cnt += c === null ? 1 : c[i]!;
      if (w === null || w[2 * i + 1]! >= SMALL_HIGH || w[2 * i + 1]! < -SMALL_HIGH) {
        big += d[i]!;
        continue;
      }
      const p = acc + (w[2 * i + 1]! * TWO_32 + (w[2 * i]! >>> 0));
      if (p >= EXACT || p <= -EXACT) {
        big += BigInt(p);
        acc = 0;
      } else acc = p;
    }
    if (!any) return;
    this.vals[0] = this.vals[0]! + big + BigInt(acc);
    this.seen[0] = 1;
    this.counts[0] = this.counts[0]! + cnt;
  }

  /** Per-group sums: each row adds to its group's exact pending double, BigInt only past 2^52. */
  private sumGroups(groups: Int32Array, n: number, d: BigInt64Array | bigint[], validity: Uint8Array | null, c: ArrayLike<number> | null): void {
    const vals = this.vals;
    const seen = this.seen;
    const counts = this.counts;
    const pending = this.pending;
    const w = d instanceof BigInt64Array ? halves(d, n) : null;
    for (let i = 0; i < n; i++) {
      if (validity !== null && validity[i] === 0) continue;
      const g = groups[i]!;
      seen[g] = 1;
      counts[g] = counts[g]! + (c === null ? 1 : c[i]!);
      if (w === null || w[2 * i + 1]! >= SMALL_HIGH || w[2 * i + 1]! < -SMALL_HIGH) {
        vals[g] = vals[g]! + d[i]!;
        continue;
      }
      const p = pending[g]! + (w[2 * i + 1]! * TWO_32 + (w[2 * i]! >>> 0));
      if (p >= EXACT || p <= -EXACT) {
        vals[g] = vals[g]! + BigInt(p);
        pending[g] = 0;
      } else pending[g] = p;
    }
  }

  /** Folds every group's pending double into its BigInt sum (before any output). */
  private settle(numGroups: number): void {
    const pending = this.pending;
    for (let g = 0; g < numGroups; g++) {
      const p = pending[g]!;
      if (p !== 0) {
        this.vals[g] = this.vals[g]! + BigInt(p);
        pending[g] = 0;
      }
    }
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const v = args[0]!;
    this.fold(groups, n, unscaledData(v), v.validity, null);
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    const v = partial[0]!;
    this.fold(groups, n, unscaledData(v), v.validity, this.kind === "avg" ? numbersOf(partial[1]!) : null);
  }

  /** A decimal vector of `type` over groups, null where a group saw no value or `f` gives null. */
  private column(type: DataType, numGroups: number, f: (x: bigint, g: number) => bigint | null): Vector {
    const t = type as DecimalType;
    const out = allocUnscaled(t, numGroups);
    const validity = new Uint8Array(numGroups);
    for (let g = 0; g < numGroups; g++) {
      if (this.seen[g] === 0) continue;
      const r = f(this.vals[g]!, g);
      if (r === null) continue;
      out[g] = r;
      validity[g] = 1;
    }
    return makeVector(type, out, validity, numGroups);
  }

  /** A sum checked against `type`'s precision: null past it, ARITHMETIC_OVERFLOW under ANSI. */
  private checkedSum(type: DataType): (x: bigint) => bigint | null {
    const p = (type as DecimalType).precision;
    return (x) => {
      if (fitsPrecision(x, p)) return x;
      if (this.ansi) throw sumOverflow();
      return null;
    };
  }

  partial(numGroups: number): Vector[] {
    if (this.sums) this.settle(numGroups);
    const first = this.column(this.partialTypes[0]!, numGroups, this.sums ? this.checkedSum(this.partialTypes[0]!) : (x) => x);
    if (this.kind !== "avg") return [first];
    return [first, makeVector(LongType, this.counts.slice(0, numGroups), null, numGroups)];
  }

  result(numGroups: number): Vector {
    if (this.sums) this.settle(numGroups);
    if (this.kind === "sum") return this.column(this.resultType, numGroups, this.checkedSum(this.resultType));
    if (this.kind !== "avg") return this.column(this.resultType, numGroups, (x) => x);
    const rt = this.resultType as DecimalType;
    const up = pow10(Math.max(0, rt.scale - this.input.scale));
    const limit = rt.precision;
    return this.column(this.resultType, numGroups, (x, g) => {
      // Spark's DecimalDivideWithOverflowCheck: sum / count, rounded HALF_UP to the result scale.
      const r = divHalfUp(x * up, BigInt(this.counts[g]!));
      if (fitsPrecision(r, limit)) return r;
      if (this.ansi) throw decimalOverflow(formatUnscaled(r, rt.scale), rt);
      return null;
    });
  }
}
