import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8FromStrings, utf8Strings } from "../../../src/columnar/utf8.js";
import { expectStorage, makeVector } from "../../../src/columnar/vector.js";
import { IntegerType, StringType } from "../../../src/types/data-type.js";
import { utf8Substring } from "../../../src/expr/kernels/string-slice.js";
import { changeCase } from "../../../src/expr/kernels/string-case.js";

// The UTF-8 paths of substring and lower/upper (one output buffer, same-length case mapping)
// against references over JS strings: Spark's substringSQL over code points, and Java's
// locale-independent toLowerCase/toUpperCase (JS's per value, final sigma included).
const text = fc.array(fc.oneof(fc.string({ unit: "grapheme" }), fc.constantFrom("Straße", "ΟΔΟΣ", "İi", "ŉ", "é", "ǅ", "")), { minLength: 1, maxLength: 40 });

function substringRef(s: string, pos: number, len: number): string {
  const cps = Array.from(s);
  let start = pos > 0 ? pos - 1 : pos < 0 ? cps.length + pos : 0;
  const stop = start + len;
  if (start < 0) start = 0;
  if (len <= 0 || start >= stop) return "";
  return cps.slice(start, stop).join("");
}

function strings(values: readonly string[]) {
  return makeVector(StringType, utf8FromStrings(values), null, values.length);
}

describe("UTF-8 string kernels against references", () => {
  it("substring matches Spark's code-point substring", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: -8, max: 8 }), fc.integer({ min: -2, max: 9 }), (values, pos, len) => {
        const n = values.length;
        const out = utf8Substring(strings(values), makeVector(IntegerType, new Int32Array(n).fill(pos), null, n), makeVector(IntegerType, new Int32Array(n).fill(len), null, n));
        expect(utf8Strings(expectStorage(out, "utf8").data, n)).toEqual(values.map((s) => substringRef(s, pos, len)));
      }),
    );
  });

  it("lower and upper match the per-value Unicode mapping", () => {
    fc.assert(
      fc.property(text, (values) => {
        const v = strings(values);
        expect(utf8Strings(expectStorage(changeCase(v, false), "utf8").data, values.length)).toEqual(values.map((s) => s.toLowerCase()));
        expect(utf8Strings(expectStorage(changeCase(v, true), "utf8").data, values.length)).toEqual(values.map((s) => s.toUpperCase()));
      }),
    );
  });
});
