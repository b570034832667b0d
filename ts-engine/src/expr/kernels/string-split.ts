import { javaRegExp, type RegexCase } from "./java-regex.js";

/**
 * Java's String.split(regex, limit) as Spark's split calls it: a limit of 0 or less splits as
 * often as possible and keeps trailing empty strings (Spark turns Java's 0 into -1); a positive
 * limit gives at most that many parts, the last holding the rest. A zero-width match at the
 * start adds no leading empty string (Java 8+). The pattern compiles once (java-regex.ts).
 */
export function javaSplit(s: string, pattern: string, limit: number, caseMode: RegexCase = "sensitive"): string[] {
  if (s === "") return [""];
  const re = javaRegExp(pattern, true, "split", caseMode);
  const parts: string[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === start) {
      // Step past a zero-width match by one code point, as the regex engine would.
      const cp = s.codePointAt(start);
      re.lastIndex = start + (cp !== undefined && cp > 0xffff ? 2 : 1);
      if (start === 0) continue;
    }
    if (limit > 0 && parts.length === limit - 1) break;
    parts.push(s.slice(last, start));
    last = end;
  }
  parts.push(s.slice(last));
  return parts;
}

/** Java's regex metacharacters: a pattern with none of them matches only its own text. */
const REGEX_META = ".$|()[{^?*+\\";

/**
 * The text a split pattern stands for when it matches only itself (no metacharacter, or a
 * backslash before one non-alphanumeric ASCII character, as Java's String.split fast path),
 * else null. Splitting around such a pattern is splitting around that literal text.
 */
export function literalSplitText(pattern: string): string | null {
  if (pattern === "") return null;
  if (pattern.length === 2 && pattern[0] === "\\") {
    const c = pattern.charCodeAt(1);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    return c < 0x80 && !alnum ? pattern[1]! : null;
  }
  for (let i = 0; i < pattern.length; i++) if (REGEX_META.includes(pattern[i]!)) return null;
  return pattern;
}

/**
 * split(str, literal, limit) over a whole UTF-8 batch: the separator's bytes are found in
 * place (UTF-8 is self-synchronizing, so a byte match is a character match) and each part is
 * cut from one decode of the batch, so no row is decoded into a string of its own first. The
 * parts follow Java's String.split as Spark calls it: a limit ≤ 0 keeps every part, trailing
 * empty ones included; a positive limit gives at most that many, the last holding the rest.
 * Null rows (validity 0) give null. Returns null when the bytes are not well-formed UTF-8
 * (the decoder's substitutions shift the text), for the caller's row path.
 */
export function utf8SplitLiteral(
  offsets: Int32Array,
  bytes: Uint8Array,
  n: number,
  separator: string,
  limit: number,
  validity: Uint8Array | null,
): (string[] | null)[] | null {
  const sep = Buffer.from(separator, "utf8");
  const k = sep.length;
  const sepUnits = separator.length;
  const s0 = sep[0]!;
  const base = offsets[0]!;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8", base, offsets[n]!);
  const out = new Array<string[] | null>(n);
  const max = limit > 0 ? limit : 0x7fffffff;
  let u = 0; // UTF-16 index in `text` of byte p
  let p = base;
  for (let i = 0; i < n; i++) {
    const e = offsets[i + 1]!;
    if (validity !== null && validity[i] === 0) {
      for (; p < e; p++) {
        const x = bytes[p]!;
        if ((x & 0xc0) !== 0x80) u += x >= 0xf0 ? 2 : 1;
      }
      out[i] = null;
      continue;
    }
    const parts: string[] = [];
    let from = u;
    while (p < e) {
      const x = bytes[p]!;
      if (x === s0 && parts.length < max - 1 && p + k <= e && (k === 1 || sameBytes(bytes, p, sep, k))) {
        parts.push(text.substring(from, u));
        u += sepUnits;
        p += k;
        from = u;
        continue;
      }
      if ((x & 0xc0) !== 0x80) u += x >= 0xf0 ? 2 : 1;
      p++;
    }
    parts.push(text.substring(from, u));
    out[i] = parts;
  }
  return u === text.length ? out : null;
}

function sameBytes(bytes: Uint8Array, p: number, sep: Uint8Array, k: number): boolean {
  for (let j = 1; j < k; j++) if (bytes[p + j] !== sep[j]) return false;
  return true;
}
