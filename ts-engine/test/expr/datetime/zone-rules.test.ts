import { describe, expect, it } from "vitest";
import { zoneRules } from "../../../src/expr/datetime/zone-rules.js";
import { FUZZ_SEED, FuzzRandom } from "../../fuzz-seed.js";

/** Intl's offset at one instant, the slow way the cached transition tables replace. */
function intlOffset(zone: string, epochSecond: number): number {
  const f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", era: "short", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
  const p: Record<string, string> = {};
  for (const x of f.formatToParts(epochSecond * 1000)) p[x.type] = x.value;
  let y = Number(p["year"]);
  if (p["era"] === "BC") y = 1 - y;
  const local = Date.UTC(y, Number(p["month"]) - 1, Number(p["day"]), Number(p["hour"]), Number(p["minute"]), Number(p["second"])) / 1000;
  // Date.UTC maps years 0–99 to 1900+; only modern instants are sampled below.
  return local - epochSecond;
}

describe(`zone rules (seed ${FUZZ_SEED})`, () => {
  it("resolves DST gaps forward and overlaps to the earlier offset, as ZonedDateTime.ofLocal", () => {
    const la = zoneRules("America/Los_Angeles")!;
    const local = (y: number, mo: number, d: number, h: number, mi: number): number => Date.UTC(y, mo - 1, d, h, mi) / 1000;
    expect(la.localToUtc(local(2024, 3, 10, 2, 30))).toBe(local(2024, 3, 10, 10, 30)); // gap: 03:30 PDT
    expect(la.localToUtc(local(2024, 11, 3, 1, 30))).toBe(local(2024, 11, 3, 8, 30)); // overlap: PDT
    expect(la.localToUtc(local(2024, 11, 3, 2, 30))).toBe(local(2024, 11, 3, 10, 30));
    const berlin = zoneRules("Europe/Berlin")!;
    expect(berlin.localToUtc(local(2024, 3, 31, 2, 30))).toBe(local(2024, 3, 31, 1, 30)); // gap: 03:30 CEST
    expect(berlin.localToUtc(local(2024, 10, 27, 2, 30))).toBe(local(2024, 10, 27, 0, 30)); // overlap: CEST
  });

  it("offsets from the cached transition tables equal Intl's at random instants", () => {
    const rnd = new FuzzRandom(FUZZ_SEED);
    for (const zone of ["America/Los_Angeles", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "America/Sao_Paulo"]) {
      const rules = zoneRules(zone)!;
      for (let i = 0; i < 300; i++) {
        const s = (rnd.next() % 4000000000) - 1500000000;
        expect(rules.offsetAt(s), `${zone} at ${s}`).toBe(intlOffset(zone, s));
      }
    }
  });

  it("reads zone ids as Spark's getZoneId: offsets, prefixes, SHORT_IDS; rejects unknown and miscased ids", () => {
    expect(zoneRules("+8:00")?.id).toBe("+08:00");
    expect(zoneRules("UTC+2")?.id).toBe("UTC+02:00");
    expect(zoneRules("PST")?.id).toBe("America/Los_Angeles");
    expect(zoneRules("EST")?.offsetAt(0)).toBe(-18000);
    expect(zoneRules("Z")?.offsetAt(0)).toBe(0);
    expect(zoneRules("Nowhere/City")).toBeNull();
    expect(zoneRules("america/los_angeles")).toBeNull();
    expect(zoneRules("+19:00")).toBeNull();
  });
});
