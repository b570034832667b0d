import { describe, expect, it } from "vitest";
import { makeVector } from "../../../../src/columnar/vector.js";
import { vectorToValues } from "../../../../src/columnar/rows.js";
import { DoubleType, IntegerType, LongType } from "../../../../src/types/data-type.js";
import { runningAvg, runningCount, runningMinMax, runningSum } from "../../../../src/expr/functions/window/running-aggregates.js";

// Two window partitions, rows [0, 3) and [3, 5); the frame of row i is [partStart[i], frameEnd[i]).
const partStart = Int32Array.from([0, 0, 0, 3, 3]);
const ints = makeVector(IntegerType, Int32Array.from([4, 0, -2, 7, 1]), Uint8Array.from([1, 0, 1, 1, 1]));

describe("running aggregate kernels", () => {
  it("sum, count, min, max and avg read each row's prefix of its partition", () => {
    const ends = Int32Array.from([1, 2, 3, 3, 5]); // an empty frame (row 3) gives null / 0
    expect(vectorToValues(runningSum(LongType)([ints], partStart, ends, 5)!)).toEqual([4, 4, 2, null, 8]);
    expect(vectorToValues(runningCount([ints], partStart, ends, 5)!)).toEqual([1, 1, 2, 0, 2]);
    expect(vectorToValues(runningCount([], partStart, ends, 5)!)).toEqual([1, 2, 3, 0, 2]);
    expect(vectorToValues(runningMinMax(IntegerType, false)([ints], partStart, ends, 5)!)).toEqual([4, 4, -2, null, 1]);
    expect(vectorToValues(runningMinMax(IntegerType, true)([ints], partStart, ends, 5)!)).toEqual([4, 4, 4, null, 7]);
    expect(vectorToValues(runningAvg([ints], partStart, ends, 5)!)).toEqual([4, 4, 1, null, 4]);
  });

  it("gives up (undefined) where its state cannot hold the answer", () => {
    const big = makeVector(LongType, Float64Array.from([2 ** 52, 2 ** 52, 1, 1, 1]), null);
    const ends = Int32Array.from([1, 2, 3, 4, 5]);
    expect(runningSum(LongType)([big], partStart, ends, 5)).toBeUndefined();
    // doubles have no exact bound to keep
    expect(runningSum(DoubleType)([makeVector(DoubleType, Float64Array.from([2 ** 52, 2 ** 52, 1, 1, 1]), null)], partStart, ends, 5)).toBeDefined();
    // frame ends that move backwards within a partition are not a running frame
    expect(runningCount([ints], partStart, Int32Array.from([2, 1, 3, 4, 5]), 5)).toBeUndefined();
  });
});
