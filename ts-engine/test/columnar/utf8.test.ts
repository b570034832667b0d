import { describe, expect, it } from "vitest";
import { vectorFromValues } from "../../src/columnar/builder.js";
import { concatVectors, sliceVector, vectorToValues } from "../../src/columnar/rows.js";
import { takeVector } from "../../src/columnar/take.js";
import { compareUtf8, utf8FromStrings, utf8Strings } from "../../src/columnar/utf8.js";
import { expectStorage } from "../../src/columnar/vector.js";
import { StringType } from "../../src/types/data-type.js";

const SAMPLES = ["", "a", "héllo", "日本語", "\u{1F600}", "\uFF61", "z", "ab\u0000"];

describe("UTF-8 string vectors", () => {
  it("stores strings as offsets + UTF-8 bytes and decodes them back", () => {
    const v = vectorFromValues(StringType, ["ab", "é", null, "\u{1F600}"]);
    const d = expectStorage(v, "utf8").data;
    expect(Array.from(d.offsets)).toEqual([0, 2, 4, 4, 8]);
    expect(Array.from(d.bytes.subarray(2, 4))).toEqual([0xc3, 0xa9]);
    expect(vectorToValues(v)).toEqual(["ab", "é", null, "\u{1F600}"]);
  });

  it("slices without copying bytes, takes and concatenates", () => {
    const v = vectorFromValues(StringType, SAMPLES);
    const s = sliceVector(v, 2, 5);
    expect(expectStorage(s, "utf8").data.bytes).toBe(expectStorage(v, "utf8").data.bytes);
    expect(vectorToValues(s)).toEqual(SAMPLES.slice(2, 5));
    expect(vectorToValues(takeVector(s, Int32Array.from([2, -1, 0])))).toEqual([SAMPLES[4], null, SAMPLES[2]]);
    expect(vectorToValues(concatVectors([s, v]))).toEqual([...SAMPLES.slice(2, 5), ...SAMPLES]);
    expect(utf8Strings(expectStorage(concatVectors([s, s]), "utf8").data, 6)).toEqual([...SAMPLES.slice(2, 5), ...SAMPLES.slice(2, 5)]);
  });

  it("decodes a non-ASCII batch in one pass, surrogate pairs included", () => {
    const xs = ["é", "", "\u{1F600}a", "日本", "x", "\u{10400}\u{10401}"];
    expect(utf8Strings(utf8FromStrings(xs), xs.length)).toEqual(xs);
  });

  it("orders bytes as code points (not UTF-16 units)", () => {
    const cp = (a: string, b: string): number => {
      const x = [...a].map((c) => c.codePointAt(0)!);
      const y = [...b].map((c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return Math.sign(x.length - y.length);
    };
    for (const a of SAMPLES) {
      for (const b of SAMPLES) {
        const ea = utf8FromStrings([a]).bytes;
        const eb = utf8FromStrings([b]).bytes;
        expect(compareUtf8(ea, 0, ea.length, eb, 0, eb.length), `${a} vs ${b}`).toBe(cp(a, b));
      }
    }
  });
});
