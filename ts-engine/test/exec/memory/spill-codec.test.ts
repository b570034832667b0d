import { describe, expect, it } from "vitest";
import { makeBatch } from "../../../src/columnar/batch.js";
import { vectorFromValues } from "../../../src/columnar/builder.js";
import { batchToRows } from "../../../src/columnar/rows.js";
import { decodeBatch, encodeBatch } from "../../../src/exec/memory/spill-codec.js";
import {
  arrayType,
  BinaryType,
  BooleanType,
  ByteType,
  DateType,
  decimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  mapType,
  ShortType,
  StringType,
  structField,
  structType,
  TimestampType,
} from "../../../src/types/data-type.js";

describe("spill codec", () => {
  it("round-trips every storage, nulls included, exactly", () => {
    const cols: [Parameters<typeof structField>[1], unknown[]][] = [
      [BooleanType, [true, null, false]],
      [ByteType, [-128, 127, null]],
      [ShortType, [null, -32768, 32767]],
      [IntegerType, [2147483647, null, -2147483648]],
      [LongType, [2 ** 53 - 1, null, -(2 ** 53) + 1]],
      [LongType, [9223372036854775807n, -9223372036854775808n, null]],
      [FloatType, [Math.fround(1.5), NaN, null]],
      [DoubleType, [-0, Infinity, null]],
      [DateType, [0, -1, null]],
      [TimestampType, [1700000000000000, null, -1]],
      [StringType, ["ascii", null, "é中\u{1F600}\uD800 lone"]],
      [StringType, ["", "only latin1 ÿ", null]],
      [BinaryType, [new Uint8Array([0, 255]), null, new Uint8Array([])]],
      [decimalType(38, 2), ["-12345678901234567890123456789012345.67", null, "0.00"]],
      [arrayType(LongType), [[1, null, 2n ** 62n], null, []]],
      [mapType(StringType, IntegerType), [[["a", 1]], null, []]],
    ];
    const schema = structType(cols.map(([t], i) => structField(`c${i}`, t)));
    const batch = makeBatch(schema, cols.map(([t, v]) => vectorFromValues(t, v)));
    const bytes = encodeBatch(batch);
    const back = decodeBatch(schema, bytes);
    expect(back.numRows).toBe(3);
    expect(batchToRows(back)).toEqual(batchToRows(batch));
    // Object.is: -0 and NaN survive as themselves.
    expect(Object.is(batchToRows(back)[0]![7], -0)).toBe(true);
    expect(back.columns[5]!.data).toBeInstanceOf(BigInt64Array);
  });

  it("decodes from an unaligned copy of the bytes", () => {
    const schema = structType([structField("x", DoubleType)]);
    const batch = makeBatch(schema, [vectorFromValues(DoubleType, [1.25, 2.5])]);
    const bytes = encodeBatch(batch);
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    expect(batchToRows(decodeBatch(schema, shifted.subarray(3)))).toEqual([[1.25], [2.5]]);
  });
});
