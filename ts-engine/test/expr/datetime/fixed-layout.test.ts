import { describe, expect, it } from "vitest";
import { Utf8Builder, utf8At } from "../../../src/columnar/utf8.js";
import { fixedLayout, formatFixedBatch, parseFixedBatch, type FixedLayout } from "../../../src/expr/datetime/fixed-layout.js";
import { yearOfDays } from "../../../src/expr/datetime/civil.js";
import { compilePattern } from "../../../src/expr/datetime/pattern.js";
import { PatternFormatter } from "../../../src/expr/datetime/pattern-format.js";
import { newParseResult, PatternParser } from "../../../src/expr/datetime/pattern-parse.js";
import { zoneRules } from "../../../src/expr/datetime/zone-rules.js";
import { FUZZ_SEED, FuzzRandom } from "../../fuzz-seed.js";

const FIXED = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "yyyyMMdd", "dd/MM/yyyy HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss.SSSSSS", "HH:mm", "yyyyMMddHHmmss", "MM-dd", "yyyy-MM-dd HH:mm:ss.SSSSSSSSS"];
const NOT_FIXED = ["yyyy-M-d", "yyyy-MM-dd HH:mm:ss.SSS XXX", "yyyySSS", "EEE yyyy", "G yyyy-MM-dd", "yy-MM-dd", "d/M/yyyy", "yyyy-MM-dd HH:mm:ss z"];
const UTC = zoneRules("UTC")!;

function general(pattern: string, days: number, sod: number, micros: number): string {
  const f = new PatternFormatter(compilePattern(pattern, false), UTC);
  const b = new Utf8Builder(1, 16);
  f.format(b, days, sod, micros, 0, days * 86400 + sod);
  return utf8At(b.finish(), 0);
}

/** parseFixedBatch over JS texts, encoded into one UTF-8 storage. */
function parseBatch(layout: FixedLayout, texts: readonly string[], skip: Uint8Array): ReturnType<typeof parseFixedBatch> {
  const enc = new TextEncoder();
  const parts = texts.map((t) => enc.encode(t));
  const offsets = new Int32Array(parts.length + 1);
  parts.forEach((b, i) => (offsets[i + 1] = offsets[i]! + b.length));
  const bytes = new Uint8Array(offsets[parts.length]!);
  parts.forEach((b, i) => bytes.set(b, offsets[i]!));
  return parseFixedBatch(layout, bytes, offsets, parts.length, skip);
}

describe(`fixed-layout datetime patterns (seed ${FUZZ_SEED})`, () => {
  it("finds a layout only for patterns of fixed width", () => {
    for (const p of FIXED) expect(fixedLayout(compilePattern(p, false)), p).not.toBeNull();
    for (const p of NOT_FIXED) expect(fixedLayout(compilePattern(p, false)), p).toBeNull();
    expect(fixedLayout(compilePattern("yyyy-MM-dd HH:mm:ss", false))!.width).toBe(19);
  });

  it("formats a batch slot by slot as the general formatter does, and declines a batch with a year outside 0–9999", () => {
    const rnd = new FuzzRandom(FUZZ_SEED ^ 0x1234);
    for (const p of FIXED) {
      const layout = fixedLayout(compilePattern(p, false))!;
      const n = 400;
      // days over years 0 … 9999, both edges of the covered range included
      const days = Int32Array.from({ length: n }, (_x, i) => (i === 0 ? -719528 : i === 1 ? 2932896 : (rnd.next() % 3_652_424) - 719_528));
      const sods = Int32Array.from({ length: n }, () => rnd.next() % 86400);
      const micros = Float64Array.from({ length: n }, () => rnd.next() % 1_000_000);
      const bytes = formatFixedBatch(layout, days, sods, micros, n)!;
      const dec = new TextDecoder();
      for (let i = 0; i < n; i++) {
        expect(yearOfDays(days[i]!) >= 0 && yearOfDays(days[i]!) <= 9999).toBe(true);
        expect(dec.decode(bytes.subarray(i * layout.width, (i + 1) * layout.width)), `${p} ${days[i]}`).toBe(general(p, days[i]!, sods[i]!, micros[i]!));
      }
      for (const outside of [-800_000, -719_529, 2_932_897]) {
        days[n >> 1] = outside; // years −221, −1, 10000
        expect(formatFixedBatch(layout, days, sods, micros, n), `${p} ${outside}`).toBeNull();
      }
    }
  });

  it("parses a batch slot by slot to exactly what the general parser gives, and declines the rest", () => {
    const rnd = new FuzzRandom(FUZZ_SEED ^ 0x3c3c);
    const res = newParseResult();
    let agreed = 0;
    for (const p of FIXED) {
      const compiled = compilePattern(p, true);
      const layout = fixedLayout(compiled)!;
      const parser = new PatternParser(compiled);
      const texts: string[] = [];
      for (let k = 0; k < 600; k++) {
        let text = general(p, (rnd.next() % 3_000_000) - 700_000, rnd.next() % 86400, rnd.next() % 1_000_000);
        // Mutate some texts: a digit or a byte around the digits replaced (out-of-range
        // fields, Feb 30), a letter case, a byte dropped.
        const m = rnd.next() % 5;
        const at = rnd.next() % text.length;
        if (m === 1) text = text.slice(0, at) + String(rnd.next() % 10) + text.slice(at + 1);
        else if (m === 2) text = text.toLowerCase();
        else if (m === 3) text = text.slice(0, at) + text.slice(at + 1);
        else if (m === 4) text = text.slice(0, at) + String.fromCharCode(0x2f + (rnd.next() % 12)) + text.slice(at + 1);
        texts.push(text);
      }
      // every 7th row is null: never parsed
      const skip = Uint8Array.from(texts, (_t, i) => (i % 7 === 3 ? 0 : 1));
      const batch = parseBatch(layout, texts, skip);
      texts.forEach((text, i) => {
        if (skip[i] === 0) {
          expect(batch.ok[i]).toBe(0);
          return;
        }
        if (batch.ok[i] !== 1) return;
        const b = new TextEncoder().encode(text);
        expect(parser.parse(b, 0, b.length, res), `${p} '${text}' fast-parsed but Java rejects it: ${res.error}`).toBe(true);
        expect([batch.days[i], batch.secondOfDay[i], batch.micros[i]], `${p} '${text}'`).toEqual([res.days, res.secondOfDay, res.micros]);
        agreed++;
      });
    }
    expect(agreed).toBeGreaterThan(FIXED.length * 250);
  });

  it("declines text in another case, which the case-insensitive parser still accepts", () => {
    const compiled = compilePattern("yyyy-MM-dd'T'HH:mm", true);
    const b = new TextEncoder().encode("2024-03-05t07:08");
    expect(parseBatch(fixedLayout(compiled)!, ["2024-03-05t07:08", "2024-03-05T07:08"], Uint8Array.of(1, 1)).ok).toEqual(Uint8Array.of(0, 1));
    expect(new PatternParser(compiled).parse(b, 0, b.length, newParseResult())).toBe(true);
  });
});
