import { describe, expect, it } from "vitest";
import { vectorFromValues } from "../../../../src/columnar/builder.js";
import { vectorToValues } from "../../../../src/columnar/rows.js";
import { isSingleGroup, singleGroupIds } from "../../../../src/expr/functions/aggregate/accumulator.js";
import { CountAcc } from "../../../../src/expr/functions/aggregate/count.js";
import { SumAcc } from "../../../../src/expr/functions/aggregate/sum.js";
import { DoubleType } from "../../../../src/types/data-type.js";

describe("aggregation without grouping keys", () => {
  it("sums and counts a single group like the per-row path, nulls included", () => {
    const batches = [vectorFromValues(DoubleType, [0.1, 0.2, 0.3]), vectorFromValues(DoubleType, [1e16, null, 1])];
    const fast = new SumAcc(DoubleType, true);
    const slow = new SumAcc(DoubleType, true);
    const count = new CountAcc();
    for (const v of batches) {
      const ids = singleGroupIds(v.length);
      expect(isSingleGroup(ids)).toBe(true);
      for (const a of [fast, count]) a.ensure(1);
      slow.ensure(1);
      fast.update(ids, v.length, [v]);
      count.update(ids, v.length, []);
      slow.update(new Int32Array(v.length), v.length, [v]);
    }
    expect(vectorToValues(fast.result(1))).toEqual(vectorToValues(slow.result(1)));
    expect(vectorToValues(count.result(1))).toEqual([6]);
    expect(isSingleGroup(new Int32Array(3))).toBe(false);
  });

  it("gives null for a single group that saw only nulls", () => {
    const acc = new SumAcc(DoubleType, true);
    acc.ensure(1);
    acc.update(singleGroupIds(2), 2, [vectorFromValues(DoubleType, [null, null])]);
    expect(vectorToValues(acc.result(1))).toEqual([null]);
  });
});
