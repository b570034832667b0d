import { describe, expect, it } from "vitest";
import { compare } from "../../../src/expr/kernels/comparison.js";
import { andOr, not } from "../../../src/expr/kernels/logic.js";
import { inList } from "../../../src/expr/kernels/in.js";
import { isNull } from "../../../src/expr/kernels/null.js";
import { BooleanType, DoubleType, LongType, StringType } from "../../../src/types/data-type.js";
import { values, vec } from "../helpers.js";

describe("comparison and logic kernels", () => {
  it("compares strings and nulls", () => {
    const r = compare("<", vec(StringType, ["a", "b", null]), vec(StringType, ["b", "a", "c"]));
    expect(values(r)).toEqual([true, false, null]);
  });

  it("treats NaN as equal to NaN and greater than numbers", () => {
    const r = compare("==", vec(DoubleType, [NaN, 1]), vec(DoubleType, [NaN, NaN]));
    expect(values(r)).toEqual([true, false]);
    expect(values(compare(">", vec(DoubleType, [NaN]), vec(DoubleType, [Infinity])))).toEqual([true]);
  });

  it("compares big longs exactly", () => {
    const r = compare("<", vec(LongType, [9007199254740993n]), vec(LongType, [9007199254740992n]));
    expect(values(r)).toEqual([false]);
  });

  it("null-safe equality is never null", () => {
    const r = compare("<=>", vec(LongType, [1, null, null]), vec(LongType, [1, 1, null]));
    expect(values(r)).toEqual([true, false, true]);
  });

  it("applies three-valued AND/OR", () => {
    const a = vec(BooleanType, [false, true, null, null]);
    const b = vec(BooleanType, [null, null, true, false]);
    expect(values(andOr("and", a, b))).toEqual([false, null, null, false]);
    expect(values(andOr("or", a, b))).toEqual([null, true, true, null]);
    expect(values(not(a))).toEqual([true, false, null, null]);
  });

  it("IN gives null when no match and a null is involved", () => {
    const r = inList(vec(LongType, [1, 2, null]), [vec(LongType, [1, 1, 1]), vec(LongType, [null, null, 2])]);
    expect(values(r)).toEqual([true, null, null]);
  });

  it("isnull/isnotnull", () => {
    expect(values(isNull(vec(LongType, [1, null]), false))).toEqual([false, true]);
    expect(values(isNull(vec(LongType, [1, null]), true))).toEqual([true, false]);
  });
});
