import { expectStorage, makeVector, type Vector } from "../../columnar/vector.js";
import { utf8At, Utf8Builder } from "../../columnar/utf8.js";
import { asciiRange } from "./ascii.js";

const LOWER = new Map<number, Uint8Array>();
const UPPER = new Map<number, Uint8Array>();
const encoder = new TextEncoder();

function decodeAt(bytes: Uint8Array, k: number, len: number): number {
  if (len === 2) return ((bytes[k]! & 0x1f) << 6) | (bytes[k + 1]! & 0x3f);
  if (len === 3) return ((bytes[k]! & 0x0f) << 12) | ((bytes[k + 1]! & 0x3f) << 6) | (bytes[k + 2]! & 0x3f);
  return ((bytes[k]! & 0x07) << 18) | ((bytes[k + 1]! & 0x3f) << 12) | ((bytes[k + 2]! & 0x3f) << 6) | (bytes[k + 3]! & 0x3f);
}

/** The UTF-8 bytes of one non-ASCII character's case mapping, cached per code point. */
function caseBytes(table: Map<number, Uint8Array>, cp: number, upper: boolean): Uint8Array {
  let m = table.get(cp);
  if (m === undefined) {
    const ch = String.fromCodePoint(cp);
    m = encoder.encode(upper ? ch.toUpperCase() : ch.toLowerCase());
    table.set(cp, m);
  }
  return m;
}

/**
 * The case mapping of bytes[base, end) in one pass over the whole batch, when every character
 * maps to as many bytes as it has (ASCII, ß, é, Ä … : nearly all text), so every value keeps its
 * byte offsets and no per-row bookkeeping is needed; null as soon as one character does not
 * (İ → i̇, ŉ → ʼN) or is a Σ (whose lower case depends on its word), for the per-row path.
 */
function sameLengthCase(bytes: Uint8Array, base: number, end: number, upper: boolean): Uint8Array | null {
  const out = new Uint8Array(end - base);
  const from = upper ? 0x61 : 0x41;
  const to = upper ? 0x7a : 0x5a;
  const table = upper ? UPPER : LOWER;
  let lastCp = -1;
  let lastMapped: Uint8Array = new Uint8Array(0);
  let k = base;
  while (k < end) {
    const c = bytes[k]!;
    if (c < 0x80) {
      out[k - base] = c >= from && c <= to ? c ^ 0x20 : c;
      k++;
      continue;
    }
    const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    const cp = decodeAt(bytes, k, len);
    if (cp !== lastCp) {
      if (!upper && cp === 0x3a3) return null;
      lastCp = cp;
      lastMapped = caseBytes(table, cp, upper);
    }
    if (lastMapped.length !== len || k + len > end) return null;
    for (let j = 0; j < len; j++) out[k - base + j] = lastMapped[j]!;
    k += len;
  }
  return out;
}

/**
 * lower / upper over UTF-8 bytes. ASCII bytes map in place (Spark's UTF8String fast path);
 * other characters through a per-code-point table of the locale-independent Unicode mapping
 * (as Java's toLowerCase/toUpperCase under the root locale). A value holding Σ, whose lower
 * case depends on its position in a word, is decoded and mapped as a whole string.
 */
export function changeCase(v: Vector, upper: boolean): Vector {
  const { offsets, bytes } = expectStorage(v, "utf8").data;
  const n = v.length;
  const base = offsets[0]!;
  const end = offsets[n]!;
  const from = upper ? 0x61 : 0x41;
  const to = upper ? 0x7a : 0x5a;
  if (asciiRange(bytes, base, end)) {
    // The whole batch is ASCII: one pass over the bytes, the same value boundaries.
    const out = new Uint8Array(end - base);
    for (let k = base; k < end; k++) {
      const b = bytes[k]!;
      out[k - base] = b >= from && b <= to ? b ^ 0x20 : b;
    }
    const off = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) off[i] = offsets[i]! - base;
    return makeVector(v.type, { offsets: off, bytes: out }, v.validity, n);
  }
  const same = sameLengthCase(bytes, base, end, upper);
  if (same !== null) {
    const off = base === 0 ? offsets.subarray(0, n + 1) : new Int32Array(n + 1);
    if (base !== 0) for (let i = 0; i <= n; i++) off[i] = offsets[i]! - base;
    return makeVector(v.type, { offsets: off, bytes: same }, v.validity, n);
  }
  // Room for the worst case up front (a mapping at most triples a character's bytes), so no row reallocates.
  const b = new Utf8Builder(n, 3 * (end - base) + 16);
  const d = { offsets, bytes };
  const table = upper ? UPPER : LOWER;
  // The last non-ASCII character's mapping: text repeats its few non-ASCII letters row after row.
  let lastCp = -1;
  let lastMapped: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < n; i++) {
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    // Worst case a mapping triples the bytes (e.g. ΐ → Ϊ́ in upper case).
    const out = b.reserve(3 * (e - s));
    const p0 = b.position();
    let p = p0;
    let k = s;
    while (k < e) {
      const c = bytes[k]!;
      if (c < 0x80) {
        out[p++] = c >= from && c <= to ? c ^ 0x20 : c;
        k++;
        continue;
      }
      const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      const cp = decodeAt(bytes, k, len);
      // Σ lowers to ς at the end of a word: context the per-character table cannot see.
      if (!upper && cp === 0x3a3) break;
      if (cp !== lastCp) {
        lastCp = cp;
        lastMapped = caseBytes(table, cp, upper);
      }
      const mapped = lastMapped;
      for (let j = 0; j < mapped.length; j++) out[p++] = mapped[j]!;
      k += len;
    }
    if (k < e) {
      b.appendString(upper ? utf8At(d, i).toUpperCase() : utf8At(d, i).toLowerCase());
      continue;
    }
    b.commit(p - p0);
  }
  return makeVector(v.type, b.finish(), v.validity, n);
}
