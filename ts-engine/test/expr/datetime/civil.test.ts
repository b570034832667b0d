import { describe, expect, it } from "vitest";
import { addMonthsToDays, civilFromDays, dayOfYear, daysFromCivil, isoDayOfWeek, isoWeek, yearOfDays } from "../../../src/expr/datetime/civil.js";
import { FUZZ_SEED, FuzzRandom } from "../../fuzz-seed.js";

const DAY_MS = 86400000;

/** The reference: JS Date's proleptic Gregorian UTC calendar (valid for ±275k years). */
function reference(days: number): [number, number, number] {
  const d = new Date(days * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

describe(`civil-date arithmetic (seed ${FUZZ_SEED})`, () => {
  const rnd = new FuzzRandom(FUZZ_SEED);
  // Day numbers across ±100k years, plus the edges people hit: epoch, leap days, month ends.
  const samples = [0, -1, 1, 59, 60, 11016, 11017, -719162, 2932896];
  for (let i = 0; i < 20000; i++) samples.push((rnd.next() % 73000000) - 36500000);

  it("civilFromDays agrees with the proleptic Gregorian calendar of Date.UTC", () => {
    for (const d of samples) expect(civilFromDays(d)).toEqual(reference(d));
  });

  it("daysFromCivil inverts civilFromDays, and yearOfDays is its year", () => {
    for (const d of samples) {
      const [y, m, dd] = civilFromDays(d);
      expect(daysFromCivil(y, m, dd)).toBe(d);
      expect(yearOfDays(d)).toBe(y);
    }
  });

  it("day of week and day of year agree with Date", () => {
    for (const d of samples.slice(0, 2000)) {
      const date = new Date(d * DAY_MS);
      expect(isoDayOfWeek(d) % 7).toBe(date.getUTCDay());
      const jan1 = new Date(0);
      jan1.setUTCFullYear(date.getUTCFullYear(), 0, 1);
      expect(dayOfYear(d)).toBe(d - Math.floor(jan1.getTime() / DAY_MS) + 1);
    }
  });

  it("add_months clamps to the month end as LocalDate.plusMonths", () => {
    const s = new Int32Array(3);
    expect(civilFromDays(addMonthsToDays(daysFromCivil(2024, 1, 31), 1, s))).toEqual([2024, 2, 29]);
    expect(civilFromDays(addMonthsToDays(daysFromCivil(2023, 3, 31), -13, s))).toEqual([2022, 2, 28]);
    for (const d of samples.slice(0, 5000)) {
      const k = (rnd.next() % 2401) - 1200;
      const [y, m, dd] = civilFromDays(d);
      const total = y * 12 + (m - 1) + k;
      const ty = Math.floor(total / 12);
      const tm = total - ty * 12 + 1;
      const last = reference(daysFromCivil(tm === 12 ? ty + 1 : ty, tm === 12 ? 1 : tm + 1, 1) - 1)[2];
      expect(civilFromDays(addMonthsToDays(d, k, s))).toEqual([ty, tm, Math.min(dd, last)]);
    }
  });

  it("ISO weeks: week 1 holds the year's first Thursday", () => {
    expect(isoWeek(daysFromCivil(2021, 1, 3))).toEqual([2020, 53]);
    expect(isoWeek(daysFromCivil(1969, 12, 31))).toEqual([1970, 1]);
    expect(isoWeek(daysFromCivil(2024, 2, 29))).toEqual([2024, 9]);
  });
});
