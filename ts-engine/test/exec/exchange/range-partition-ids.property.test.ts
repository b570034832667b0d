import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeVector } from "../../../src/columnar/vector.js";
import { keyBatch, rangePartitionIds } from "../../../src/exec/exchange/range-partition.js";
import type { SortOrder } from "../../../src/expr/expr.js";
import { DoubleType } from "../../../src/types/data-type.js";

// A double key's range partition is the number of bounds strictly before it in the sort
// order (NaN last, as +Infinity; -0.0 with 0.0): the search against a plain count.

const num = fc.oneof(fc.integer({ min: -6, max: 6 }), fc.constantFrom(Number.NaN, -0, 0, 0.5, Infinity, -Infinity));
const order = (ascending: boolean): SortOrder => ({
  kind: "SortOrder",
  child: { kind: "BoundRef", ordinal: 0, dataType: DoubleType, nullable: false, name: "k" },
  ascending,
  nullsFirst: ascending,
});

describe("range partition ids of a double key", () => {
  it("count the bounds before each key, either direction", () => {
    fc.assert(
      fc.property(fc.array(num, { maxLength: 40 }), fc.array(num, { minLength: 1, maxLength: 30 }), fc.boolean(), (bs, keys, ascending) => {
        const inf = (v: number): number => (v !== v ? Infinity : v);
        const bounds = [...bs].map(inf).sort((a, b) => (ascending ? a - b : b - a));
        const ids = rangePartitionIds([makeVector(DoubleType, Float64Array.from(keys), null, keys.length)], keys.length, keyBatch([makeVector(DoubleType, Float64Array.from(bounds), null, bounds.length)], bounds.length), [order(ascending)]);
        const want = keys.map((k) => bounds.filter((b) => (ascending ? b < inf(k) : b > inf(k))).length);
        expect(Array.from(ids)).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});
