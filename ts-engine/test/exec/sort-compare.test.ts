import { describe, expect, it } from "vitest";
import { vectorFromValues } from "../../src/columnar/builder.js";
import { keyComparator, sortIndices } from "../../src/exec/sort/compare.js";
import { DoubleType, IntegerType, StringType } from "../../src/types/data-type.js";

describe("sort comparators", () => {
  const v = vectorFromValues(IntegerType, [3, null, 1, 2, null]);

  it("ascending puts nulls first by default", () => {
    expect(Array.from(sortIndices(5, [keyComparator(v, true, true)]))).toEqual([1, 4, 2, 3, 0]);
  });

  it("descending nulls last", () => {
    expect(Array.from(sortIndices(5, [keyComparator(v, false, false)]))).toEqual([0, 3, 2, 1, 4]);
  });

  it("is stable and multi-key", () => {
    const a = vectorFromValues(StringType, ["b", "a", "b", "a"]);
    const b = vectorFromValues(IntegerType, [1, 1, 0, 1]);
    expect(Array.from(sortIndices(4, [keyComparator(a, true, true), keyComparator(b, true, true)]))).toEqual([1, 3, 2, 0]);
  });

  it("orders NaN above every double", () => {
    const d = vectorFromValues(DoubleType, [NaN, 1, -Infinity, Infinity]);
    expect(Array.from(sortIndices(4, [keyComparator(d, true, true)]))).toEqual([2, 1, 3, 0]);
  });
});
