import { describe, expect, it } from "vitest";
import { evaluate } from "../../../src/expr/eval/evaluate.js";
import type { SparkException } from "../../../src/errors/spark-exception.js";
import { BooleanType, DoubleType, LongType } from "../../../src/types/data-type.js";
import { batchOf, call, lit, ref, values, vec } from "../helpers.js";

const ansi = { ansi: true, timeZone: "UTC" };
const legacy = { ansi: false, timeZone: "UTC" };
const MAX = Number.MAX_SAFE_INTEGER;

describe("kernels with a literal operand", () => {
  it("reuse one literal node across batches of different lengths", () => {
    const e = call("%", LongType, ref(0, LongType), lit(1000, LongType));
    const long = batchOf({ x: vec(LongType, [1001, -2002, 3003, null]) });
    const short = batchOf({ x: vec(LongType, [4004, 5]) });
    expect(values(evaluate(e, long, ansi))).toEqual([1, -2, 3, null]);
    expect(values(evaluate(e, short, ansi))).toEqual([4, 5]);
    expect(values(evaluate(e, long, ansi))).toEqual([1, -2, 3, null]);
    const nul = call("+", LongType, ref(0, LongType), lit(null, LongType));
    expect(values(evaluate(nul, long, ansi))).toEqual([null, null, null, null]);
    expect(values(evaluate(nul, short, ansi))).toEqual([null, null]);
  });

  it("leave the Float64 path for BigInt when x + literal passes 2^53, and overflow in ANSI past 2^63", () => {
    const b = batchOf({ x: vec(LongType, [MAX, 1]) });
    expect(values(evaluate(call("+", LongType, ref(0, LongType), lit(2, LongType)), b, ansi))).toEqual([9007199254740993n, 3n]);
    const big = batchOf({ x: vec(LongType, [9223372036854775807n]) });
    const f = () => evaluate(call("+", LongType, ref(0, LongType), lit(1, LongType)), big, ansi);
    expect(f).toThrow(expect.objectContaining({ errorClass: "ARITHMETIC_OVERFLOW" }) as SparkException);
  });

  it("divide by a zero literal: null in legacy mode, DIVIDE_BY_ZERO in ANSI", () => {
    const b = batchOf({ x: vec(LongType, [7, null]) });
    const e = call("%", LongType, ref(0, LongType), lit(0, LongType));
    expect(values(evaluate(e, b, legacy))).toEqual([null, null]);
    expect(() => evaluate(e, b, ansi)).toThrow(expect.objectContaining({ errorClass: "DIVIDE_BY_ZERO" }) as SparkException);
  });

  it("compare against a literal with Spark's NaN ordering (NaN is largest and equals NaN)", () => {
    const b = batchOf({ v: vec(DoubleType, [NaN, 999, 1000.5, null]) });
    const gt = call(">", BooleanType, ref(0, DoubleType), lit(1000, DoubleType));
    expect(values(evaluate(gt, b, ansi))).toEqual([true, false, true, null]);
    const eqNaN = call("==", BooleanType, ref(0, DoubleType), lit(NaN, DoubleType));
    expect(values(evaluate(eqNaN, b, ansi))).toEqual([true, false, false, null]);
    const mul = call("*", DoubleType, ref(0, DoubleType), lit(2, DoubleType));
    expect(values(evaluate(mul, b, ansi))).toEqual([NaN, 1998, 2001, null]);
  });
});
