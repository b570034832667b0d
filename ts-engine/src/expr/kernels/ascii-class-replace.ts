import { Utf8Builder, type Utf8Data } from "../../columnar/utf8.js";

/**
 * regexp_replace's byte path for the patterns that name one set of ASCII characters, alone or
 * repeated: `[0-9]+`, `\d+`, `[a-zA-Z_]`, `\s+`, `[,;]` … With Java's semantics such a pattern
 * matches, leftmost first, one member character (or, with `+`, the longest run of them), and
 * ASCII bytes never occur inside a multi-byte UTF-8 sequence, so the matches can be found on
 * the bytes themselves: no row is decoded, and no regex engine runs. Anything else (a
 * negated or non-ASCII class, other quantifiers, groups, a replacement with `$` or `\`) is
 * left to the general path.
 */
export interface AsciiClassPattern {
  /** 1 for each ASCII byte in the class. */
  readonly members: Uint8Array;
  /** `+`: a run of members is one match. */
  readonly run: boolean;
}

/** Java's predefined classes (ASCII without UNICODE_CHARACTER_CLASS). */
const PREDEFINED: Readonly<Record<string, string>> = {
  d: "0123456789",
  s: " \t\n\u000b\f\r",
  w: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
};

/** The class a pattern names, when it is one ASCII class (optionally followed by `+`), else null. */
export function asciiClassPattern(pattern: string): AsciiClassPattern | null {
  const members = new Uint8Array(128);
  let body = pattern;
  let run = false;
  if (body.endsWith("+") && !body.endsWith("\\+")) {
    run = true;
    body = body.slice(0, -1);
  }
  if (body.length === 2 && body[0] === "\\" && PREDEFINED[body[1]!] !== undefined) {
    for (const ch of PREDEFINED[body[1]!]!) members[ch.charCodeAt(0)] = 1;
    return { members, run };
  }
  if (body.length < 3 || body[0] !== "[" || body[body.length - 1] !== "]" || body[1] === "^") return null;
  const inner = body.slice(1, -1);
  for (let i = 0; i < inner.length; i++) {
    const c = inner.charCodeAt(i);
    // escapes, nested classes, intersections and non-ASCII characters take the general path
    if (c >= 0x80 || c === 0x5c || c === 0x5b || c === 0x5d || (c === 0x26 && inner[i + 1] === "&")) return null;
    if (inner[i + 1] === "-" && i + 2 < inner.length) {
      const hi = inner.charCodeAt(i + 2);
      if (hi >= 0x80 || hi === 0x5c || hi === 0x5b || hi === 0x5d || hi < c) return null;
      for (let x = c; x <= hi; x++) members[x] = 1;
      i += 2;
    } else members[c] = 1;
  }
  return { members, run };
}

/**
 * Every match of `cls` in rows [0, n) of `d` replaced by the bytes of `replacement`; rows with
 * validity 0 stay empty. One pass over the batch's bytes into one output buffer.
 */
export function replaceAsciiClass(d: Utf8Data, n: number, cls: AsciiClassPattern, replacement: Uint8Array, validity: Uint8Array | null): Utf8Data {
  const { offsets, bytes } = d;
  const { members, run } = cls;
  const r = replacement.length;
  const b = new Utf8Builder(n, offsets[n]! - offsets[0]!);
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) {
      b.commit(0);
      continue;
    }
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    // worst case every byte is a match
    const out = b.reserve((e - s) * Math.max(1, r));
    const p0 = b.position();
    let p = p0;
    let k = s;
    while (k < e) {
      const x = bytes[k]!;
      if (x < 0x80 && members[x] === 1) {
        for (let j = 0; j < r; j++) out[p++] = replacement[j]!;
        k++;
        if (run) while (k < e && bytes[k]! < 0x80 && members[bytes[k]!] === 1) k++;
        continue;
      }
      out[p++] = x;
      k++;
    }
    b.commit(p - p0);
  }
  return b.finish();
}
