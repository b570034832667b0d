import { describe, expect, it } from "vitest";
import { batchToJsRows, valueToJs } from "../../src/api/to-js.js";
import { makeBatch } from "../../src/columnar/batch.js";
import { makeVector } from "../../src/columnar/vector.js";
import {
  BooleanType,
  DateType,
  DoubleType,
  LongType,
  mapType,
  StringType,
  structField,
  structType,
  TimestampType,
} from "../../src/types/data-type.js";

describe("result batches become Rows of JS values", () => {
  it("reads long vectors on both storages, nulls from validity", () => {
    const schema = structType([structField("a", LongType), structField("b", LongType), structField("s", StringType)]);
    const batch = makeBatch(schema, [
      makeVector(LongType, new Float64Array([1, 2]), new Uint8Array([1, 0])),
      makeVector(LongType, new BigInt64Array([9007199254740993n, 3n]), null),
      makeVector(StringType, ["x", "y"], null),
    ]);
    const rows = batchToJsRows(batch, schema);
    expect(rows.map((r) => r.toArray())).toEqual([
      [1, 9007199254740993n, "x"],
      [null, 3, "y"],
    ]);
    expect(rows[0]!.s).toBe("x");
  });

  it("turns booleans, dates and timestamps into JS values", () => {
    const schema = structType([structField("b", BooleanType), structField("d", DateType), structField("t", TimestampType)]);
    const batch = makeBatch(schema, [
      makeVector(BooleanType, new Uint8Array([1]), null),
      makeVector(DateType, new Int32Array([19724]), null),
      makeVector(TimestampType, new Float64Array([1_704_164_645_000_000]), null),
    ]);
    const [row] = batchToJsRows(batch, schema);
    expect(row!.b).toBe(true);
    expect((row!.d as Date).toISOString()).toBe("2024-01-02T00:00:00.000Z");
    expect((row!.t as Date).toISOString()).toBe("2024-01-02T03:04:05.000Z");
  });

  it("formats doubles in a Row's repr by their type", () => {
    const schema = structType([structField("v", DoubleType)]);
    const [row] = batchToJsRows(makeBatch(schema, [makeVector(DoubleType, new Float64Array([2]), null)]), schema);
    expect(String(row)).toBe("Row(v=2.0)");
  });

  it("turns maps into Map and structs into Row", () => {
    expect(valueToJs([["k", 1]], mapType(StringType, LongType))).toEqual(new Map([["k", 1]]));
    const st = structType([structField("x", LongType)]);
    expect(String(valueToJs([5], st))).toBe("Row(x=5)");
  });
});
