import { describe, expect, it } from "vitest";
import { analysisError, rel } from "./helpers.js";

describe("analyzer: limit and range arguments", () => {
  it("rejects a negative limit with Spark's INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", () => {
    const err = analysisError({ kind: "Limit", input: rel("a INT"), n: -1 });
    expect(err.errorClass).toBe("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE");
    expect(err.message.split(";\n")[0]).toBe(
      '[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The limit like expression "-1" is invalid. The limit expression must be equal to or greater than 0, but got -1. SQLSTATE: 42K0E',
    );
  });

  it("rejects a zero range step as Spark's requirement failure, with no error class", () => {
    const err = analysisError({ kind: "Range", start: 0, end: 10, step: 0 });
    expect(err.errorClass).toBe("");
    expect(err.message).toBe("requirement failed: step (0) cannot be 0");
  });
});
