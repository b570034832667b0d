import { describe, expect, it } from "vitest";
import { allocVector, nullVectorOf, vectorFromValues } from "../../src/columnar/builder.js";
import { concatVectors, sliceVector, vectorToValues } from "../../src/columnar/rows.js";
import { takeVector } from "../../src/columnar/take.js";
import { expectStorage, makeVector, STORAGE_OF, type Vector } from "../../src/columnar/vector.js";
import {
  BinaryType,
  BooleanType,
  ByteType,
  DateType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  NullType,
  ShortType,
  StringType,
  TimestampType,
  arrayType,
  decimalType,
  structField,
  structType,
  type DataType,
} from "../../src/types/data-type.js";

/** One type of every kind with two sample values, so the builders are checked over all of them. */
const SAMPLES: readonly [DataType, unknown, unknown][] = [
  [BooleanType, true, false],
  [ByteType, -3, 7],
  [ShortType, -300, 700],
  [IntegerType, -70000, 70000],
  [LongType, 2n ** 60n, -5],
  [FloatType, 1.5, -2.25],
  [DoubleType, 0.1, -1e300],
  [StringType, "héllo", "日本"],
  [BinaryType, new Uint8Array([1, 2]), new Uint8Array([])],
  [decimalType(10, 2), "12.50", "-0.01"],
  [DateType, 19000, -1],
  [TimestampType, 1_700_000_000_000_000, 0],
  [NullType, null, null],
  [arrayType(IntegerType, true), [1, null], []],
  [structType([structField("a", IntegerType, true)]), [1], [null]],
];

describe("Vector storage union", () => {
  it("tags every type's storage and round-trips values through build, slice, take and concat", () => {
    for (const [type, x, y] of SAMPLES) {
      const v = vectorFromValues(type, [x, null, y]);
      expect(v.type).toBe(type);
      if (!(type.kind === "long" && v.storage === "i64big")) expect(v.storage).toBe(STORAGE_OF[type.kind]);
      expect(vectorToValues(v)).toEqual([x, null, y]);
      expect(vectorToValues(sliceVector(v, 1, 3))).toEqual([null, y]);
      expect(vectorToValues(takeVector(v, Int32Array.from([2, -1, 0])))).toEqual([y, null, x]);
      expect(vectorToValues(concatVectors([v, v]))).toEqual([x, null, y, x, null, y]);
      expect(allocVector(type, 2).length).toBe(2);
      expect(vectorToValues(nullVectorOf(type, 2))).toEqual([null, null]);
    }
  });

  it("rejects storage that does not fit the type", () => {
    expect(() => makeVector(IntegerType, new Float64Array(1), null)).toThrow(/integer cannot have f64 storage/);
    expect(() => makeVector(DoubleType, new BigInt64Array(1), null)).toThrow(/double cannot have i64big storage/);
    expect(makeVector(LongType, new BigInt64Array(1), null).storage).toBe("i64big");
  });

  it("narrows with expectStorage and fails on the wrong kind", () => {
    const v: Vector = vectorFromValues(DoubleType, [1.5]);
    expect(expectStorage(v, "f64").data[0]).toBe(1.5);
    expect(() => expectStorage(v, "i32")).toThrow(/expected i32 storage, got f64/);
  });

  it("mixes Number and BigInt long parts exactly when concatenating", () => {
    const small = vectorFromValues(LongType, [1, 2]);
    const big = vectorFromValues(LongType, [2n ** 62n]);
    const all = concatVectors([small, big]);
    expect(all.storage).toBe("i64big");
    expect(vectorToValues(all)).toEqual([1, 2, 2n ** 62n]);
  });
});
