import type { Collation } from "../types/collation.js";
import { collationOfType, isBinaryEquality } from "../types/collation.js";
import type { DataType } from "../types/data-type.js";
import { utf8Strings, type Utf8Data } from "./utf8.js";
import { compareCodePoints, compareValues } from "./value-order.js";

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
    return compareCodePoints(x, y);
  };
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
  return (i, j) => compareCodePoints(x[i]!, y[j]!);
}

/**
 * Whether values of `t` hold strings of a non-binary collation inside an array, struct or map
 * (a top-level string is needsCollationKey's case): such values compare, group and hash
 * under their strings' collations (Spark's collation-aware orderings of nested types).
 */
export function nestsCollatedStrings(t: DataType): boolean {
  switch (t.kind) {
    case "array":
      return needsCollationKey(t.elementType) || nestsCollatedStrings(t.elementType);
    case "struct":
      return t.fields.some((f) => needsCollationKey(f.dataType) || nestsCollatedStrings(f.dataType));
    case "map":
      return needsCollationKey(t.keyType) || needsCollationKey(t.valueType) || nestsCollatedStrings(t.keyType) || nestsCollatedStrings(t.valueType);
    default:
      return false;
  }
}

/**
 * The value of type `t` (vector convention: arrays as JS arrays, structs as field arrays,
 * maps as [k, v] pairs) with every collated string replaced by its collation key, so values
 * equal under their collations become equal values (for grouping, DISTINCT and hashing).
 */
export function collationKeyedValue(t: DataType, x: unknown): unknown {
  if (x === null || x === undefined) return null;
  switch (t.kind) {
    case "string":
      return needsCollationKey(t) ? collationKey(collationOfType(t), x as string) : x;
    case "array":
      return (x as readonly unknown[]).map((e) => collationKeyedValue(t.elementType, e));
    case "struct":
      return t.fields.map((f, i) => collationKeyedValue(f.dataType, (x as readonly unknown[])[i]));
    case "map":
      return (x as readonly (readonly [unknown, unknown])[]).map(([k, v]) => [collationKeyedValue(t.keyType, k), collationKeyedValue(t.valueType, v)]);
    default:
      return x;
  }
}

/**
 * Spark's ordering of two non-null values of type `t` with strings compared under their
 * collations at any depth (arrays and structs element by element, null first); negative when
 * `a` sorts first. Other values order as compareValues.
 */
export function collationAwareComparator(t: DataType): (a: unknown, b: unknown) => number {
  switch (t.kind) {
    case "string": {
      if (!needsCollationKey(t)) return compareValues;
      const cmp = collationComparator(collationOfType(t));
      return (a, b) => cmp(a as string, b as string);
    }
    case "array": {
      const el = collationAwareComparator(t.elementType);
      return (a, b) => compareSequences(a as readonly unknown[], b as readonly unknown[], () => el);
    }
    case "struct": {
      const fields = t.fields.map((f) => collationAwareComparator(f.dataType));
      return (a, b) => compareSequences(a as readonly unknown[], b as readonly unknown[], (i) => fields[i] ?? compareValues);
    }
    default:
      return compareValues;
  }
}

function compareSequences(a: readonly unknown[], b: readonly unknown[], cmpAt: (i: number) => (x: unknown, y: unknown) => number): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    const c = x === null ? (y === null ? 0 : -1) : y === null ? 1 : cmpAt(i)(x, y);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
