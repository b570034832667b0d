import type { Collation } from "../types/collation.js";
import { collationOfType, isBinaryEquality } from "../types/collation.js";
import type { DataType } from "../types/data-type.js";
import { utf8Strings, type Utf8Data } from "./utf8.js";

/**
 * How strings of a collation compare, equal and hash (Spark's CollationFactory.Collation:
 * comparator, equalsFunction, hashFunction). Everything that groups, joins, sorts or hashes
 * strings goes through the key or the comparator of its key type's collation, so all agree.
 */

/** Whether values of this type need a collation key or comparator (a non-binary string collation). */
export function needsCollationKey(t: DataType): boolean {
  return t.kind === "string" && !isBinaryEquality(collationOfType(t));
}

/** Spark's RTRIM collations ignore trailing spaces (U+0020 only). */
function rtrimSpaces(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === 0x20) e--;
  return e === s.length ? s : s.slice(0, e);
}

/**
 * Spark's UTF8_LCASE lowercasing (CollationAwareUTF8String.lowerCaseCodePoints): each code
 * point on its own (Java's Character.toLowerCase: no final-sigma context), except U+0130
 * `İ`, which becomes `i̇` (i + U+0307). JS's toLowerCase of a whole string differs only by
 * the final-sigma rule, so a string with no capital sigma takes it whole.
 */
export function lcaseKey(s: string): string {
  if (s.indexOf("\u03a3") < 0) return s.toLowerCase();
  let out = "";
  for (const ch of s) out += ch === "\u03a3" ? "\u03c3" : ch.toLowerCase();
  return out;
}

const collators = new Map<string, Intl.Collator>();

/** Intl.Collator (ICU, as Spark's ICU4J collators) for an ICU collation, made once per name. */
export function icuCollator(c: Extract<Collation, { provider: "icu" }>): Intl.Collator {
  let col = collators.get(c.name);
  if (col === undefined) {
    // ICU strengths: tertiary (case and accent sensitive), secondary (_CI), primary + case
    // level (_AI), primary (_CI_AI): Intl's variant / accent / case / base sensitivities.
    const sensitivity = c.caseSensitive ? (c.accentSensitive ? "variant" : "case") : c.accentSensitive ? "accent" : "base";
    col = new Intl.Collator(c.locale, { sensitivity, usage: "sort" });
    collators.set(c.name, col);
  }
  return col;
}

const IGNORABLE = /[\p{Cc}\p{Cf}]/gu;
const MARKS = /\p{M}/gu;
/** Letters ICU's root collation ranks as a base letter (or two) plus a secondary difference only. */
const ACCENT_FOLD: Readonly<Record<string, string>> = {
  "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
  "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ł": "l", "Ł": "L",
};
const ACCENT_FOLDED = /[ßẞæÆœŒøØđĐðÐħĦŀĿłŁ]/g;

/**
 * The group/hash key of one string: strings that are equal under the collation have equal
 * keys. UTF8_LCASE: Spark's lowercasing (exact). ICU collations: a folding of the text ICU's
 * comparison at that strength treats as equal (canonical decomposition, case and
 * compatibility forms for _CI, marks for _AI, control and format characters ignored); Spark
 * hashes ICU's sort-key bytes, which Intl does not expose.
 */
export function collationKey(c: Collation, s: string): string {
  const t = c.rtrim ? rtrimSpaces(s) : s;
  if (c.provider === "spark") return c.lcase ? lcaseKey(t) : t;
  // tertiary differences (compatibility forms, final sigma) vanish with case
  let k = c.caseSensitive ? t.normalize("NFD") : t.normalize("NFKD").toLowerCase().replace(/ς/g, "σ");
  if (!c.accentSensitive) k = k.replace(ACCENT_FOLDED, (ch) => ACCENT_FOLD[ch]!).normalize("NFKD").replace(MARKS, "").replace(/ς/g, "σ");
  return k.replace(IGNORABLE, "");
}

/** Compares two strings under a collation (Spark's collation comparator); negative when a sorts first. */
export function collationComparator(c: Collation): (a: string, b: string) => number {
  if (c.provider === "icu") {
    const col = icuCollator(c);
    return c.rtrim ? (a, b) => col.compare(rtrimSpaces(a), rtrimSpaces(b)) : (a, b) => col.compare(a, b);
  }
  return (a, b) => {
    const x = collationKey(c, a);
    const y = collationKey(c, b);
    return codePointCompare(x, y);
  };
}

/** Code-point order of two JS strings (Spark's UTF-8 byte order). */
function codePointCompare(x: string, y: string): number {
  if (x === y) return 0;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x.charCodeAt(i);
    const b = y.charCodeAt(i);
    if (a !== b) {
      const sa = a >= 0xd800 && a <= 0xdfff;
      const sb = b >= 0xd800 && b <= 0xdfff;
      if (sa !== sb) return sa ? 1 : -1;
      return a < b ? -1 : 1;
    }
  }
  return x.length < y.length ? -1 : x.length === y.length ? 0 : 1;
}

/** Keyed values per storage and collation: joins compare one batch with many. */
const decoded = new WeakMap<Utf8Data, Map<string, string[]>>();

function cachedStrings(c: Collation, d: Utf8Data, n: number, keyed: boolean): string[] {
  // utf8Strings caches the storage's decoded values itself (shared: never written here)
  if (!keyed) return utf8Strings(d, n);
  let per = decoded.get(d);
  if (per === undefined) {
    per = new Map();
    decoded.set(d, per);
  }
  let out = per.get(c.name);
  if (out === undefined || out.length < n) {
    const values = utf8Strings(d, n);
    out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = collationKey(c, values[i]!);
    per.set(c.name, out);
  }
  return out;
}

/** The keys (collationKey) of the first `n` values of UTF-8 storage, decoded once per batch. */
export function utf8CollationKeys(c: Collation, d: Utf8Data, n: number): string[] {
  return cachedStrings(c, d, n, true);
}

/**
 * A row comparator over two UTF-8 storages under a collation: the values are decoded (and,
 * for the Spark collations, keyed) once per call, not per comparison.
 */
export function utf8CollationComparator(c: Collation, a: Utf8Data, na: number, b: Utf8Data, nb: number): (i: number, j: number) => number {
  if (c.provider === "icu") {
    const col = collationComparator(c);
    const x = cachedStrings(c, a, na, false);
    const y = cachedStrings(c, b, nb, false);
    return (i, j) => col(x[i]!, y[j]!);
  }
  const x = utf8CollationKeys(c, a, na);
  const y = utf8CollationKeys(c, b, nb);
  return (i, j) => codePointCompare(x[i]!, y[j]!);
}
