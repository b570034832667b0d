import { describe, expect, it } from "vitest";
import { makeVector } from "../../../src/columnar/vector.js";
import { arithmetic, type ArithOp } from "../../../src/expr/kernels/arithmetic.js";
import { SparkException } from "../../../src/errors/spark-exception.js";
import { DoubleType, LongType } from "../../../src/types/data-type.js";
import { values, vec } from "../helpers.js";

const MAX = Number.MAX_SAFE_INTEGER; // 2^53 - 1

function errorClassOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as SparkException).errorClass;
  }
  return "none";
}

/** Expected long result by exact BigInt math with Java semantics (truncating / and %). */
function exact(op: ArithOp, x: bigint, y: bigint): bigint {
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    default:
      return op === "%" ? x % y : x / y;
  }
}

describe("LongType fast-path loops", () => {
  it("match exact BigInt math for Java remainder and div signs near ±2^53", () => {
    const xs = [7, -7, 0, 1, -1, MAX, -MAX, MAX - 1, 4503599627370497, -4503599627370497, 123456789012345];
    const ys = [3, -3, 1, -1, 2, 1000, 9973, MAX, -MAX, 7, 99991];
    for (const op of ["%", "div", "+", "-"] as const) {
      for (const x of xs) {
        for (const y of ys) {
          const r = values(arithmetic(op, vec(LongType, [x]), vec(LongType, [y]), LongType, true))[0];
          const want = exact(op, BigInt(x), BigInt(y));
          expect(BigInt(r as number | bigint)).toBe(want);
        }
      }
    }
  });

  it("never stores a negative zero in LongType", () => {
    const r = arithmetic("%", vec(LongType, [-6, -5]), vec(LongType, [3, 5]), LongType, true);
    expect(Object.is((r.data as Float64Array)[0], -0)).toBe(false);
    const m = arithmetic("*", vec(LongType, [-5]), vec(LongType, [0]), LongType, true);
    expect(Object.is((m.data as Float64Array)[0], -0)).toBe(false);
    const d = arithmetic("div", vec(LongType, [0]), vec(LongType, [-5]), LongType, true);
    expect(Object.is((d.data as Float64Array)[0], -0)).toBe(false);
  });

  it("switches to exact BigInt when a product or sum passes 2^53", () => {
    const p = arithmetic("*", vec(LongType, [94906267, 3]), vec(LongType, [94906267, 4]), LongType, true);
    expect(p.data).toBeInstanceOf(BigInt64Array);
    expect(values(p)).toEqual([94906267n * 94906267n, 12n]);
    const s = arithmetic("-", vec(LongType, [-MAX]), vec(LongType, [1]), LongType, true);
    expect(values(s)).toEqual([-9007199254740992n]);
  });

  it("ignores out-of-range results in null rows", () => {
    const a = makeVector(LongType, new Float64Array([MAX, 5]), new Uint8Array([0, 1]), 2);
    const r = arithmetic("+", a, vec(LongType, [MAX, 1]), LongType, true);
    expect(r.data).toBeInstanceOf(Float64Array);
    expect(values(r)).toEqual([null, 6]);
  });

  it("raises ARITHMETIC_OVERFLOW past the long range in ANSI mode and wraps otherwise", () => {
    const big = vec(LongType, [9223372036854775807n]);
    expect(errorClassOf(() => arithmetic("+", big, vec(LongType, [1]), LongType, true))).toBe("ARITHMETIC_OVERFLOW");
    expect(values(arithmetic("+", big, vec(LongType, [1]), LongType, false))).toEqual([-9223372036854775808n]);
    expect(errorClassOf(() => arithmetic("*", vec(LongType, [MAX]), vec(LongType, [MAX]), LongType, true))).toBe("ARITHMETIC_OVERFLOW");
  });

  it("finds zero divisors anywhere in the batch: null in legacy mode, DIVIDE_BY_ZERO in ANSI", () => {
    const xs = vec(LongType, [10, 10, 10, 10]);
    const ys = vec(LongType, [3, 0, 4, 0]);
    expect(values(arithmetic("%", xs, ys, LongType, false))).toEqual([1, null, 2, null]);
    expect(errorClassOf(() => arithmetic("div", xs, ys, LongType, true))).toBe("DIVIDE_BY_ZERO");
    // A zero divisor in a null row is not an error.
    const yn = makeVector(LongType, new Float64Array([3, 0]), new Uint8Array([1, 0]), 2);
    expect(values(arithmetic("%", vec(LongType, [7, 7]), yn, LongType, true))).toEqual([1, null]);
    const dz = vec(DoubleType, [1.5, 0]);
    expect(values(arithmetic("/", vec(DoubleType, [3, 3]), dz, DoubleType, false))).toEqual([2, null]);
  });
});
