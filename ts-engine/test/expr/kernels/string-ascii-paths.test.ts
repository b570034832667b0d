import { describe, expect, it } from "vitest";
import { expectStorage, makeVector, type Vector } from "../../../src/columnar/vector.js";
import { utf8Strings } from "../../../src/columnar/utf8.js";
import { IntegerType, StringType } from "../../../src/types/data-type.js";
import { utf8Length, utf8Substring } from "../../../src/expr/kernels/string-slice.js";
import { changeCase } from "../../../src/expr/kernels/string-case.js";
import { asciiRange } from "../../../src/expr/kernels/ascii.js";

// The all-ASCII fast paths must give what the code-point paths give: the same rows are run once
// alone (ASCII batch) and once beside a non-ASCII row (which sends the batch down the general path).
const words = ["", "a", "Spark SQL", "Row_1234567_x_977", "0123456789".repeat(10)];
const strings = (vals: readonly string[]) => makeVector(StringType, vals, null, vals.length);
const ints = (v: number, n: number) => makeVector(IntegerType, new Int32Array(n).fill(v), null, n);
const texts = (v: Vector, n: number): string[] => utf8Strings(expectStorage(v, "utf8").data, n);
const lengths = (v: Vector): number[] => Array.from(expectStorage(utf8Length(v), "i32").data);

describe("ASCII fast paths of the string kernels", () => {
  it("tells ASCII from non-ASCII bytes, long and short", () => {
    const b = new TextEncoder().encode("x".repeat(200) + "ß");
    expect(asciiRange(b, 0, 200)).toBe(true);
    expect(asciiRange(b, 0, b.length)).toBe(false);
    expect(asciiRange(b, 199, b.length)).toBe(false);
  });

  it("substring and length agree with the code-point path for every position rule", () => {
    for (const [pos, len] of [[3, 7], [0, 2], [-4, 3], [-100, 5], [1, 0], [50, 10], [2, -1]] as const) {
      const ascii = utf8Substring(strings(words), ints(pos, words.length), ints(len, words.length));
      const mixed = utf8Substring(strings([...words, "Straße"]), ints(pos, words.length + 1), ints(len, words.length + 1));
      expect(texts(ascii, words.length)).toEqual(texts(mixed, words.length + 1).slice(0, words.length));
      expect(lengths(ascii)).toEqual(lengths(mixed).slice(0, words.length));
    }
  });

  it("lower and upper map ASCII and non-ASCII rows", () => {
    const v = changeCase(strings(["Row_Straße_ABC", "ΣΑΣ", "plain"]), false);
    expect(texts(v, 3)).toEqual(["row_straße_abc", "σας", "plain"]);
    expect(texts(changeCase(strings(["abc", "xyz"]), true), 2)).toEqual(["ABC", "XYZ"]);
  });
});
