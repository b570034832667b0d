import { describe, expect, it } from "vitest";
import { makeBatch } from "../../../src/columnar/batch.js";
import { batchToRows } from "../../../src/columnar/rows.js";
import { makeVector } from "../../../src/columnar/vector.js";
import type { SortOrder } from "../../../src/expr/expr.js";
import { partitionBatch } from "../../../src/exec/exchange/partition-hash.js";
import { keyBatch, rangeBounds, rangePartitionIds } from "../../../src/exec/exchange/range-partition.js";
import { DoubleType, StringType, structField, structType } from "../../../src/types/data-type.js";

const order = (ascending: boolean): SortOrder => ({
  kind: "SortOrder",
  child: { kind: "BoundRef", ordinal: 0, dataType: DoubleType, nullable: true, name: "x" },
  ascending,
  nullsFirst: ascending,
});

describe("partitionBatch", () => {
  it("groups rows by partition in input order, with offsets", () => {
    const b = makeBatch(structType([structField("x", DoubleType, true)]), [makeVector(DoubleType, Float64Array.from([5, 6, 7, 8, 9]), null)]);
    const { batch, offsets } = partitionBatch(b, Int32Array.from([2, 0, 2, 1, 0]), 3);
    expect(Array.from(offsets)).toEqual([0, 2, 3, 5]);
    expect(batchToRows(batch).map((r) => r[0])).toEqual([6, 9, 8, 5, 7]);
  });
});

describe("rangePartitionIds on one numeric key", () => {
  const values = [3, -1, Number.NaN, 0, -0, Infinity, -Infinity, 2.5, 7, -3, 1e300, 4, 0.5];
  for (const asc of [true, false]) {
    it(`keeps partitions in ${asc ? "ascending" : "descending"} order (NaN greatest, -0 = 0)`, async () => {
      const key = makeVector(DoubleType, Float64Array.from(values), null);
      const o = order(asc);
      const bounds = await rangeBounds(keyBatch([key], values.length), [o], 4);
      expect(bounds.numRows).toBe(3);
      const fast = rangePartitionIds([key], values.length, bounds, [o]);
      // the comparator path (a key with a validity mask of all valid) must agree
      const masked = makeVector(DoubleType, Float64Array.from(values), new Uint8Array(values.length).fill(1));
      const slow = rangePartitionIds([masked], values.length, bounds, [o]);
      expect(Array.from(fast)).toEqual(Array.from(slow));
      // partitions are monotone in the sort order
      const rank = (v: number): number => (Number.isNaN(v) ? Infinity : v) * (asc ? 1 : -1);
      const idx = values.map((_, i) => i).sort((a, b) => rank(values[a]!) - rank(values[b]!));
      for (let i = 1; i < idx.length; i++) expect(fast[idx[i]!]!).toBeGreaterThanOrEqual(fast[idx[i - 1]!]!);
    });
  }
});

describe("rangePartitionIds on one string key", () => {
  const values = ["b", "", "ab", "a", "é", "zz", "a\u0000", "ba", "abc", "Z", "😀", "aa"];
  for (const asc of [true, false]) {
    it(`agrees with the comparator path (${asc ? "ascending" : "descending"}, UTF-8 byte order)`, async () => {
      const key = makeVector(StringType, values, null);
      const o: SortOrder = { ...order(asc), child: { kind: "BoundRef", ordinal: 0, dataType: StringType, nullable: true, name: "s" } };
      const bounds = await rangeBounds(keyBatch([key], values.length), [o], 4);
      const fast = rangePartitionIds([key], values.length, bounds, [o]);
      const masked = makeVector(StringType, values, new Uint8Array(values.length).fill(1));
      const slow = rangePartitionIds([masked], values.length, bounds, [o]);
      expect(Array.from(fast)).toEqual(Array.from(slow));
      expect(new Set(fast).size).toBeGreaterThan(1);
    });
  }
});

describe("rangePartitionIds on long string keys (8-byte prefixes tie)", () => {
  // prefix words decide most steps; these share their first 8 bytes, so the byte compare settles them
  const values = ["abcdefgh", "abcdefghi", "abcdefgh\u0000", "abcdefgg", "abcdefghz", "abcdefgha", "abcdefgh", "abcdefgi", "abcd", "abcdefghij", "zzzzzzzzzz", "abcdefgh\u0000\u0000"];
  for (const asc of [true, false]) {
    it(`agrees with the comparator path (${asc ? "ascending" : "descending"})`, async () => {
      const key = makeVector(StringType, values, null);
      const o: SortOrder = { ...order(asc), child: { kind: "BoundRef", ordinal: 0, dataType: StringType, nullable: true, name: "s" } };
      const bounds = await rangeBounds(keyBatch([key], values.length), [o], 6);
      const fast = rangePartitionIds([key], values.length, bounds, [o]);
      const masked = makeVector(StringType, values, new Uint8Array(values.length).fill(1));
      const slow = rangePartitionIds([masked], values.length, bounds, [o]);
      expect(Array.from(fast)).toEqual(Array.from(slow));
      expect(new Set(fast).size).toBeGreaterThan(2);
    });
  }
});
