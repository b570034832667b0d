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

describe("double to integral casts", () => {
  const D = (xs: readonly (number | null)[]) => vec(DoubleType, xs);

  it("truncate toward zero and saturate like Java in legacy mode (PySpark 4.0.1 output)", () => {
    // cast(Infinity as int), cast(-Infinity as int), cast(NaN as int), cast(3e10 as int), cast(-2.7 as int)
    expect(values(castVector(D([Infinity, -Infinity, NaN, 3e10, -2.7, null]), IntegerType, legacy))).toEqual([
      2147483647, -2147483648, 0, 2147483647, -2, null,
    ]);
    expect(values(castVector(D([Infinity]), LongType, legacy))).toEqual([9223372036854775807n]);
    expect(values(castVector(D([3e10, Infinity, -Infinity]), ShortType, legacy))).toEqual([-1, -1, 0]);
    const l = castVector(D([-2.7, 9007199254740991, null]), LongType, ansi);
    expect(l.data).toBeInstanceOf(Float64Array);
    expect(values(l)).toEqual([-2, MAX, null]);
    expect(values(castVector(D([1e19]), LongType, legacy))).toEqual([9223372036854775807n]);
  });

  it("raise CAST_OVERFLOW in ANSI mode for valid NaN, infinity or out-of-range rows only", () => {
    expect(thrown(() => castVector(D([1, 3e10]), IntegerType, ansi)).errorClass).toBe("CAST_OVERFLOW");
    expect(thrown(() => castVector(D([NaN]), IntegerType, ansi)).errorClass).toBe("CAST_OVERFLOW");
    expect(thrown(() => castVector(D([1e19]), LongType, ansi)).errorClass).toBe("CAST_OVERFLOW");
    const v = makeVector(DoubleType, new Float64Array([NaN, 2.5]), new Uint8Array([0, 1]), 2);
    expect(values(castVector(v, IntegerType, ansi))).toEqual([null, 2]);
  });
});
