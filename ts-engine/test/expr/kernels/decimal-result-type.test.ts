import { describe, expect, it } from "vitest";
import { decimalResultType } from "../../../src/expr/kernels/decimal-arith.js";
import { decimalType } from "../../../src/types/data-type.js";

// Result types are PySpark 4.0.1's (tests/golden/cases/types_decimal_precision_loss.out).
const a = decimalType(38, 9);
const b = decimalType(38, 27);
const s = (t: { precision: number; scale: number }): string => `decimal(${t.precision},${t.scale})`;

describe("decimal arithmetic result types", () => {
  it("give up scale past 38 digits when precision loss is allowed", () => {
    expect([decimalResultType("+", a, b), decimalResultType("*", a, b), decimalResultType("/", a, b), decimalResultType("%", a, b)].map(s)).toEqual(
      ["decimal(38,8)", "decimal(38,6)", "decimal(38,6)", "decimal(38,27)"],
    );
  });

  it("cap precision and scale at 38 when it is not (spark.sql.decimalOperations.allowPrecisionLoss=false)", () => {
    expect([decimalResultType("+", a, b, false), decimalResultType("*", a, b, false), decimalResultType("/", a, b, false), decimalResultType("%", a, b, false)].map(s)).toEqual(
      ["decimal(38,27)", "decimal(38,36)", "decimal(38,18)", "decimal(38,27)"],
    );
    expect(s(decimalResultType("/", decimalType(30, 2), decimalType(30, 2), false))).toBe("decimal(38,20)");
    expect(s(decimalResultType("*", decimalType(20, 10), decimalType(20, 10), false))).toBe("decimal(38,20)");
  });
});
