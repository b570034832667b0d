import { describe, expect, it } from "vitest";
import { makeVector } from "../../../src/columnar/vector.js";
import { arithmetic } from "../../../src/expr/kernels/arithmetic.js";
import type { SparkException } from "../../../src/errors/spark-exception.js";
import { IntegerType } from "../../../src/types/data-type.js";
import { values, vec } from "../helpers.js";

const MAXI = 2147483647;
const MINI = -2147483648;

function wrapped(op: "+" | "-" | "*", a: number, b: number): number {
  const big = op === "+" ? BigInt(a) + BigInt(b) : op === "-" ? BigInt(a) - BigInt(b) : BigInt(a) * BigInt(b);
  return Number(BigInt.asIntN(32, big));
}

describe("IntegerType Int32 loops", () => {
  it("wrap like Java in legacy mode, also for products past 2^53", () => {
    const xs = [MAXI, MINI, 46341, -46341, 123456789, 0, -1];
    const ys = [MAXI, MINI, 46341, 1, -1, 987654321, 2];
    for (const op of ["+", "-", "*"] as const) {
      const r = arithmetic(op, vec(IntegerType, xs), vec(IntegerType, ys), IntegerType, false);
      expect(values(r)).toEqual(xs.map((x, i) => wrapped(op, x, ys[i]!)));
    }
  });

  it("raise ARITHMETIC_OVERFLOW in ANSI mode with the operator's try_ function", () => {
    const f = () => arithmetic("*", vec(IntegerType, [2, 65536]), vec(IntegerType, [3, 65536]), IntegerType, true);
    expect(f).toThrow(expect.objectContaining({ errorClass: "ARITHMETIC_OVERFLOW" }) as SparkException);
    expect(() => arithmetic("-", vec(IntegerType, [MINI]), vec(IntegerType, [1]), IntegerType, true)).toThrow(/try_subtract/);
    expect(values(arithmetic("+", vec(IntegerType, [MAXI - 1]), vec(IntegerType, [1]), IntegerType, true))).toEqual([MAXI]);
  });

  it("ignore overflow in null rows and keep Java's remainder signs", () => {
    const a = makeVector(IntegerType, new Int32Array([MAXI, 5]), new Uint8Array([0, 1]), 2);
    expect(values(arithmetic("+", a, vec(IntegerType, [1, 1]), IntegerType, true))).toEqual([null, 6]);
    expect(values(arithmetic("%", vec(IntegerType, [-7, 7, MINI, 5]), vec(IntegerType, [3, -3, -1, 0]), IntegerType, false))).toEqual([
      -1, 1, 0, null,
    ]);
  });
});
