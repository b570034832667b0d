import { describe, expect, it } from "vitest";
import { collationComparator, collationKey, lcaseKey } from "../../src/columnar/collation-key.js";
import { collationByName, collationName } from "../../src/types/collation.js";
import { collationMatcher, collationReplace } from "../../src/expr/kernels/collation-search.js";

const SAMPLE = ["a", "A", "ä", "Ä", "a\u0308", "ß", "ẞ", "SS", "ss", "İ", "i\u0307", "i", "I", "ı", "Σ", "σ", "ς", "ΟΔΟΣ", "", " ", "ﬁ", "fi", "ＡＢ", "ab", "a\u00adb", "æ", "ae", "Æ", "ǆ", "dž", "ø", "o", "ł", "l", "a\u0000"];

describe("collations: names, keys and comparators", () => {
  it("canonicalizes collation names as Spark prints them", () => {
    expect(collationName("utf8_lcase")).toBe("UTF8_LCASE");
    expect(collationName("unicode_ai_ci")).toBe("UNICODE_CI_AI");
    expect(collationName("DE_ci_ai")).toBe("de_CI_AI");
    expect(collationName("sr_Cyrl_SRB_ci")).toBe("sr_Cyrl_SRB_CI");
    expect(() => collationName("UTF8_LCAS")).toThrow("Suggested valid collation names: [UTF8_LCASE]");
    expect(() => collationName("UNICODE_RTRIM")).toThrow("[UNSUPPORTED_FEATURE.TRIM_COLLATION]");
  });

  it("lowercases per code point as Spark's UTF8_LCASE (no final sigma, İ to i̇)", () => {
    expect(lcaseKey("ΟΔΟΣ")).toBe("οδοσ");
    expect(lcaseKey("İ")).toBe("i\u0307");
    expect(lcaseKey("ABC")).toBe("abc");
  });

  it("gives equal keys exactly to the strings the comparator calls equal", () => {
    for (const name of ["UTF8_LCASE", "UNICODE", "UNICODE_CI", "UNICODE_CI_AI"]) {
      const c = collationByName(name);
      const cmp = collationComparator(c);
      for (const x of SAMPLE) {
        for (const y of SAMPLE) {
          expect([name, x, y, collationKey(c, x) === collationKey(c, y)]).toEqual([name, x, y, cmp(x, y) === 0]);
        }
      }
    }
  });

  it("finds and replaces substrings under the collation", () => {
    const lcase = collationByName("UTF8_LCASE");
    expect(collationMatcher(lcase, "B")("aBcb", 2)).toEqual({ start: 3, end: 4 });
    expect(collationReplace(lcase, "AbcaBC", "bc", "-")).toBe("A-a-");
    const ci = collationByName("UNICODE_CI");
    expect(collationMatcher(ci, "b")("ABC", 0)).toEqual({ start: 1, end: 2 });
    expect(collationMatcher(ci, "x")("ABC", 0)).toBeNull();
  });
});
