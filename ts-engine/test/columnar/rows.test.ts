import { describe, expect, it } from "vitest";
import { vectorFromValues } from "../../src/columnar/builder.js";
import { batchToRows, concatBatches, rowsToBatch, sliceBatch, vectorToValues } from "../../src/columnar/rows.js";
import { takeBatch, takeVector } from "../../src/columnar/take.js";
import { BooleanType, IntegerType, LongType, StringType, structField, structType } from "../../src/types/data-type.js";

const BIG = 2n ** 60n;

describe("vectorFromValues / vectorToValues", () => {
  it("keeps longs on Float64 while they fit in ±2^53", () => {
    const v = vectorFromValues(LongType, [1, 2n, null]);
    expect(v.data).toBeInstanceOf(Float64Array);
    expect(v.validity).toEqual(new Uint8Array([1, 1, 0]));
    expect(vectorToValues(v)).toEqual([1, 2, null]);
  });

  it("switches to BigInt64Array past 2^53 and stays exact", () => {
    const v = vectorFromValues(LongType, [1, BIG + 1n]);
    expect(v.data).toBeInstanceOf(BigInt64Array);
    expect(vectorToValues(v)).toEqual([1, BIG + 1n]);
  });

  it("stores booleans as bytes and strings as strings, without validity when no null", () => {
    expect(vectorFromValues(BooleanType, [true, false]).data).toEqual(new Uint8Array([1, 0]));
    const s = vectorFromValues(StringType, ["a", "b"]);
    expect(s.validity).toBeNull();
    expect(vectorToValues(s)).toEqual(["a", "b"]);
  });
});

describe("batches", () => {
  const schema = structType([structField("i", IntegerType), structField("l", LongType), structField("s", StringType)]);
  const a = rowsToBatch(schema, [
    [1, 10, "x"],
    [null, 20, null],
  ]);
  const b = rowsToBatch(schema, [[3, BIG, "z"]]);

  it("round-trips rows", () => {
    expect(batchToRows(a)).toEqual([
      [1, 10, "x"],
      [null, 20, null],
    ]);
  });

  it("concatenates with validity and promotes longs to BigInt when one part needs it", () => {
    const c = concatBatches(schema, [a, b]);
    expect(c.numRows).toBe(3);
    expect(c.columns[1]!.data).toBeInstanceOf(BigInt64Array);
    expect(batchToRows(c)).toEqual([
      [1, 10, "x"],
      [null, 20, null],
      [3, BIG, "z"],
    ]);
    expect(concatBatches(schema, []).numRows).toBe(0);
  });

  it("slices and takes, -1 giving null", () => {
    expect(batchToRows(sliceBatch(a, 1, 5))).toEqual([[null, 20, null]]);
    expect(batchToRows(takeBatch(a, new Int32Array([1, 0, -1])))).toEqual([
      [null, 20, null],
      [1, 10, "x"],
      [null, null, null],
    ]);
  });

  it("drops back to Float64 when the taken longs fit", () => {
    const v = vectorFromValues(LongType, [BIG, 5]);
    const t = takeVector(v, new Int32Array([1]));
    expect(t.data).toBeInstanceOf(Float64Array);
    expect(vectorToValues(t)).toEqual([5]);
  });
});
