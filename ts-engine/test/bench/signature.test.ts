import { describe, expect, it } from "vitest";
import { charSum, probeIndexes, sortedSignature, twice } from "../../src/bench/signature.js";

describe("bench signatures", () => {
  it("probes 9 evenly spaced indexes, first and last included", () => {
    expect(probeIndexes(9)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(probeIndexes(17)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16]);
    expect(probeIndexes(1)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(probeIndexes(0)).toEqual([]);
  });

  it("says whether values are in order, and what sits at the probes", () => {
    const s = sortedSignature([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(s).toEqual({ rows: 9, sorted: true, p0: 1, p1: 2, p2: 3, p3: 4, p4: 5, p5: 6, p6: 7, p7: 8, p8: 9 });
    expect(sortedSignature([1, 3, 2])["sorted"]).toBe(false);
    expect(sortedSignature(["a", "b", "b"])["sorted"]).toBe(true);
    expect(sortedSignature(["b", "a"])["sorted"]).toBe(false);
    expect(sortedSignature([])).toEqual({ rows: 0, sorted: true });
  });

  it("doubles halves exactly and refuses other values", () => {
    expect(twice(2.5)).toBe(5n);
    expect(twice(4503599627370495)).toBe(9007199254740990n);
    expect(() => twice(0.25)).toThrow(/not a multiple of 0.5/);
  });

  it("sums a key's characters", () => {
    expect(charSum("key_1")).toBe(BigInt(107 + 101 + 121 + 95 + 49));
  });
});
