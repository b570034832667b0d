import { describe, expect, it } from "vitest";
import { vectorFromValues } from "../../../src/columnar/builder.js";
import { vectorToValues } from "../../../src/columnar/rows.js";
import { broadcast, markConstant } from "../../../src/expr/eval/vectors.js";
import { changeCase } from "../../../src/expr/kernels/string-case.js";
import { utf8Length, utf8Substring, utf8Trim } from "../../../src/expr/kernels/string-slice.js";
import { utf8Concat, utf8ConcatWs } from "../../../src/expr/kernels/string-concat.js";
import { utf8Like, utf8Placement, utf8Rlike } from "../../../src/expr/kernels/string-match.js";
import { javaSplit } from "../../../src/expr/kernels/string-split.js";
import { likeToRegExp } from "../../../src/expr/functions/like.js";
import { sparkSubstring } from "../../../src/expr/functions/string.js";
import { IntegerType, StringType } from "../../../src/types/data-type.js";

const str = (xs: readonly (string | null)[]) => vectorFromValues(StringType, xs);
const lit = (s: string, n: number) => markConstant(broadcast(StringType, s, n));
const ints = (xs: readonly number[]) => vectorFromValues(IntegerType, xs);

describe("string kernels over UTF-8 bytes", () => {
  it("lower/upper: ASCII byte maps, others through Unicode case mapping", () => {
    const v = str(["AbC", "Straße", "ÉCOLE", null, ""]);
    expect(vectorToValues(changeCase(v, false))).toEqual(["abc", "straße", "école", null, ""]);
    expect(vectorToValues(changeCase(v, true))).toEqual(["ABC", "STRASSE", "ÉCOLE", null, ""]);
    expect(vectorToValues(changeCase(str(["MiXeD", "ascii"]), false))).toEqual(["mixed", "ascii"]);
    const mixed = ["ΟΔΟΣ ΣΑ", "Wörd_ÆØ", "İstanbul", "ﬀ ß", "\u{10400}x", "a\u{1F600}B"];
    expect(vectorToValues(changeCase(str(mixed), false))).toEqual(mixed.map((x) => x.toLowerCase()));
    expect(vectorToValues(changeCase(str(mixed), true))).toEqual(mixed.map((x) => x.toUpperCase()));
  });

  it("length counts code points", () => {
    expect(vectorToValues(utf8Length(str(["", "abc", "héllo", "\u{1F600}x", null])))).toEqual([0, 3, 5, 2, null]);
  });

  it("substring matches Spark's substringSQL on code points (checked against a string reference)", () => {
    const words = ["", "a", "hello", "héllo wörld", "\u{1F600}\u{1F601}ab", "日本語テキスト"];
    const positions = [-8, -3, -1, 0, 1, 2, 5, 9];
    const lengths = [-1, 0, 1, 2, 4, 100, 2147483647];
    const s: string[] = [];
    const p: number[] = [];
    const l: number[] = [];
    for (const w of words) for (const a of positions) for (const b of lengths) (s.push(w), p.push(a), l.push(b));
    const got = vectorToValues(utf8Substring(str(s), ints(p), ints(l)));
    expect(got).toEqual(s.map((w, i) => sparkSubstring(w, p[i]!, l[i]!)));
  });

  it("trims ASCII spaces only", () => {
    const v = str(["  a b  ", "\ta ", "", "   "]);
    expect(vectorToValues(utf8Trim(v, true, true))).toEqual(["a b", "\ta", "", ""]);
    expect(vectorToValues(utf8Trim(v, true, false))).toEqual(["a b  ", "\ta ", "", ""]);
    expect(vectorToValues(utf8Trim(v, false, true))).toEqual(["  a b", "\ta", "", ""]);
  });

  it("concat is null when any input is; concat_ws skips nulls", () => {
    const a = str(["a", "é", null]);
    const b = str(["1", null, "3"]);
    expect(vectorToValues(utf8Concat([a, b], 3))).toEqual(["a1", null, null]);
    expect(vectorToValues(utf8ConcatWs(lit("--", 3), [a, b], 3))).toEqual(["a--1", "é", "3"]);
  });

  it("LIKE: simple shapes as byte tests, the rest through the regex, same answers", () => {
    const v = str(["hello", "héllo", "help", "ohell", null]);
    for (const p of ["hel%", "%llo", "%ll%", "hello", "h_llo", "%l_o", "h%o"]) {
      const re = likeToRegExp(p);
      const want = ["hello", "héllo", "help", "ohell", null].map((x) => (x === null ? null : re.test(x)));
      expect(vectorToValues(utf8Like(v, lit(p, 5), likeToRegExp)), p).toEqual(want);
    }
  });

  it("contains/startswith/endswith compare bytes", () => {
    const v = str(["héllo", "hello", null]);
    expect(vectorToValues(utf8Placement(v, lit("él", 3), "contains"))).toEqual([true, false, null]);
    expect(vectorToValues(utf8Placement(v, str(["h", "x", "h"]), "startsWith"))).toEqual([true, false, null]);
    expect(vectorToValues(utf8Placement(v, lit("", 3), "endsWith"))).toEqual([true, true, null]);
  });

  it("rlike uses Java regex semantics", () => {
    expect(vectorToValues(utf8Rlike(str(["aaa", "x\n", "A1"]), str(["a*+a", "x$", "^(?i)a\\d$"])))).toEqual([false, true, true]);
  });

  it("split follows Java's String.split with Spark's limit rule", () => {
    expect(javaSplit("a1b22c", "\\d+", -1)).toEqual(["a", "b", "c"]);
    expect(javaSplit("a,b,,", ",", -1)).toEqual(["a", "b", "", ""]);
    expect(javaSplit("a,b,,", ",", 0)).toEqual(["a", "b", "", ""]);
    expect(javaSplit("a,b,c", ",", 2)).toEqual(["a", "b,c"]);
    expect(javaSplit("abc", "", -1)).toEqual(["a", "b", "c", ""]);
    expect(javaSplit(",a", ",", -1)).toEqual(["", "a"]);
    expect(javaSplit("", ",", -1)).toEqual([""]);
  });
});
