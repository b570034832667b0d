import { tableFromIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { makeBatch } from "../../../src/columnar/batch.js";
import { makeVector } from "../../../src/columnar/vector.js";
import { vectorFromValues } from "../../../src/columnar/builder.js";
import { formatUnscaled } from "../../../src/columnar/decimal-value.js";
import { encodeArrowIpc } from "../../../src/server/protocol/encode-arrow.js";
import {
  arrayType,
  BinaryType,
  BooleanType,
  DateType,
  decimalType,
  DoubleType,
  IntegerType,
  LongType,
  StringType,
  structField,
  structType,
  TimestampType,
} from "../../../src/types/data-type.js";

const valid = (...v: number[]) => Uint8Array.from(v);

/** The text of an Arrow Decimal128 value (4 little-endian u32 words) at `scale`. */
function decimal128Text(w: Uint32Array, scale: number): string {
  let u = 0n;
  for (let k = 3; k >= 0; k--) u = (u << 32n) | BigInt(w[k]!);
  return formatUnscaled(BigInt.asIntN(128, u), scale);
}

describe("encodeArrowIpc", () => {
  const schema = structType([
    structField("l", LongType),
    structField("big", LongType),
    structField("d", DoubleType),
    structField("s", StringType),
    structField("i", IntegerType),
    structField("b", BooleanType),
    structField("day", DateType),
    structField("ts", TimestampType),
    structField("dec", decimalType(5, 2)),
    structField("bin", BinaryType),
    structField("arr", arrayType(StringType)),
  ]);
  const batch = makeBatch(schema, [
    makeVector(LongType, Float64Array.from([-5, 2 ** 40, 0]), valid(1, 1, 0)),
    makeVector(LongType, BigInt64Array.from([2n ** 53n + 1n, -(2n ** 63n), 7n]), null),
    makeVector(DoubleType, Float64Array.from([1.5, -0, 3]), null),
    makeVector(StringType, ["héllo", "", "x"], valid(1, 1, 0)),
    makeVector(IntegerType, Int32Array.from([1, -2, 3]), null),
    makeVector(BooleanType, Uint8Array.from([1, 0, 1]), null),
    makeVector(DateType, Int32Array.from([18262, -1, 0]), null),
    makeVector(TimestampType, Float64Array.from([1_600_000_000_000_000, -1, 0]), null),
    vectorFromValues(decimalType(5, 2), ["12.50", "-0.01", "0.00"]),
    makeVector(BinaryType, [Uint8Array.from([1, 2]), new Uint8Array(0), Uint8Array.from([255])], null),
    makeVector(arrayType(StringType), [["a", null], [], null], valid(1, 1, 0)),
  ]);

  it("round-trips every column through apache-arrow's reader, nulls included", () => {
    const t = tableFromIPC(encodeArrowIpc(schema, [{ batch, start: 0, end: 3 }]));
    expect(t.numRows).toBe(3);
    const col = (n: string) => [...t.getChild(n)!];
    expect(col("l")).toEqual([-5n, 2n ** 40n, null]);
    expect(col("big")).toEqual([2n ** 53n + 1n, -(2n ** 63n), 7n]);
    expect(col("d")).toEqual([1.5, -0, 3]);
    expect(col("s")).toEqual(["héllo", "", null]);
    expect(col("i")).toEqual([1, -2, 3]);
    expect(col("b")).toEqual([true, false, true]);
    expect(col("dec").map((w) => decimal128Text(w as Uint32Array, 2))).toEqual(["12.50", "-0.01", "0.00"]);
    expect(col("bin").map((b) => [...(b as Uint8Array)])).toEqual([[1, 2], [], [255]]);
    expect(col("arr").map((a) => (a === null ? null : [...(a as Iterable<unknown>)]))).toEqual([["a", null], [], null]);
    expect(t.schema.fields.map((f) => String(f.type))).toEqual([
      "Int64", "Int64", "Float64", "Utf8", "Int32", "Bool", "Date32<DAY>", "Timestamp<MICROSECOND, UTC>", "Decimal[5e+2]", "Binary", "List<Utf8>",
    ]);
    const ts = t.getChild("ts")!.data[0]!.values as BigInt64Array;
    expect([...ts.subarray(0, 3)]).toEqual([1_600_000_000_000_000n, -1n, 0n]);
    const days = t.getChild("day")!.data[0]!.values as Int32Array;
    expect([...days.subarray(0, 3)]).toEqual([18262, -1, 0]);
  });

  it("encodes a chunk spanning several batch segments", () => {
    const t = tableFromIPC(encodeArrowIpc(schema, [{ batch, start: 1, end: 3 }, { batch, start: 0, end: 1 }]));
    expect([...t.getChild("s")!]).toEqual(["", null, "héllo"]);
    expect([...t.getChild("l")!]).toEqual([2n ** 40n, null, -5n]);
  });

  it("writes decimals as Decimal128, wide and negative ones included", () => {
    const t38 = decimalType(38, 3);
    const sch = structType([structField("w", t38), structField("n", decimalType(18, 0))]);
    const values = ["-12345678901234567890123456789012345.678", "0.001", null];
    const b = makeBatch(sch, [vectorFromValues(t38, values), vectorFromValues(decimalType(18, 0), ["-999999999999999999", "1", null])]);
    const table = tableFromIPC(encodeArrowIpc(sch, [{ batch: b, start: 0, end: 3 }]));
    const text = (name: string, scale: number) => [...table.getChild(name)!].map((w) => (w === null ? null : decimal128Text(w as Uint32Array, scale)));
    expect(text("w", 3)).toEqual(values);
    expect(text("n", 0)).toEqual(["-999999999999999999", "1", null]);
  });
});
