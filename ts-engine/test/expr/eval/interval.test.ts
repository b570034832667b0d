import { describe, expect, it } from "vitest";
import { dayTimeIntervalString, yearMonthIntervalString } from "../../../src/expr/eval/interval-string.js";
import { parseDayTimeInterval, parseYearMonthInterval } from "../../../src/expr/eval/interval-parse.js";
import { castVerdict } from "../../../src/types/cast-rules.js";
import { BinaryType, DateType, DoubleType, IntegerType, StringType, dayTimeIntervalType, decimalType, yearMonthIntervalType } from "../../../src/types/data-type.js";

const DAY_TO_SECOND = dayTimeIntervalType(0, 3);

describe("interval text (checked on PySpark 4.0.1)", () => {
  it("prints day-time intervals in Spark's ANSI style: unpadded start field, later fields two digits", () => {
    expect(dayTimeIntervalString(93_784_500_000, DAY_TO_SECOND)).toBe("INTERVAL '1 02:03:04.5' DAY TO SECOND");
    expect(dayTimeIntervalString(-10_800_000_000, dayTimeIntervalType(1, 1))).toBe("INTERVAL '-03' HOUR");
    expect(dayTimeIntervalString(-1, DAY_TO_SECOND)).toBe("INTERVAL '-0 00:00:00.000001' DAY TO SECOND");
    expect(dayTimeIntervalString(0, DAY_TO_SECOND)).toBe("INTERVAL '0 00:00:00' DAY TO SECOND");
    expect(dayTimeIntervalString(-(2n ** 63n), dayTimeIntervalType(0, 0))).toBe("INTERVAL '-106751991' DAY");
  });

  it("prints year-month intervals as years-months, or the single field", () => {
    expect(yearMonthIntervalString(14, yearMonthIntervalType(0, 1))).toBe("INTERVAL '1-2' YEAR TO MONTH");
    expect(yearMonthIntervalString(-14, yearMonthIntervalType(0, 1))).toBe("INTERVAL '-1-2' YEAR TO MONTH");
    expect(yearMonthIntervalString(7, yearMonthIntervalType(1, 1))).toBe("INTERVAL '7' MONTH");
  });

  it("parses the qualifier's shape, bare or as INTERVAL '…' text, and rejects other shapes", () => {
    expect(parseDayTimeInterval("1 02:03:04.5", DAY_TO_SECOND)).toBe(93_784_500_000n);
    expect(parseDayTimeInterval("INTERVAL -'1 02:03:04' DAY TO SECOND", DAY_TO_SECOND)).toBe(-93_784_000_000n);
    expect(parseDayTimeInterval("-0.5", dayTimeIntervalType(3, 3))).toBe(-500_000n);
    expect(parseDayTimeInterval("1 02", DAY_TO_SECOND)).toBeNull();
    expect(() => parseDayTimeInterval("1 25:00:00", DAY_TO_SECOND)).toThrow("requirement failed: hour 25 outside range [0, 23]");
    expect(parseYearMonthInterval("1-2", yearMonthIntervalType(0, 1))).toBe(14);
    expect(parseYearMonthInterval("1-12", yearMonthIntervalType(0, 1))).toBeNull();
  });
});

describe("castVerdict", () => {
  it("follows Spark's canAnsiCast / canCast", () => {
    expect(castVerdict(IntegerType, BinaryType, true)).toEqual({ ok: false, form: "CAST_WITH_CONF_SUGGESTION" });
    expect(castVerdict(IntegerType, BinaryType, false)).toEqual({ ok: true });
    expect(castVerdict(DateType, IntegerType, true)).toEqual({ ok: false, form: "CAST_WITH_FUNC_SUGGESTION", functions: "`UNIX_DATE`" });
    expect(castVerdict(DoubleType, dayTimeIntervalType(0, 0), false)).toEqual({ ok: false, form: "CAST_WITHOUT_SUGGESTION" });
    expect(castVerdict(decimalType(8, 3), dayTimeIntervalType(0, 0), true)).toEqual({ ok: true });
    expect(castVerdict(BinaryType, StringType, true)).toEqual({ ok: true });
  });
});
