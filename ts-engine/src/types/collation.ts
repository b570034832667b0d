import { AnalysisException } from "../errors/spark-exception.js";
import { collationOf, type DataType } from "./data-type.js";

/**
 * Spark 4's string collations (CollationFactory): UTF8_BINARY (bytes, the default),
 * UTF8_LCASE (bytes after Spark's lowercasing) and the ICU collations, `UNICODE` (ICU's root
 * locale) or a locale (`en`, `de_CI_AI`, `sr_Cyrl_SRB`), each case- and accent-sensitive
 * unless `_CI` / `_AI` is given, and any of them `_RTRIM` (trailing spaces ignored).
 */
export type Collation =
  | { readonly provider: "spark"; readonly name: string; readonly lcase: boolean; readonly rtrim: boolean }
  | {
      readonly provider: "icu";
      readonly name: string;
      /** BCP 47 locale for Intl.Collator ("und" for Spark's UNICODE, ICU's root locale). */
      readonly locale: string;
      readonly caseSensitive: boolean;
      readonly accentSensitive: boolean;
      readonly rtrim: boolean;
    };

const cache = new Map<string, Collation>();

const BINARY: Collation = { provider: "spark", name: "UTF8_BINARY", lcase: false, rtrim: false };

/** The collation of a string type (UTF8_BINARY for the plain StringType). */
export function collationOfType(t: DataType): Collation {
  const name = collationOf(t);
  return name === "UTF8_BINARY" ? BINARY : collationByName(name);
}

/** Whether two strings equal under this collation only when their bytes are equal. */
export function isBinaryEquality(c: Collation): boolean {
  return c.provider === "spark" && !c.lcase && !c.rtrim;
}

/** The collation a canonical name (from collationName) stands for. */
export function collationByName(name: string): Collation {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const c = parseCollation(name);
  if (c === null) throw invalidName(name);
  cache.set(name, c);
  return c;
}

/**
 * The canonical name of a collation as a user wrote it (`utf8_lcase` → `UTF8_LCASE`,
 * `unicode_ci` → `UNICODE_CI`, `DE_ci_ai` → `de_CI_AI`), or Spark's COLLATION_INVALID_NAME.
 */
export function collationName(text: string): string {
  const c = parseCollation(text);
  if (c === null) throw invalidName(text);
  // Spark 4.0 lists the RTRIM collations but refuses them (spark.sql.collation.trim.enabled is off)
  if (c.rtrim) throw new AnalysisException("UNSUPPORTED_FEATURE.TRIM_COLLATION", {});
  cache.set(c.name, c);
  return c.name;
}

const SPECIFIERS = new Set(["CS", "CI", "AS", "AI", "RTRIM"]);

function parseCollation(text: string): Collation | null {
  const parts = text.split("_");
  const upper = parts.map((p) => p.toUpperCase());
  if (upper[0] === "UTF8") {
    const base = upper[1];
    if (base !== "BINARY" && base !== "LCASE") return null;
    const rest = upper.slice(2);
    if (rest.length > 1 || (rest.length === 1 && rest[0] !== "RTRIM")) return null;
    const rtrim = rest.length === 1;
    return { provider: "spark", name: `UTF8_${base}${rtrim ? "_RTRIM" : ""}`, lcase: base === "LCASE", rtrim };
  }
  // An ICU collation: a locale (language, then an optional script and country), then the
  // specifiers, each at most once and of each pair one (Spark's ICU collation spec).
  let i = 0;
  let localeName: string;
  let locale: string;
  if (upper[0] === "UNICODE") {
    localeName = "UNICODE";
    locale = "und";
    i = 1;
  } else {
    const lang = parts[0] ?? "";
    if (!/^[A-Za-z]{2,3}$/.test(lang)) return null;
    const tags = [lang.toLowerCase()];
    i = 1;
    const script = parts[i];
    if (script !== undefined && /^[A-Za-z]{4}$/.test(script) && !SPECIFIERS.has(script.toUpperCase())) {
      tags.push(script[0]!.toUpperCase() + script.slice(1).toLowerCase());
      i++;
    }
    const country = parts[i];
    if (country !== undefined && /^[A-Za-z]{2,3}$/.test(country) && !SPECIFIERS.has(country.toUpperCase())) {
      tags.push(country.toUpperCase());
      i++;
    }
    localeName = tags.join("_");
    locale = canonicalLocale(tags);
    if (locale === "") return null;
  }
  let cs: boolean | null = null;
  let as: boolean | null = null;
  let rtrim = false;
  for (const s of upper.slice(i)) {
    if ((s === "CS" || s === "CI") && cs === null) cs = s === "CS";
    else if ((s === "AS" || s === "AI") && as === null) as = s === "AS";
    else if (s === "RTRIM" && !rtrim) rtrim = true;
    else return null;
  }
  const caseSensitive = cs ?? true;
  const accentSensitive = as ?? true;
  const name = `${localeName}${caseSensitive ? "" : "_CI"}${accentSensitive ? "" : "_AI"}${rtrim ? "_RTRIM" : ""}`;
  return { provider: "icu", name, locale, caseSensitive, accentSensitive, rtrim };
}

/** The BCP 47 tag of a locale ICU has collation data for, or "" (an unknown locale). */
function canonicalLocale(tags: readonly string[]): string {
  // ICU takes ISO 3166 alpha-3 countries (sr_Cyrl_SRB); BCP 47 does not, and collation data
  // never differs by country for them, so such a locale collates as its language (and script).
  const usable = tags.filter((t, i) => !(i > 0 && /^[A-Z]{3}$/.test(t)));
  const tag = usable.join("-");
  try {
    return Intl.Collator.supportedLocalesOf([tag]).length > 0 ? tag : "";
  } catch {
    return "";
  }
}

/** Spark's proposals for a misspelt collation: the built-in names closest to the text. */
const KNOWN = ["UTF8_BINARY", "UTF8_LCASE", "UNICODE", "UNICODE_CI", "UNICODE_AI", "UNICODE_CI_AI"];

function invalidName(text: string): AnalysisException {
  return new AnalysisException("COLLATION_INVALID_NAME", { collationName: text, proposals: proposals(text) });
}

function proposals(text: string): string {
  const t = text.toUpperCase();
  const scored = KNOWN.map((k) => ({ k, d: levenshtein(t, k) })).sort((a, b) => a.d - b.d || a.k.localeCompare(b.k));
  const close = scored.filter((s) => s.d <= Math.max(2, Math.floor(t.length / 3))).slice(0, 3);
  return close.map((s) => s.k).join(", ");
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
