import { describe, expect, it } from "vitest";
import { javaRegExp, translateJavaRegex } from "../../../src/expr/kernels/java-regex.js";

const matches = (pattern: string, s: string): boolean => javaRegExp(pattern).test(s);
const whole = (pattern: string, s: string): boolean => javaRegExp(`^(?:${pattern})$`).test(s);

describe("Java regex translation", () => {
  it("quotes \\Q…\\E literally", () => {
    expect(whole("\\Q.*\\E", ".*")).toBe(true);
    expect(whole("\\Q.*\\E", "ab")).toBe(false);
    expect(whole("a\\Q(b\\Ec", "a(bc")).toBe(true);
  });

  it("makes possessive quantifiers and atomic groups never give back", () => {
    expect(matches("a*+a", "aaa")).toBe(false);
    expect(matches("a*a", "aaa")).toBe(true);
    expect(whole("a++b", "aaab")).toBe(true);
    expect(matches("(?>a|ab)c", "abc")).toBe(false);
    expect(matches("(?:a|ab)c", "abc")).toBe(true);
    expect(whole("x{2,3}+x", "xxxx")).toBe(true);
    expect(whole("x{2,3}+x", "xxx")).toBe(false);
  });

  it("keeps the user's group numbers when wrappers add captures", () => {
    const t = translateJavaRegex("(?:x)*+(a)(b)\\1");
    expect(t.groupCount).toBe(2);
    const m = new RegExp(t.source, t.flags).exec("xxaba");
    expect(m).not.toBeNull();
    expect(m![t.groupMap[1]!]).toBe("a");
    expect(m![t.groupMap[2]!]).toBe("b");
    expect(whole("(a)\\1", "aa")).toBe(true);
  });

  it("scopes embedded flags as Java does (ASCII case folding unless u)", () => {
    expect(whole("(?i)abc", "ABC")).toBe(true);
    expect(whole("a(?i)bc", "aBC")).toBe(true);
    expect(whole("a(?i)bc", "ABC")).toBe(false);
    expect(whole("(?i:a)b", "Ab")).toBe(true);
    expect(whole("(?i:a)b", "AB")).toBe(false);
    expect(whole("(?i)a(?-i)b", "Ab")).toBe(true);
    expect(whole("(?i)a(?-i)b", "AB")).toBe(false);
    expect(whole("(?i)é", "É")).toBe(false);
    expect(whole("(?iu)é", "É")).toBe(true);
    expect(whole("(?i)[a-c]+", "AbC")).toBe(true);
    expect(whole("(?x) a b # a comment\n", "ab")).toBe(true);
  });

  it("uses Java's line terminators for ., $, \\Z and \\z", () => {
    expect(matches("x$", "x\n")).toBe(true);
    expect(matches("x\\Z", "x\r\n")).toBe(true);
    expect(matches("x\\z", "x\n")).toBe(false);
    expect(matches("^.$", "\u0085")).toBe(false);
    expect(matches("(?s)^.$", "\u0085")).toBe(true);
    expect(matches("(?m)^b$", "a\nb\nc")).toBe(true);
    expect(matches("^b$", "a\nb\nc")).toBe(false);
  });

  it("gives \\s, \\p{Alpha} and other POSIX classes Java's ASCII sets", () => {
    expect(matches("\\s", "\u00a0")).toBe(false);
    expect(matches("\\s", "\t")).toBe(true);
    expect(whole("\\p{Alpha}+", "abcXYZ")).toBe(true);
    expect(whole("\\p{Alpha}+", "é")).toBe(false);
    expect(whole("\\p{Punct}+", "!-/@[`{~")).toBe(true);
    expect(whole("\\P{Digit}+", "ab")).toBe(true);
    expect(whole("\\p{Lu}", "É")).toBe(true);
    expect(whole("\\p{IsLatin}+", "éa")).toBe(true);
    expect(whole("\\p{javaLowerCase}+", "éa")).toBe(true);
    expect(whole("[\\p{Digit}x]+", "1x2")).toBe(true);
  });

  it("supports class unions and intersections", () => {
    expect(whole("[a-z&&[^aeiou]]+", "bcd")).toBe(true);
    expect(whole("[a-z&&[^aeiou]]+", "bad")).toBe(false);
    expect(whole("[a-c[x-z]]+", "ayc")).toBe(true);
    expect(whole("[a-c[x-z]]+", "m")).toBe(false);
    expect(whole("[^a-c[x-z]]", "m")).toBe(true);
    expect(whole("[\\w&&\\D]+", "ab_")).toBe(true);
    expect(whole("[\\w&&\\D]+", "a1")).toBe(false);
  });

  it("accepts Java's escapes of punctuation that JavaScript's u mode rejects", () => {
    expect(whole("a\\-b\\#c\\ d", "a-b#c d")).toBe(true);
    expect(whole("[\\-\\#]+", "-#")).toBe(true);
    expect(whole("\\x{1F600}", "\u{1F600}")).toBe(true);
    expect(whole("\\0101", "A")).toBe(true);
  });

  it("fails with INVALID_PARAMETER_VALUE.PATTERN on unsupported or invalid patterns", () => {
    for (const p of ["\\G", "\\X", "\\p{InGreek}", "(?<", "a{2,1}", "(", "[a", "*a", "\\y"]) {
      expect(() => translateJavaRegex(p), p).toThrow(expect.objectContaining({ errorClass: "INVALID_PARAMETER_VALUE.PATTERN" }));
    }
  });

  it("compiles a pattern once", () => {
    expect(javaRegExp("a+b")).toBe(javaRegExp("a+b"));
  });
});
