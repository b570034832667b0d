/**
 * The first 8 bytes of a value's UTF-8 (or binary) encoding as two big-endian words, zero
 * padded. Spark orders strings and binaries by unsigned bytes, so comparing these words
 * orders rows as their full values do, up to ties that the comparator then settles
 * ("a" and "a\0" share a prefix). Sources describe how to reach the bytes so that the
 * normalization does not care whether strings are JS strings or UTF-8 byte vectors.
 */
export interface PrefixWords {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
}

/** Values whose sort prefix can be taken: JS strings (encoded on the fly) or byte arrays. */
export type PrefixSource =
  | { readonly kind: "jsStrings"; readonly values: readonly string[] }
  | { readonly kind: "byteArrays"; readonly values: readonly Uint8Array[] }
  | { readonly kind: "utf8"; readonly offsets: Int32Array; readonly bytes: Uint8Array };

/** Prefix words of rows 0 … n-1; rows whose validity byte is 0 get zeros. */
export function prefixWords(src: PrefixSource, n: number, validity: Uint8Array | null): PrefixWords {
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  if (src.kind === "utf8") {
    utf8PrefixWords(src.offsets, src.bytes, n, validity, hi, lo);
    return { hi, lo };
  }
  const buf = new Uint8Array(8);
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    buf.fill(0);
    switch (src.kind) {
      case "jsStrings":
        encodeUtf8Prefix(src.values[i]!, buf);
        break;
      case "byteArrays": {
        const b = src.values[i]!;
        buf.set(b.length > 8 ? b.subarray(0, 8) : b);
        break;
      }
    }
    hi[i] = ((buf[0]! << 24) | (buf[1]! << 16) | (buf[2]! << 8) | buf[3]!) >>> 0;
    lo[i] = ((buf[4]! << 24) | (buf[5]! << 16) | (buf[6]! << 8) | buf[7]!) >>> 0;
  }
  return { hi, lo };
}

/** prefixWords of UTF-8 storage: the leading bytes shifted into the words directly, one tight loop. */
function utf8PrefixWords(offsets: Int32Array, bytes: Uint8Array, n: number, validity: Uint8Array | null, hi: Uint32Array, lo: Uint32Array): void {
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const s = offsets[i]!;
    const len = Math.min(offsets[i + 1]! - s, 8);
    let h = 0;
    let l = 0;
    const m = len < 4 ? len : 4;
    for (let k = 0; k < m; k++) h |= bytes[s + k]! << (24 - 8 * k);
    for (let k = 4; k < len; k++) l |= bytes[s + k]! << (56 - 8 * k);
    hi[i] = h >>> 0;
    lo[i] = l >>> 0;
  }
}

/** Writes up to 8 leading UTF-8 bytes of `s` into `out` (which is zero-filled). */
function encodeUtf8Prefix(s: string, out: Uint8Array): void {
  let o = 0;
  for (let i = 0; i < s.length && o < 8; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    // A lone surrogate encodes as U+FFFD, as Java's (and Node's) UTF-8 encoder writes it.
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    const bytes =
      c < 0x800
        ? [0xc0 | (c >> 6), 0x80 | (c & 0x3f)]
        : c < 0x10000
          ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
          : [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
    for (const b of bytes) if (o < 8) out[o++] = b;
  }
}
