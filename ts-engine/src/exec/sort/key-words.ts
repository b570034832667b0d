import type { Vector } from "../../columnar/vector.js";
import type { DataType } from "../../types/data-type.js";
import { isLongType } from "../../columnar/vector.js";
import { prefixWords, type PrefixSource } from "./utf8-prefix.js";
import { needsCollationKey } from "../../columnar/collation-key.js";

/**
 * One unsigned word of a normalized sort key: comparing rows' words as unsigned integers,
 * most significant word first, orders them as Spark orders the keys. Only the low `bits`
 * bits are used, so the radix sort runs no pass over the others.
 */
export interface KeyWord {
  readonly data: Uint32Array;
  readonly bits: number;
}

/** A sort key: the evaluated column and its direction. */
export interface SortKey {
  readonly values: Vector;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

/**
 * The normalized form of a list of sort keys. `words` order rows by the leading keys;
 * `complete` counts the keys that the words order fully. When it is less than the number
 * of keys, rows with equal words still need the comparator over keys `complete` and later
 * (a string prefix, or a type with no fixed-width form such as array).
 */
export interface NormalizedKeys {
  readonly words: readonly KeyWord[];
  readonly complete: number;
}

/** How one key's values map to words: fully (fixed width) or by a prefix only. */
interface ValueWords {
  readonly words: KeyWord[];
  readonly exact: boolean;
}

const SIGN = 0x80000000;

/** Spark's double order as unsigned bits: -0.0 equals 0.0, NaN above +Infinity. */
function doubleWords(d: Float64Array, n: number): KeyWord[] {
  const u = new Uint32Array(d.buffer, d.byteOffset, n * 2);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = u[2 * i + 1]!;
    let l = u[2 * i]!;
    if ((h & 0x7ff00000) === 0x7ff00000 && ((h & 0xfffff) | l) !== 0) {
      h = 0x7ff80000; // every NaN is the one positive NaN
      l = 0;
    } else if (h === SIGN && l === 0) h = 0; // -0.0 → 0.0
    if (h & SIGN) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | SIGN) >>> 0;
      lo[i] = l;
    }
  }
  return [
    { data: hi, bits: 32 },
    { data: lo, bits: 32 },
  ];
}

function floatWords(d: Float32Array, n: number): KeyWord[] {
  const u = new Uint32Array(d.buffer, d.byteOffset, n);
  const w = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let x = u[i]!;
    if ((x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0) x = 0x7fc00000;
    else if (x === SIGN) x = 0;
    w[i] = x & SIGN ? ~x >>> 0 : (x | SIGN) >>> 0;
  }
  return [{ data: w, bits: 32 }];
}

/** Two's complement 64-bit integers as (hi with the sign flipped, lo). */
function bigLongWords(d: BigInt64Array, n: number): KeyWord[] {
  const u = new Uint32Array(d.buffer, d.byteOffset, n * 2);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    hi[i] = (u[2 * i + 1]! ^ SIGN) >>> 0;
    lo[i] = u[2 * i]!;
  }
  return [
    { data: hi, bits: 32 },
    { data: lo, bits: 32 },
  ];
}

/**
 * Wide decimals (precision 19–38) by their unscaled value as four words (128 bits); decimals
 * up to 18 digits are BigInt64Array storage and take the long words.
 */
function wideDecimalWords(values: readonly bigint[], n: number, validity: Uint8Array | null): KeyWord[] {
  const count = 4;
  const words = Array.from({ length: count }, () => new Uint32Array(n));
  const mask32 = 0xffffffffn;
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    // Two's complement over 128 bits, sign bit flipped so negatives come first.
    const u = BigInt.asUintN(128, values[i]!) ^ (1n << 127n);
    for (let w = 0; w < count; w++) words[w]![i] = Number((u >> BigInt((count - 1 - w) * 32)) & mask32);
  }
  return words.map((data) => ({ data, bits: 32 }));
}

/**
 * A long-like vector on the f64 fast path (integers within ±2^53) as the same words its
 * BigInt storage gives, so batches of either storage compare alike when runs merge.
 */
function safeLongWords(d: Float64Array, n: number): KeyWord[] {
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const x = d[i]!;
    const h = Math.floor(x / 4294967296);
    hi[i] = (h ^ SIGN) >>> 0;
    lo[i] = (x - h * 4294967296) >>> 0;
  }
  return [
    { data: hi, bits: 32 },
    { data: lo, bits: 32 },
  ];
}

function isLongLike(t: DataType): boolean {
  return isLongType(t);
}

/** Small integers offset to be non-negative, in as few bits as their type has. */
function offsetWords(d: Int8Array | Int16Array | Int32Array | Uint8Array, n: number, bits: number): KeyWord[] {
  const w = new Uint32Array(n);
  if (bits === 32) for (let i = 0; i < n; i++) w[i] = (d[i]! ^ SIGN) >>> 0;
  else {
    const off = d instanceof Uint8Array ? 0 : 1 << (bits - 1);
    for (let i = 0; i < n; i++) w[i] = d[i]! + off;
  }
  return [{ data: w, bits }];
}

