import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8FromStrings, utf8Strings } from "../../../src/columnar/utf8.js";
import { expectStorage, makeVector } from "../../../src/columnar/vector.js";
import { IntegerType, StringType } from "../../../src/types/data-type.js";
import { utf8Substring } from "../../../src/expr/kernels/string-slice.js";
import { changeCase } from "../../../src/expr/kernels/string-case.js";
import { javaSplit, literalSplitText, utf8SplitLiteral } from "../../../src/expr/kernels/string-split.js";
import { asciiClassPattern, replaceAsciiClass } from "../../../src/expr/kernels/ascii-class-replace.js";
import { javaRegExp } from "../../../src/expr/kernels/java-regex.js";

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

  it("split around a literal cuts the UTF-8 bytes as Java's String.split does, nulls and limits included", () => {
    const sep = fc.constantFrom("_", ", ", "ß", "ab", "a", "İ", "\\.", "\\|", "--");
    const pieces = fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 4 }), fc.constantFrom("_", ", ", "ß", "a", "b", "İ", ".", "|", "-", "")), { maxLength: 8 });
    const rows = fc.array(fc.option(pieces.map((p) => p.join("")), { nil: null }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(rows, sep, fc.integer({ min: -1, max: 4 }), (values, pattern, limit) => {
        const literal = literalSplitText(pattern)!;
        expect(literal).not.toBeNull();
        const n = values.length;
        const validity = Uint8Array.from(values, (v) => (v === null ? 0 : 1));
        const d = utf8FromStrings(values);
        const got = utf8SplitLiteral(d.offsets, d.bytes, n, literal, limit, validity);
        expect(got).toEqual(values.map((s) => (s === null ? null : javaSplit(s, pattern, limit))));
      }),
    );
  });

  it("takes as literal only the split patterns that match their own text", () => {
    expect(["_", ", ", "abc", "\\.", "\\|", "\\$", "ß"].map(literalSplitText)).toEqual(["_", ", ", "abc", ".", "|", "$", "ß"]);
    expect(["", ".", "a|b", "[_]", "\\d", "\\1", "a+", "(x)", "^a", "\\Q.\\E"].map(literalSplitText)).toEqual(new Array(10).fill(null));
  });

  it("replaces an ASCII class on the bytes as Java's regex replaceAll does", () => {
    const patterns = fc.constantFrom("[0-9]+", "\\d+", "\\d", "[a-c]", "[_,;-]+", "\\s+", "\\w+", "[A-Za-z]+", "[.$|]");
    const rows = fc.array(fc.option(fc.string({ unit: fc.constantFrom("a", "b", "Z", "0", "7", "_", " ", "\t", ",", ".", "$", "ß", "İ", "😀", "-") }), { nil: null }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(rows, patterns, fc.constantFrom("#", "", "<>", "é"), (values, pattern, rep) => {
        const cls = asciiClassPattern(pattern)!;
        expect(cls).not.toBeNull();
        const n = values.length;
        const validity = Uint8Array.from(values, (v) => (v === null ? 0 : 1));
        const out = replaceAsciiClass(utf8FromStrings(values), n, cls, new TextEncoder().encode(rep), validity);
        const got = utf8Strings(out, n).map((s, i) => (values[i] === null ? null : s));
        expect(got).toEqual(values.map((s) => (s === null ? null : s.replace(javaRegExp(pattern, true, "regexp_replace"), rep))));
      }),
    );
  });

  it("takes the byte path only for one ASCII class", () => {
    expect(["[0-9]+", "\\d", "[a-]", "[-a]"].map((p) => asciiClassPattern(p) !== null)).toEqual([true, true, true, true]);
    expect(["[^0-9]+", "[0-9]*", "[0-9]+?", "[0-9]++", "[ä]", "[a&&b]", "[\\d]", "a+", "(x)", "[]"].map(asciiClassPattern)).toEqual(new Array(10).fill(null));
  });
});
