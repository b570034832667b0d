import { describe, expect, it } from "vitest";
import { makeVector } from "../../../src/columnar/vector.js";
import { castVector } from "../../../src/expr/eval/cast.js";
import { SparkException } from "../../../src/errors/spark-exception.js";
import { ByteType, DoubleType, IntegerType, LongType, ShortType } from "../../../src/types/data-type.js";
import { values, vec } from "../helpers.js";

const ansi = { ansi: true, timeZone: "UTC" };
const legacy = { ansi: false, timeZone: "UTC" };
const MAX = Number.MAX_SAFE_INTEGER;

function thrown(f: () => unknown): SparkException {
  try {
    f();
  } catch (e) {
    return e as SparkException;
  }
  throw new Error("did not throw");
}

describe("typed-array casts", () => {
  it("casts long to int at the int bounds and raises CAST_OVERFLOW just past them (ANSI)", () => {
    const ok = castVector(vec(LongType, [2147483647, -2147483648, 0, null]), IntegerType, ansi);
    expect(ok.data).toBeInstanceOf(Int32Array);
    expect(values(ok)).toEqual([2147483647, -2147483648, 0, null]);
    const e = thrown(() => castVector(vec(LongType, [1, 2147483648]), IntegerType, ansi));
    expect(e.errorClass).toBe("CAST_OVERFLOW");
    expect(e.messageParameters["value"]).toBe("2147483648L");
    expect(thrown(() => castVector(vec(LongType, [-MAX]), IntegerType, ansi)).messageParameters["value"]).toBe("-9007199254740991L");
  });

  it("wraps like Java's narrowing in legacy mode, also at ±2^53", () => {
    expect(values(castVector(vec(LongType, [2147483648, MAX, -MAX, 4294967297]), IntegerType, legacy))).toEqual([
      -2147483648,
      Number(BigInt.asIntN(32, BigInt(MAX))),
      Number(BigInt.asIntN(32, BigInt(-MAX))),
      1,
    ]);
    expect(values(castVector(vec(LongType, [32768, -129]), ShortType, legacy))).toEqual([-32768, -129]);
    expect(values(castVector(vec(LongType, [128, -129]), ByteType, legacy))).toEqual([-128, 127]);
    expect(thrown(() => castVector(vec(LongType, [128]), ByteType, ansi)).errorClass).toBe("CAST_OVERFLOW");
  });

  it("does not check null rows for overflow", () => {
    const v = makeVector(LongType, new Float64Array([1e15, 3]), new Uint8Array([0, 1]), 2);
    expect(values(castVector(v, IntegerType, ansi))).toEqual([null, 3]);
  });

  it("keeps the exact BigInt path for longs past 2^53", () => {
    expect(values(castVector(vec(LongType, [9007199254740993n]), DoubleType, ansi))).toEqual([9007199254740992]);
    expect(thrown(() => castVector(vec(LongType, [9007199254740993n]), IntegerType, ansi)).messageParameters["value"]).toBe(
      "9007199254740993L",
    );
    expect(values(castVector(vec(LongType, [9007199254740993n]), IntegerType, legacy))).toEqual([1]);
  });

  it("widens ints to long and double and long to double", () => {
    const l = castVector(vec(IntegerType, [-2147483648, 7, null]), LongType, ansi);
    expect(l.data).toBeInstanceOf(Float64Array);
    expect(values(l)).toEqual([-2147483648, 7, null]);
    expect(values(castVector(vec(LongType, [MAX, -MAX, null]), DoubleType, ansi))).toEqual([MAX, -MAX, null]);
  });
});
