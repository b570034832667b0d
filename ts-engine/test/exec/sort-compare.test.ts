import { describe, expect, it } from "vitest";
import { vectorFromValues } from "../../src/columnar/builder.js";
import { keyComparator, sortIndices } from "../../src/exec/sort/compare.js";
import { sortIndicesAsync } from "../../src/exec/sort/sort-indices-async.js";
import { DoubleType, IntegerType, StringType, decimalType } from "../../src/types/data-type.js";

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

  it("orders strings by code point (UTF-8 bytes), not UTF-16 units", () => {
    // U+FF61 is one UTF-16 unit above the surrogate D83D of U+1F600 in UTF-16, below it in UTF-8.
    const s = vectorFromValues(StringType, ["\u{1F600}", "\uFF61", "z", "Z"]);
    expect(Array.from(sortIndices(4, [keyComparator(s, true, true)]))).toEqual([3, 2, 1, 0]);
  });

  it("orders decimals numerically", () => {
    const d = vectorFromValues(decimalType(5, 2), ["10.00", "9.50", "-1.00", "-10.00"]);
    expect(Array.from(sortIndices(4, [keyComparator(d, true, true)]))).toEqual([3, 2, 1, 0]);
  });

  it("orders NaN above every double", () => {
    const d = vectorFromValues(DoubleType, [NaN, 1, -Infinity, Infinity]);
    expect(Array.from(sortIndices(4, [keyComparator(d, true, true)]))).toEqual([2, 1, 3, 0]);
  });
});

describe("sortIndicesAsync", () => {
  it("matches the synchronous stable sort on many rows with ties", async () => {
    const n = 100_000;
    const vals = Array.from({ length: n }, (_, i) => (i * 7919) % 1000);
    const v = vectorFromValues(IntegerType, vals);
    const cmp = [keyComparator(v, false, false)];
    const got = await sortIndicesAsync(n, cmp);
    expect(Array.from(got)).toEqual(Array.from(sortIndices(n, cmp)));
    for (let i = 1; i < n; i++) {
      const a = vals[got[i - 1]!]!;
      const b = vals[got[i]!]!;
      expect(a > b || (a === b && got[i - 1]! < got[i]!)).toBe(true);
    }
  });

  it("lets timers run while it sorts", async () => {
    const n = 400_000;
    const v = vectorFromValues(IntegerType, Array.from({ length: n }, (_, i) => (i * 31) % 65_536));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await sortIndicesAsync(n, [keyComparator(v, true, true)]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
