import type { ZoneRules } from "./zone-rules.js";
import { offsetId } from "./zone-rules.js";

/**
 * Zone names for the `z`/`zzzz`/`v` pattern letters, in English as Java's default locale prints
 * them. Intl (ICU) gives the long names Java (CLDR) uses, but its en-US short names are
 * `GMT+1`-style outside North America where Java prints `CET`; those are mapped from the long name.
 */
const SHORT_FROM_LONG: Readonly<Record<string, string>> = {
  "Central European Standard Time": "CET",
  "Central European Summer Time": "CEST",
  "Eastern European Standard Time": "EET",
  "Eastern European Summer Time": "EEST",
  "Western European Standard Time": "WET",
  "Western European Summer Time": "WEST",
  "Greenwich Mean Time": "GMT",
  "British Summer Time": "BST",
  "Irish Standard Time": "IST",
  "India Standard Time": "IST",
  "Japan Standard Time": "JST",
  "Korean Standard Time": "KST",
  "China Standard Time": "CST",
  "Hong Kong Standard Time": "HKT",
  "Singapore Standard Time": "SGT",
  "Moscow Standard Time": "MSK",
  "Israel Standard Time": "IST",
  "Israel Daylight Time": "IDT",
  "Australian Eastern Standard Time": "AEST",
  "Australian Eastern Daylight Time": "AEDT",
  "Australian Central Standard Time": "ACST",
  "Australian Central Daylight Time": "ACDT",
  "Australian Western Standard Time": "AWST",
  "New Zealand Standard Time": "NZST",
  "New Zealand Daylight Time": "NZDT",
  "Coordinated Universal Time": "UTC",
};

const cache = new Map<string, string>();

/** The zone's name at the UTC instant `epochSecond` (whose offset is `offset`). */
export function zoneName(rules: ZoneRules, epochSecond: number, offset: number, full: boolean, generic: boolean): string {
  const key = `${rules.id}|${offset}|${full ? 1 : 0}${generic ? 1 : 0}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const name = computeName(rules, epochSecond, offset, full, generic);
  cache.set(key, name);
  return name;
}

function computeName(rules: ZoneRules, epochSecond: number, offset: number, full: boolean, generic: boolean): string {
  const id = rules.id;
  // A ZoneOffset's names are its id; UTC-like fixed zones keep their prefix (Java's ZoneRegion).
  if (id === "Z" || id.startsWith("+") || id.startsWith("-")) return offsetId(offset);
  if (/^(UTC|GMT|UT)[+-]/.test(id)) return id;
  if (id === "UTC" || id === "GMT" || id === "UT") {
    if (!full) return id;
    return id === "GMT" ? "Greenwich Mean Time" : "Coordinated Universal Time";
  }
  let at = epochSecond;
  let long = intlName(id, at, generic ? "longGeneric" : "long");
  if (long.startsWith("GMT")) {
    // Before standard time (LMT) ICU has no name; Java still prints the zone's standard name.
    at = standardInstant(rules);
    long = intlName(id, at, generic ? "longGeneric" : "long");
  }
  if (full) return long;
  return SHORT_FROM_LONG[long] ?? intlName(id, at, generic ? "shortGeneric" : "short");
}

function intlName(id: string, epochSecond: number, style: "long" | "short" | "longGeneric" | "shortGeneric"): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: id, timeZoneName: style }).formatToParts(epochSecond * 1000);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? id;
}

/** An instant in standard (not daylight) time: of 2000-01-01 and 2000-07-01, the one with the lower offset. */
function standardInstant(rules: ZoneRules): number {
  const jan = 946684800;
  const jul = 962409600;
  return rules.offsetAt(jan) <= rules.offsetAt(jul) ? jan : jul;
}
