import { describe, expect, it } from "vitest";
import { checkNumberFormat, compileNumberFormat, formatNumber, parseNumber } from "../../../src/expr/kernels/number-format.js";

// Expected values are Spark's documented examples (ToNumber / ToCharacter ExpressionDescription);
// the full matrix against PySpark 4.0.1 is tests/golden/cases/funcs_number_format.py.
const parse = (input: string, fmt: string): string | null => parseNumber(compileNumberFormat(fmt), input);
const format = (value: string, fmt: string): string => formatNumber(compileNumberFormat(fmt), value);

describe("number format strings", () => {
  it("parses Spark's to_number examples at the format's scale", () => {
    expect(parse("454", "999")).toBe("454");
    expect(parse("454.00", "000.00")).toBe("454.00");
    expect(parse("12,454", "99,999")).toBe("12454");
    expect(parse("$78.12", "$99.99")).toBe("78.12");
    expect(parse("12,454.8-", "99,999.9S")).toBe("-12454.8");
    expect(parse("<12>", "99PR")).toBe("-12");
  });

  it("rejects input the format does not match", () => {
    expect(parse("45", "000")).toBeNull(); // a 0-run before the point needs exactly that many digits
    expect(parse("4545", "999")).toBeNull();
    expect(parse("1,2345", "9,999")).toBeNull();
    expect(parse("12a", "999")).toBeNull();
    expect(parse("<12", "99PR")).toBeNull();
  });

  it("gives the decimal type of the format's digits", () => {
    const f = compileNumberFormat("$99,999.99S");
    expect([f.precision, f.scale]).toEqual([7, 2]);
  });

  it("formats Spark's to_char examples", () => {
    expect(format("454", "999")).toBe("454");
    expect(format("454.00", "000D00")).toBe("454.00");
    expect(format("12454", "99G999")).toBe("12,454");
    expect(format("78.12", "$99.99")).toBe("$78.12");
    expect(format("-12454.8", "99G999D9S")).toBe("12,454.8-");
  });

  it("fills digit places with # when the value has more digits than the format", () => {
    expect(format("12345", "999")).toBe("###");
    expect(format("1.234", "9.99")).toBe("#.##");
  });

  it("reports Spark's INVALID_FORMAT sub-classes", () => {
    const problem = (fmt: string): string | undefined => checkNumberFormat(compileNumberFormat(fmt))?.subClass;
    expect(problem("")).toBe("EMPTY");
    expect(problem("$")).toBe("WRONG_NUM_DIGIT");
    expect(problem("9,")).toBe("CONT_THOUSANDS_SEPS");
    expect(problem("9.9,9")).toBe("THOUSANDS_SEPS_MUST_BEFORE_DEC");
    expect(problem("9.9.9")).toBe("WRONG_NUM_TOKEN");
    expect(problem("9A")).toBe("UNEXPECTED_TOKEN");
    expect(problem("99,999.99S")).toBeUndefined();
  });
});