/** The words of one key's values, or null for a type with no normal form. */
function valueWords(v: Vector, n: number): ValueWords | null {
  const d = v.data;
  if (d instanceof Float64Array) return { words: isLongLike(v.type) ? safeLongWords(d, n) : doubleWords(d, n), exact: true };
  if (d instanceof Float32Array) return { words: floatWords(d, n), exact: true };
  if (d instanceof BigInt64Array) return { words: bigLongWords(d, n), exact: true };
  if (d instanceof Int32Array) return { words: offsetWords(d, n, 32), exact: true };
  if (d instanceof Int16Array) return { words: offsetWords(d, n, 16), exact: true };
  if (d instanceof Int8Array) return { words: offsetWords(d, n, 8), exact: true };
  if (d instanceof Uint8Array) return { words: offsetWords(d, n, 1), exact: true };
  if (v.storage === "dec128") return { words: wideDecimalWords(v.data, n, v.validity), exact: true };
  const src = prefixSourceOf(v);
  if (src === null) return null;
  const p = prefixWords(src, n, v.validity);
  return {
    words: [
      { data: p.hi, bits: 32 },
      { data: p.lo, bits: 32 },
    ],
    exact: false,
  };
}

/** Strings and binaries have a byte-order prefix; nested values have no normal form. */
function prefixSourceOf(v: Vector): PrefixSource | null {
  // a collated string's order is not its bytes' order: the comparator sorts it
  if (v.storage === "utf8" && needsCollationKey(v.type)) return null;
  if (v.storage === "utf8") return { kind: "utf8", offsets: v.data.offsets, bytes: v.data.bytes };
  if (v.storage === "binary") return { kind: "byteArrays", values: v.data };
  return null;
}

/**
 * Applies direction and null placement to one key's value words (in place). A key with
 * no null in this batch gets no null rank unless `rankAlways` (runs being merged must
 * all have the same words, whatever nulls each batch holds).
 */
function orderWords(vw: KeyWord[], n: number, key: SortKey, rankAlways: boolean): KeyWord[] {
  const val = key.values.validity;
  if (!key.ascending) {
    for (const w of vw) {
      const mask = w.bits === 32 ? 0xffffffff : (1 << w.bits) - 1;
      const d = w.data;
      for (let i = 0; i < n; i++) d[i] = (~d[i]! & mask) >>> 0;
    }
  }
  if (val === null && !rankAlways) return vw;
  // Null rows: every value word 0 (so nulls tie, and stay in input order), plus a null rank
  // that places them first or last whatever the direction (Spark's NULLS FIRST/LAST).
  if (val !== null) for (const w of vw) for (let i = 0; i < n; i++) if (val[i] === 0) w.data[i] = 0;
  const nullRank = key.nullsFirst ? 0 : 1;
  const rankOf = (i: number): number => (val !== null && val[i] === 0 ? nullRank : 1 - nullRank);
  const first = vw[0]!;
  if (first.bits < 32) {
    const d = first.data;
    const top = 1 << first.bits;
    for (let i = 0; i < n; i++) if (rankOf(i) === 1) d[i] = d[i]! + top;
    return [{ data: d, bits: first.bits + 1 }, ...vw.slice(1)];
  }
  const rank = new Uint32Array(n);
  for (let i = 0; i < n; i++) rank[i] = rankOf(i);
  return [{ data: rank, bits: 1 }, ...vw];
}

/**
 * Normalizes the keys into words, in key order, up to and including the first key that
 * only a prefix represents; keys after that one are left to the comparator.
 */
export function normalizeKeys(keys: readonly SortKey[], n: number, rankAlways = false): NormalizedKeys {
  const words: KeyWord[] = [];
  let complete = 0;
  for (const key of keys) {
    const vw = valueWords(key.values, n);
    if (vw === null) break;
    words.push(...orderWords(vw.words, n, key, rankAlways));
    if (!vw.exact) break;
    complete++;
  }
  return { words, complete };
}

/**
 * The first sort key's values in sorted order, decoded back from its words when the radix
 * sort left them so: an ascending int or long-within-2^53 key without nulls (its words are
 * then exactly safeLongWords / offsetWords), of which at most one word varies and that
 * word was the last sorted on. Null otherwise (doubles, strings, descending, nulls …).
 */
export function sortedFirstKey(
  key: SortKey,
  words: readonly KeyWord[],
  sorted: { readonly varies: readonly boolean[]; readonly lastSorted: { readonly word: number; readonly data: Uint32Array } | null },
  n: number,
): Float64Array | Int32Array | null {
  const v = key.values;
  if (!key.ascending || v.validity !== null || sorted.lastSorted === null) return null;
  const last = sorted.lastSorted;
  if (v.storage === "i32") {
    if (last.word !== 0) return null;
    const out = new Int32Array(n);
    const d = last.data;
    for (let i = 0; i < n; i++) out[i] = (d[i]! ^ SIGN) | 0;
    return out;
  }
  if (v.storage !== "f64" || !isLongLike(v.type) || words.length < 2) return null;
  // words 0 and 1 are the key's (hi, lo); the one that varies was sorted last
  if (last.word > 1 || (sorted.varies[0] && sorted.varies[1])) return null;
  const out = new Float64Array(n);
  const d = last.data;
  if (last.word === 1) {
    const h = (words[0]!.data[0]! ^ SIGN) | 0;
    for (let i = 0; i < n; i++) out[i] = h * 4294967296 + d[i]!;
  } else {
    const lo = words[1]!.data[0]!;
    for (let i = 0; i < n; i++) out[i] = ((d[i]! ^ SIGN) | 0) * 4294967296 + lo;
  }
  return out;
}
