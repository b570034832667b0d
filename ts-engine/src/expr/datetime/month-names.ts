/**
 * Month names of a locale as Java's CLDR data gives them to DateTimeFormatter (the "format"
 * forms: `MMMM` full, `MMM` short), for the `locale` option of the CSV, JSON and XML sources.
 * The names come from Intl (ICU's copy of the same CLDR data); English (en-US, Spark's default)
 * keeps the built-in tables.
 */
export interface MonthNames {
  readonly full: readonly string[];
  readonly short: readonly string[];
}

const CACHE = new Map<string, MonthNames | undefined>();

function names(locale: string, style: "long" | "short"): string[] {
  // with a day, Intl gives the forms used inside a date (Java's format forms: "janv.", not "janv")
  const f = new Intl.DateTimeFormat(locale, { day: "numeric", month: style, timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, m) => f.formatToParts(new Date(Date.UTC(2020, m, 5))).find((p) => p.type === "month")?.value ?? "");
}

/** The month names of a BCP 47 `locale` (Java's Locale.forLanguageTag); undefined for English, whose names the patterns hold. */
export function monthNamesFor(locale: string): MonthNames | undefined {
  if (CACHE.has(locale)) return CACHE.get(locale);
  let out: MonthNames | undefined;
  try {
    const resolved = new Intl.DateTimeFormat(locale).resolvedOptions().locale;
    out = resolved.toLowerCase().startsWith("en") ? undefined : { full: names(locale, "long"), short: names(locale, "short") };
  } catch {
    // a tag Intl refuses: Java's forLanguageTag keeps going with the root locale; English here
    out = undefined;
  }
  CACHE.set(locale, out);
  return out;
}
