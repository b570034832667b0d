import { describe, expect, it } from "vitest";
import { Utf8Builder, utf8At } from "../../../src/columnar/utf8.js";
import { fixedLayout, formatFixed, formatFixedBatch, parseFixed, parseFixedBatch, type FixedParsed } from "../../../src/expr/datetime/fixed-layout.js";
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

describe(`fixed-layout datetime patterns (seed ${FUZZ_SEED})`, () => {
  it("finds a layout only for patterns of fixed width", () => {
    for (const p of FIXED) expect(fixedLayout(compilePattern(p, false)), p).not.toBeNull();
    for (const p of NOT_FIXED) expect(fixedLayout(compilePattern(p, false)), p).toBeNull();
    expect(fixedLayout(compilePattern("yyyy-MM-dd HH:mm:ss", false))!.width).toBe(19);
  });

  it("formats as the general formatter does, and declines years outside 0–9999", () => {
    const rnd = new FuzzRandom(FUZZ_SEED);
    for (const p of FIXED) {
      const layout = fixedLayout(compilePattern(p, false))!;
      for (let k = 0; k < 400; k++) {
        // Days over years −200 … 12000, so both edges of the covered range are crossed.
        const days = (rnd.next() % 4_450_000) - 792_000;
        const sod = rnd.next() % 86400;
        const micros = rnd.next() % 1_000_000;
        const b = new Utf8Builder(1, 8);
        if (formatFixed(layout, b, days, sod, micros)) expect(utf8At(b.finish(), 0), `${p} ${days} ${sod} ${micros}`).toBe(general(p, days, sod, micros));
        else expect(yearOfDays(days) < 0 || yearOfDays(days) > 9999, `${p} declined ${days}`).toBe(true);
      }
    }
  });

  it("formats a batch slot by slot exactly as row by row, and declines a batch with a year outside 0–9999", () => {
    const rnd = new FuzzRandom(FUZZ_SEED ^ 0x1234);
    for (const p of FIXED) {
      const layout = fixedLayout(compilePattern(p, false))!;
      const n = 300;
      const days = Int32Array.from({ length: n }, () => (rnd.next() % 3_600_000) - 719_000);
      const sods = Int32Array.from({ length: n }, () => rnd.next() % 86400);
      const micros = Float64Array.from({ length: n }, () => rnd.next() % 1_000_000);
      const bytes = formatFixedBatch(layout, days, sods, micros, n)!;
      const dec = new TextDecoder();
      for (let i = 0; i < n; i++) {
        const b = new Utf8Builder(1, 8);
        expect(formatFixed(layout, b, days[i]!, sods[i]!, micros[i]!)).toBe(true);
        expect(dec.decode(bytes.subarray(i * layout.width, (i + 1) * layout.width)), `${p} ${days[i]}`).toBe(utf8At(b.finish(), 0));
      }
      days[n >> 1] = -800_000; // year −221
      expect(formatFixedBatch(layout, days, sods, micros, n)).toBeNull();
    }
  });

  it("parses exactly what the general parser parses to the same value, and declines the rest", () => {
    const rnd = new FuzzRandom(FUZZ_SEED ^ 0x5a5a);
    const enc = new TextEncoder();
    const res = newParseResult();
    const fast: FixedParsed = { days: 0, secondOfDay: 0, micros: 0 };
    let agreed = 0;
    for (const p of FIXED) {
      const compiled = compilePattern(p, true);
      const layout = fixedLayout(compiled)!;
      const parser = new PatternParser(compiled);
      for (let k = 0; k < 600; k++) {
        const days = (rnd.next() % 3_000_000) - 700_000;
        let text = general(p, days, rnd.next() % 86400, rnd.next() % 1_000_000);
        // Mutate some texts: a digit replaced (out-of-range fields, Feb 30), a letter case, a byte dropped.
        const m = rnd.next() % 4;
        const at = rnd.next() % text.length;
        if (m === 1) text = text.slice(0, at) + String(rnd.next() % 10) + text.slice(at + 1);
        else if (m === 2) text = text.toLowerCase();
        else if (m === 3) text = text.slice(0, at) + text.slice(at + 1);
        const b = enc.encode(text);
        const ok = parser.parse(b, 0, b.length, res);
        if (parseFixed(layout, b, 0, b.length, fast)) {
          expect(ok, `${p} '${text}' fast-parsed but Java rejects it: ${res.error}`).toBe(true);
          expect([fast.days, fast.secondOfDay, fast.micros], `${p} '${text}'`).toEqual([res.days, res.secondOfDay, res.micros]);
          agreed++;
        }
      }
    }
    expect(agreed).toBeGreaterThan(FIXED.length * 300);
  });

  it("parses a batch slot by slot exactly as row by row (parseFixedBatch against parseFixed)", () => {
    const rnd = new FuzzRandom(FUZZ_SEED ^ 0x3c3c);
    const enc = new TextEncoder();
    const fast: FixedParsed = { days: 0, secondOfDay: 0, micros: 0 };
    for (const p of FIXED) {
      const layout = fixedLayout(compilePattern(p, true))!;
      const texts: string[] = [];
      for (let k = 0; k < 500; k++) {
        let text = general(p, (rnd.next() % 3_000_000) - 700_000, rnd.next() % 86400, rnd.next() % 1_000_000);
        const m = rnd.next() % 5;
        const at = rnd.next() % text.length;
        if (m === 1) text = text.slice(0, at) + String.fromCharCode(0x2f + (rnd.next() % 12)) + text.slice(at + 1);
        else if (m === 2) text = text.toLowerCase();
        else if (m === 3) text = text.slice(0, at) + text.slice(at + 1);
        texts.push(text);
      }
      const parts = texts.map((t) => enc.encode(t));
      const offsets = new Int32Array(parts.length + 1);
      parts.forEach((b, i) => (offsets[i + 1] = offsets[i]! + b.length));
      const bytes = new Uint8Array(offsets[parts.length]!);
      parts.forEach((b, i) => bytes.set(b, offsets[i]!));
      // every 7th row is null: never parsed
      const skip = Uint8Array.from(parts, (_b, i) => (i % 7 === 3 ? 0 : 1));
      const batch = parseFixedBatch(layout, bytes, offsets, parts.length, skip);
      parts.forEach((_b, i) => {
        const one = skip[i] === 1 && parseFixed(layout, bytes, offsets[i]!, offsets[i + 1]!, fast);
        expect(batch.ok[i], `${p} '${texts[i]}'`).toBe(one ? 1 : 0);
        if (one) expect([batch.days[i], batch.secondOfDay[i], batch.micros[i]], `${p} '${texts[i]}'`).toEqual([fast.days, fast.secondOfDay, fast.micros]);
      });
    }
  });

  it("declines text in another case, which the case-insensitive parser still accepts", () => {
    const compiled = compilePattern("yyyy-MM-dd'T'HH:mm", true);
    const b = new TextEncoder().encode("2024-03-05t07:08");
    expect(parseFixed(fixedLayout(compiled)!, b, 0, b.length, { days: 0, secondOfDay: 0, micros: 0 })).toBe(false);
    expect(new PatternParser(compiled).parse(b, 0, b.length, newParseResult())).toBe(true);
  });
});
