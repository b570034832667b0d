import { describe, expect, it } from "vitest";
import { vectorFromValues } from "../../src/columnar/builder.js";
import { vectorToValues } from "../../src/columnar/rows.js";
import { GroupHashTable } from "../../src/exec/aggregate/group-hash-table.js";
import { DoubleType, IntegerType, LongType, StringType } from "../../src/types/data-type.js";

describe("GroupHashTable", () => {
  it("assigns dense ids to composite keys, nulls forming their own group", () => {
    const t = new GroupHashTable([IntegerType, StringType], 2);
    const k1 = vectorFromValues(IntegerType, [1, 2, 1, null, 1, null]);
    const k2 = vectorFromValues(StringType, ["a", "a", "a", "b", "b", "b"]);
    const g = t.findOrInsert([k1, k2], 6);
    expect(Array.from(g)).toEqual([0, 1, 0, 2, 3, 2]);
    expect(t.keyVectors().map(vectorToValues)).toEqual([
      [1, 2, null, 1],
      ["a", "a", "b", "b"],
    ]);
  });

  it("the numeric fast path and the general path agree on the same keys", () => {
    const t = new GroupHashTable([IntegerType, DoubleType]);
    const a = t.findOrInsert([vectorFromValues(IntegerType, [1, 2, 3]), vectorFromValues(DoubleType, [0.5, 1.5, 2.5])], 3);
    const b = t.findOrInsert([vectorFromValues(IntegerType, [3, null, 1]), vectorFromValues(DoubleType, [2.5, 0.5, 0.5])], 3);
    expect(Array.from(a)).toEqual([0, 1, 2]);
    expect(Array.from(b)).toEqual([2, 3, 0]);
    const c = t.findOrInsert([vectorFromValues(IntegerType, [2, 1]), vectorFromValues(DoubleType, [1.5, 0.5])], 2);
    expect(Array.from(c)).toEqual([1, 0]);
  });

  it("answers into its own array when asked to reuse it, with the same ids", () => {
    const fresh = new GroupHashTable([IntegerType, DoubleType]);
    const reused = new GroupHashTable([IntegerType, DoubleType]);
    const batches = [
      [vectorFromValues(IntegerType, [1, 2, 3]), vectorFromValues(DoubleType, [0.5, 1.5, 2.5])],
      [vectorFromValues(IntegerType, [3, null, 1]), vectorFromValues(DoubleType, [2.5, 0.5, 0.5])],
      [vectorFromValues(IntegerType, [2, 1]), vectorFromValues(DoubleType, [1.5, 0.5])],
    ];
    let last: Int32Array | null = null;
    for (const keys of batches) {
      const n = keys[0]!.length;
      const r = reused.findOrInsert(keys, n, true);
      expect(Array.from(r)).toEqual(Array.from(fresh.findOrInsert(keys, n)));
      if (last !== null) expect(r.buffer).toBe(last.buffer);
      last = r;
    }
  });

  it("grows past its initial capacity and finds every key again", () => {
    const n = 50_000;
    const t = new GroupHashTable([LongType], 4);
    const keys = vectorFromValues(LongType, Array.from({ length: n }, (_, i) => i * 7919));
    const g = t.findOrInsert([keys], n);
    expect(t.size).toBe(n);
    expect(Array.from(t.find([keys], n))).toEqual(Array.from(g));
  });

  it("find never matches a null key or a missing one", () => {
    const t = new GroupHashTable([IntegerType]);
    t.findOrInsert([vectorFromValues(IntegerType, [1, null])], 2);
    expect(Array.from(t.find([vectorFromValues(IntegerType, [null, 1, 3])], 3))).toEqual([-1, 0, -1]);
  });

  it("treats -0.0 as 0.0 and NaN as equal to NaN (Spark grouping)", () => {
    const t = new GroupHashTable([DoubleType]);
    const g = t.findOrInsert([vectorFromValues(DoubleType, [0, -0, NaN, NaN])], 4);
    expect(Array.from(g)).toEqual([0, 0, 1, 1]);
  });

  it("keeps longs past 2^53 apart", () => {
    const t = new GroupHashTable([LongType]);
    const big = 2n ** 60n;
    const g = t.findOrInsert([vectorFromValues(LongType, [big, big + 1n, big])], 3);
    expect(Array.from(g)).toEqual([0, 1, 0]);
    expect(vectorToValues(t.keyVectors()[0]!)).toEqual([big, big + 1n]);
  });
});

describe("GroupHashTable direct int keys", () => {
  it("gives the same ids as the hash path, for keys inside and outside the first batch's ranges", () => {
    const t = new GroupHashTable([IntegerType, IntegerType]);
    const a = t.findOrInsert([vectorFromValues(IntegerType, [1, 2, 1, 3]), vectorFromValues(IntegerType, [10, 20, 10, 10])], 4);
    expect(Array.from(a)).toEqual([0, 1, 0, 2]);
    // Keys outside the cached ranges, and a batch with nulls (general path), then cached keys again.
    const b = t.findOrInsert([vectorFromValues(IntegerType, [1, 100, -5]), vectorFromValues(IntegerType, [10, 10, 20])], 3);
    expect(Array.from(b)).toEqual([0, 3, 4]);
    const c = t.findOrInsert([vectorFromValues(IntegerType, [null, 2, 100]), vectorFromValues(IntegerType, [0, 20, 10])], 3);
    expect(Array.from(c)).toEqual([5, 1, 3]);
    const d = t.findOrInsert([vectorFromValues(IntegerType, [0, 2, 100, -5]), vectorFromValues(IntegerType, [0, 20, 10, 20])], 4);
    expect(Array.from(d)).toEqual([6, 1, 3, 4]);
    expect(t.keyVectors().map(vectorToValues)).toEqual([
      [1, 2, 3, 100, -5, null, 0],
      [10, 20, 10, 10, 20, 0, 0],
    ]);
  });

  it("does not confuse a null group with the key 0", () => {
    const t = new GroupHashTable([IntegerType]);
    expect(Array.from(t.findOrInsert([vectorFromValues(IntegerType, [null, 5])], 2))).toEqual([0, 1]);
    expect(Array.from(t.findOrInsert([vectorFromValues(IntegerType, [0, 5, 0])], 3))).toEqual([2, 1, 2]);
    expect(t.keyVectors().map(vectorToValues)).toEqual([[null, 5, 0]]);
  });
});
