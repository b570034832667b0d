import { describe, expect, it } from "vitest";
import { castVector } from "../../../src/expr/eval/cast.js";
import { SparkException } from "../../../src/errors/spark-exception.js";
import {
  BooleanType,
  DateType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  StringType,
  TimestampType,
  arrayType,
  decimalType,
} from "../../../src/types/data-type.js";
import { values, vec } from "../helpers.js";

const ansi = { ansi: true, timeZone: "UTC" };
const legacy = { ansi: false, timeZone: "UTC" };

function thrown(f: () => unknown): SparkException {
  try {
    f();
  } catch (e) {
    return e as SparkException;
  }
  throw new Error("did not throw");
}

describe("castVector", () => {
  it("formats numbers as Spark does when casting to string", () => {
    expect(values(castVector(vec(DoubleType, [1, 1e10, 0.1, NaN, -0, 1e-4, 123456789.123]), StringType, ansi))).toEqual([
      "1.0",
      "1.0E10",
      "0.1",
      "NaN",
      "-0.0",
      "1.0E-4",
      "1.23456789123E8",
    ]);
    expect(values(castVector(vec(FloatType, [Math.fround(0.1), Math.fround(3.4e38)]), StringType, ansi))).toEqual(["0.1", "3.4E38"]);
    expect(values(castVector(vec(IntegerType, [5, null]), StringType, ansi))).toEqual(["5", null]);
  });

  it("raises CAST_INVALID_INPUT as NumberFormatException for bad numbers", () => {
    const e = thrown(() => castVector(vec(StringType, ["x"]), IntegerType, ansi));
    expect(e.exceptionName).toBe("NumberFormatException");
    expect(e.errorClass).toBe("CAST_INVALID_INPUT");
    expect(e.messageParameters).toMatchObject({ expression: "'x'", sourceType: '"STRING"', targetType: '"INT"' });
    expect(thrown(() => castVector(vec(StringType, ["x"]), BooleanType, ansi)).exceptionName).toBe("SparkRuntimeException");
    expect(thrown(() => castVector(vec(StringType, ["x"]), DateType, ansi)).exceptionName).toBe("DateTimeException");
    expect(values(castVector(vec(StringType, ["x", " 12 ", "1.5"]), IntegerType, legacy))).toEqual([null, 12, 1]);
    expect(thrown(() => castVector(vec(StringType, ["1.5"]), IntegerType, ansi)).errorClass).toBe("CAST_INVALID_INPUT");
  });

  it("raises CAST_OVERFLOW for long to int", () => {
    const e = thrown(() => castVector(vec(LongType, [9223372036854775807n]), IntegerType, ansi));
    expect(e.errorClass).toBe("CAST_OVERFLOW");
    expect(e.messageParameters["value"]).toBe("9223372036854775807L");
    expect(values(castVector(vec(LongType, [4294967297]), IntegerType, legacy))).toEqual([1]);
  });

  it("truncates doubles to ints and parses strings", () => {
    expect(values(castVector(vec(DoubleType, [2.0, -1.0, 4.5]), IntegerType, ansi))).toEqual([2, -1, 4]);
    expect(values(castVector(vec(StringType, ["1.5", "-2", "Infinity"]), DoubleType, ansi))).toEqual([1.5, -2, Infinity]);
    expect(values(castVector(vec(StringType, ["yes", "0"]), BooleanType, ansi))).toEqual([true, false]);
    expect(values(castVector(vec(StringType, ["9007199254740993"]), LongType, ansi))).toEqual([9007199254740993n]);
  });

  it("casts dates and timestamps through the session time zone", () => {
    const d = castVector(vec(StringType, ["2024-01-02"]), DateType, ansi);
    expect(values(castVector(d, StringType, ansi))).toEqual(["2024-01-02"]);
    const ts = castVector(vec(StringType, ["2024-01-02 03:04:05.123"]), TimestampType, { ansi: true, timeZone: "America/New_York" });
    expect(values(castVector(ts, StringType, { ansi: true, timeZone: "UTC" }))).toEqual(["2024-01-02 08:04:05.123"]);
    expect(values(castVector(ts, StringType, { ansi: true, timeZone: "America/New_York" }))).toEqual(["2024-01-02 03:04:05.123"]);
  });

  it("casts timestamps to long seconds and back", () => {
    const ts = vec(TimestampType, [1719806400500000, -1500000]);
    expect(values(castVector(ts, LongType, ansi))).toEqual([1719806400, -2]);
    expect(values(castVector(vec(LongType, [5]), TimestampType, ansi))).toEqual([5000000]);
  });

  it("rescales decimals half-up", () => {
    expect(values(castVector(vec(DoubleType, [3.14159, -0.005]), decimalType(10, 2), ansi))).toEqual(["3.14", "-0.01"]);
    expect(values(castVector(vec(IntegerType, [7]), decimalType(5, 2), ansi))).toEqual(["7.00"]);
  });

  it("renders nested values like Spark's cast (nested nulls as null; show() prints NULL)", () => {
    // PySpark 4.0.1: cast(array(1, null, 3) as string) is '[1, null, 3]' (golden types_nested_binary).
    expect(values(castVector(vec(arrayType(LongType), [[1, null, 3]]), StringType, ansi))).toEqual(["[1, null, 3]"]);
  });
});
