import { describe, expect, it } from "vitest";
import { Utf8Builder, utf8At } from "../../../src/columnar/utf8.js";
import { SparkException } from "../../../src/errors/spark-exception.js";
import { floorDiv } from "../../../src/expr/datetime/civil.js";
import { compilePattern } from "../../../src/expr/datetime/pattern.js";
import { PatternFormatter } from "../../../src/expr/datetime/pattern-format.js";
import { newParseResult, PatternParser } from "../../../src/expr/datetime/pattern-parse.js";
import { zoneRules } from "../../../src/expr/datetime/zone-rules.js";
import { FUZZ_SEED, FuzzRandom } from "../../fuzz-seed.js";

function format(pattern: string, epochSecond: number, micros: number, zone: string): string {
  const z = zoneRules(zone)!;
  const f = new PatternFormatter(compilePattern(pattern, false), z);
  const b = new Utf8Builder(1, 16);
  const off = z.offsetAt(epochSecond);
  const local = epochSecond + off;
  const days = floorDiv(local, 86400);
  f.format(b, days, local - days * 86400, micros, off, epochSecond);
  return utf8At(b.finish(), 0);
}

function errorClassOf(pattern: string, parsing = false): string {
  try {
    compilePattern(pattern, parsing);
    return "ok";
  } catch (e) {
    return e instanceof SparkException ? `${e.exceptionName} ${e.errorClass}` : String(e);
  }
}

describe(`datetime patterns (seed ${FUZZ_SEED})`, () => {
  it("formats as DateTimeFormatter does", () => {
    const t = Date.UTC(2024, 2, 5, 7, 8, 9) / 1000;
    expect(format("yyyy-MM-dd HH:mm:ss.SSS", t, 12345, "UTC")).toBe("2024-03-05 07:08:09.012");
    expect(format("EEE EEEE MMM MMMM d D a h K k", t, 0, "UTC")).toBe("Tue Tuesday Mar March 5 65 AM 7 7 7");
    expect(format("'quoted ''text'''", t, 0, "UTC")).toBe("quoted 'text'");
    expect(format("XXX xx Z O VV z", t, 0, "America/Los_Angeles")).toBe("-08:00 -0800 -0800 GMT-8 America/Los_Angeles PST");
  });

  it("round-trips: parsing the formatted text gives the instant back", () => {
    const rnd = new FuzzRandom(FUZZ_SEED);
    const patterns = ["yyyy-MM-dd HH:mm:ss.SSSSSS", "yyyyMMddHHmmss.SSSSSS", "dd/MM/yyyy hh:mm:ss.SSSSSS a", "MMM d yyyy H:m:s.SSSSSS XXX", "yyyy-DDD HH:mm:ss.SSSSSS VV"];
    const res = newParseResult();
    for (const zone of ["UTC", "Europe/Berlin", "America/Los_Angeles"]) {
      const z = zoneRules(zone)!;
      for (const p of patterns) {
        const parser = new PatternParser(compilePattern(p, true));
        for (let i = 0; i < 200; i++) {
          const s = (rnd.next() % 3000000000) - 500000000;
          const us = rnd.next() % 1000000;
          const text = format(p, s, us, zone);
          const bytes = new TextEncoder().encode(text);
          expect(parser.parse(bytes, 0, bytes.length, res), `${p} ${text}`).toBe(true);
          const local = res.days * 86400 + res.secondOfDay;
          const back = res.offset !== null ? local - res.offset : (res.zone ?? z).localToUtc(local);
          // Wall clocks inside a fall-back overlap name two instants; the zone-free patterns keep the earlier.
          const ambiguous = z.offsetAt(s) !== z.offsetAt(s - 3600) || z.offsetAt(s) !== z.offsetAt(s + 3600);
          if (!ambiguous || res.offset !== null) expect(back, `${p} ${text}`).toBe(s);
          expect(res.micros).toBe(us);
        }
      }
    }
  });

  it("raises Spark 4's errors for patterns it rejects", () => {
    expect(errorClassOf("YYYY")).toBe("SparkUpgradeException INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION");
    expect(errorClassOf("e")).toBe("IllegalArgumentException INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN");
    expect(errorClassOf("A")).toBe("IllegalArgumentException INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER");
    expect(errorClassOf("EEE yyyy", true)).toBe("SparkUpgradeException INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION");
    expect(errorClassOf("Q yyyy", true)).toBe("IllegalArgumentException INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER");
    expect(errorClassOf("'open")).toBe("IllegalArgumentException ");
    expect(errorClassOf("ddd")).toBe("SparkUpgradeException INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION");
  });

  it("reports Java's parse failures", () => {
    const res = newParseResult();
    const parse = (p: string, s: string): string => {
      const b = new TextEncoder().encode(s);
      return new PatternParser(compilePattern(p, true)).parse(b, 0, b.length, res) ? "ok" : res.error;
    };
    expect(parse("yyyy-MM-dd", "2024-3-5")).toBe("could not be parsed at index 5");
    expect(parse("yyyy", "2024-13-01")).toBe("could not be parsed, unparsed text found at index 4");
    expect(parse("yyyy-MM-dd", "2024-02-30")).toBe("could not be parsed: Invalid date 'FEBRUARY 30'");
    expect(parse("yyyy-MM-dd HH:mm", "2024-03-05 25:00")).toBe("could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 25");
  });
});
