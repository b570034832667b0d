import { describe, expect, it } from "vitest";
import { arithmetic, negate } from "../../../src/expr/kernels/arithmetic.js";
import { DoubleType, IntegerType, LongType } from "../../../src/types/data-type.js";
import { SparkException } from "../../../src/errors/spark-exception.js";
import { values, vec } from "../helpers.js";

describe("arithmetic kernels", () => {
  it("adds ints and propagates nulls", () => {
    const r = arithmetic("+", vec(IntegerType, [1, null, 3]), vec(IntegerType, [10, 20, null]), IntegerType, true);
    expect(values(r)).toEqual([11, null, null]);
  });

  it("raises ARITHMETIC_OVERFLOW on int overflow in ANSI mode", () => {
    const f = () => arithmetic("+", vec(IntegerType, [2147483647]), vec(IntegerType, [1]), IntegerType, true);
    expect(f).toThrow(SparkException);
    try {
      f();
    } catch (e) {
      const s = e as SparkException;
      expect(s.exceptionName).toBe("ArithmeticException");
      expect(s.errorClass).toBe("ARITHMETIC_OVERFLOW");
      expect(s.message).toBe(
        "[ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate overflow and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003",
      );
    }
  });

  it("wraps int overflow when ANSI is off", () => {
    expect(values(arithmetic("+", vec(IntegerType, [2147483647]), vec(IntegerType, [1]), IntegerType, false))).toEqual([-2147483648]);
    expect(values(arithmetic("*", vec(IntegerType, [65536]), vec(IntegerType, [65536]), IntegerType, false))).toEqual([0]);
  });

  it("keeps longs exact past 2^53 by switching to BigInt", () => {
    const r = arithmetic("+", vec(LongType, [9007199254740991, 1]), vec(LongType, [2, 1]), LongType, true);
    expect(r.data).toBeInstanceOf(BigInt64Array);
    expect(values(r)).toEqual([9007199254740993n, 2n]);
  });

  it("stays on the Float64 fast path while longs are small", () => {
    const r = arithmetic("*", vec(LongType, [3, 4]), vec(LongType, [5, 6]), LongType, true);
    expect(r.data).toBeInstanceOf(Float64Array);
    expect(values(r)).toEqual([15, 24]);
  });

  it("raises long overflow past 2^63", () => {
    const big = vec(LongType, [9223372036854775807n]);
    expect(() => arithmetic("+", big, vec(LongType, [1]), LongType, true)).toThrow(/long overflow/);
    expect(values(arithmetic("+", big, vec(LongType, [1]), LongType, false))).toEqual([-9223372036854775808n]);
  });

  it("divides by zero: DIVIDE_BY_ZERO in ANSI, null otherwise", () => {
    expect(() => arithmetic("/", vec(DoubleType, [1]), vec(DoubleType, [0]), DoubleType, true)).toThrow(/DIVIDE_BY_ZERO/);
    expect(values(arithmetic("/", vec(DoubleType, [1, 3]), vec(DoubleType, [0, 2]), DoubleType, false))).toEqual([null, 1.5]);
    expect(values(arithmetic("%", vec(IntegerType, [7, -7]), vec(IntegerType, [3, 3]), IntegerType, true))).toEqual([1, -1]);
  });

  it("integer div truncates toward zero", () => {
    expect(values(arithmetic("div", vec(LongType, [7, -7]), vec(LongType, [2, 2]), LongType, true))).toEqual([3, -3]);
  });

  it("negates, overflowing on MIN_VALUE", () => {
    expect(values(negate(vec(IntegerType, [1, null, -5]), true))).toEqual([-1, null, 5]);
    expect(() => negate(vec(IntegerType, [-2147483648]), true)).toThrow(/integer overflow/);
  });
});

import { decimalArithmetic, decimalResultType } from "../../../src/expr/kernels/decimal-arith.js";
import { decimalType } from "../../../src/types/data-type.js";

describe("decimal arithmetic", () => {
  it("uses Spark's result precision and scale (checked on PySpark 4.0.1)", () => {
    expect(decimalResultType("+", decimalType(10, 0), decimalType(2, 1))).toEqual(decimalType(12, 1));
    expect(decimalResultType("*", decimalType(10, 2), decimalType(5, 3))).toEqual(decimalType(16, 5));
    expect(decimalResultType("/", decimalType(10, 0), decimalType(2, 1))).toEqual(decimalType(17, 6));
    expect(decimalResultType("%", decimalType(10, 0), decimalType(2, 1))).toEqual(decimalType(2, 1));
    expect(decimalResultType("*", decimalType(38, 10), decimalType(38, 10))).toEqual(decimalType(38, 6));
  });

  it("computes exactly, rounding half-up", () => {
    const a = vec(decimalType(10, 0), ["3", "-7", null]);
    const b = vec(decimalType(2, 1), ["1.5", "0.2", "1.0"]);
    expect(values(decimalArithmetic("+", a, b, decimalType(12, 1), true))).toEqual(["4.5", "-6.8", null]);
    expect(values(decimalArithmetic("*", a, b, decimalType(13, 1), true))).toEqual(["4.5", "-1.4", null]);
    expect(values(decimalArithmetic("/", a, b, decimalType(17, 6), true))).toEqual(["2.000000", "-35.000000", null]);
    const third = decimalArithmetic("/", vec(decimalType(1, 0), ["2"]), vec(decimalType(1, 0), ["3"]), decimalType(7, 6), true);
    expect(values(third)).toEqual(["0.666667"]);
    expect(() => decimalArithmetic("/", a, vec(decimalType(2, 1), ["0.0", "1", "1"]), decimalType(17, 6), true)).toThrow(/DIVIDE_BY_ZERO/);
  });
});
