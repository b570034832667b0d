import { describe, expect, it } from "vitest";
import { utf8FromStrings } from "../../../src/columnar/utf8.js";
import { prefixWords } from "../../../src/exec/sort/utf8-prefix.js";

describe("prefixWords", () => {
  it("takes the same words from UTF-8 storage as from JS strings", () => {
    const values = ["", "a", "abcd", "abcde", "abcdefgh", "abcdefghij", "é", "😀x", "a\u0000", "zzzzzzzzz"];
    const d = utf8FromStrings(values);
    const a = prefixWords({ kind: "utf8", offsets: d.offsets, bytes: d.bytes }, values.length, null);
    const b = prefixWords({ kind: "jsStrings", values }, values.length, null);
    expect(Array.from(a.hi)).toEqual(Array.from(b.hi));
    expect(Array.from(a.lo)).toEqual(Array.from(b.lo));
    expect(a.hi[2]).toBe(0x61626364);
    expect(a.lo[4]).toBe(0x65666768);
    const masked = prefixWords({ kind: "utf8", offsets: d.offsets, bytes: d.bytes }, values.length, Uint8Array.from(values.map((_, i) => (i === 2 ? 0 : 1))));
    expect(masked.hi[2]).toBe(0);
  });
});
