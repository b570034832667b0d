import { describe, expect, it } from "vitest";
import { unscaled } from "../../../src/columnar/decimal-value.js";
import { fastUnscaled } from "../../../src/io/csv/column-builders.js";
import { parseDecimalValue } from "../../../src/io/csv/csv-values.js";
import { FUZZ_SEED, FuzzRandom } from "../../fuzz-seed.js";

const enc = new TextEncoder();

describe("CSV decimals read from bytes", () => {
  it(`agree with Spark's BigDecimal path wherever the fast path answers (seed ${FUZZ_SEED})`, () => {
    const rnd = new FuzzRandom(FUZZ_SEED);
    const pick = (n: number): number => rnd.next() % n;
    const chars = "0123456789.-+,e ";
    let fast = 0;
    for (let k = 0; k < 20000; k++) {
      const precision = 1 + pick(18);
      const scale = pick(precision + 1);
      const len = 1 + pick(14);
      let s = "";
      for (let i = 0; i < len; i++) s += pick(4) === 0 ? chars[pick(chars.length)] : chars[pick(10)];
      const b = enc.encode(s);
      const u = fastUnscaled(b, 0, b.length, precision, scale);
      if (Number.isNaN(u)) continue;
      const slow = parseDecimalValue(s, precision, scale);
      fast++;
      expect(slow, `${s} (${precision},${scale})`).toBeDefined();
      expect(BigInt(u), `${s} (${precision},${scale})`).toBe(unscaled(slow!, scale));
    }
    expect(fast).toBeGreaterThan(2000);
  });

  it("leaves rounding, exponents, grouping and overflow to the BigDecimal path", () => {
    const f = (s: string, p: number, sc: number): number => fastUnscaled(enc.encode(s), 0, s.length, p, sc);
    expect(f("1.25", 15, 2)).toBe(125);
    expect(f("-0.5", 15, 2)).toBe(-50);
    expect(f("12.", 5, 1)).toBe(120);
    expect(f("1.255", 15, 2)).toBeNaN(); // HALF_UP rounding
    expect(f("1e3", 15, 2)).toBeNaN();
    expect(f("1,000", 15, 2)).toBeNaN();
    expect(f("1000", 4, 2)).toBeNaN(); // 100000 has 6 digits > precision 4
    expect(f("1234567890123456", 18, 0)).toBe(1234567890123456); // 16 digits, below 2^53: exact
    expect(f("9007199254740993", 18, 0)).toBeNaN(); // past 2^53: not exact in a double
    expect(f("900719925474099.3", 18, 2)).toBeNaN(); // exact digits, but past 2^53 once scaled
  });
});
