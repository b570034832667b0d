import { describe, expect, it } from "vitest";
import { numericSqlValue } from "../../../src/expr/eval/errors.js";
import { DoubleType, FloatType, LongType, ShortType } from "../../../src/types/data-type.js";

// Recorded on PySpark 4.0.1: CAST_OVERFLOW prints "The value 3.0E10D …", "1.5E20D", "NaN".
describe("numericSqlValue", () => {
  it("prints doubles as Java does, with Spark's type suffix", () => {
    expect(numericSqlValue(3e10, DoubleType)).toBe("3.0E10D");
    expect(numericSqlValue(1.5e20, DoubleType)).toBe("1.5E20D");
    expect(numericSqlValue(2.5, DoubleType)).toBe("2.5D");
  });

  it("writes NaN and infinities without a suffix", () => {
    expect(numericSqlValue(NaN, DoubleType)).toBe("NaN");
    expect(numericSqlValue(-Infinity, FloatType)).toBe("-Infinity");
  });

  it("suffixes integral types", () => {
    expect(numericSqlValue(9223372036854775807n, LongType)).toBe("9223372036854775807L");
    expect(numericSqlValue(40000, ShortType)).toBe("40000S");
  });
});
