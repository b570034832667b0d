import { expectStorage, makeVector, type Vector } from "../../columnar/vector.js";
import { isAscii, utf8At, Utf8Builder } from "../../columnar/utf8.js";

/**
 * lower / upper over UTF-8 bytes. ASCII values map byte by byte (Spark's UTF8String fast
 * path); a value with other characters is decoded, case-mapped with the locale-independent
 * Unicode mapping (as Java's toLowerCase/toUpperCase under the root locale) and re-encoded.
 */
export function changeCase(v: Vector, upper: boolean): Vector {
  const { offsets, bytes } = expectStorage(v, "utf8").data;
  const n = v.length;
  const base = offsets[0]!;
  const end = offsets[n]!;
  const from = upper ? 0x61 : 0x41;
  const to = upper ? 0x7a : 0x5a;
  if (isAscii(bytes, base, end)) {
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
  const b = new Utf8Builder(n, end - base);
  const d = { offsets, bytes };
  for (let i = 0; i < n; i++) {
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    if (isAscii(bytes, s, e)) {
      const out = b.reserve(e - s);
      const p = b.position();
      for (let k = s; k < e; k++) {
        const c = bytes[k]!;
        out[p + k - s] = c >= from && c <= to ? c ^ 0x20 : c;
      }
      b.commit(e - s);
    } else {
      const str = utf8At(d, i);
      b.appendString(upper ? str.toUpperCase() : str.toLowerCase());
    }
  }
  return makeVector(v.type, b.finish(), v.validity, n);
}
