import { BooleanType } from "../../types/data-type.js";
import { expectStorage, makeVector, type Vector } from "../../columnar/vector.js";
import { utf8FromStrings, utf8Strings, type Utf8Data } from "../../columnar/utf8.js";
import { andValidity, constantString } from "../eval/vectors.js";
import { javaRegExp, type RegexCase } from "./java-regex.js";

/** Whether needle occurs in hay[s, e) at byte position `at`. */
function bytesAt(hay: Uint8Array, at: number, needle: Uint8Array): boolean {
  for (let k = 0; k < needle.length; k++) if (hay[at + k] !== needle[k]) return false;
  return true;
}

/** How a string test places its needle: anywhere, at the start, at the end, or as the whole value. */
export type Placement = "contains" | "startsWith" | "endsWith" | "equals";

function place(hay: Uint8Array, s: number, e: number, needle: Uint8Array, how: Placement): boolean {
  const m = needle.length;
  if (m > e - s) return false;
  switch (how) {
    case "startsWith":
      return bytesAt(hay, s, needle);
    case "endsWith":
      return bytesAt(hay, e - m, needle);
    case "equals":
      return m === e - s && bytesAt(hay, s, needle);
    case "contains": {
      if (m === 0) return true;
      const first = needle[0]!;
      for (let k = s; k + m <= e; k++) if (hay[k] === first && bytesAt(hay, k, needle)) return true;
      return false;
    }
  }
}

function needleAt(d: Utf8Data, i: number): Uint8Array {
  return d.bytes.subarray(d.offsets[i]!, d.offsets[i + 1]!);
}

/** contains / startswith / endswith (and LIKE's simple shapes) over UTF-8 bytes. */
export function utf8Placement(str: Vector, pattern: Vector, how: Placement): Vector {
  const n = str.length;
  const hay = expectStorage(str, "utf8").data;
  const pat = expectStorage(pattern, "utf8").data;
  const validity = andValidity(str.validity, pattern.validity, n);
  const out = new Uint8Array(n);
  const c = constantString(pattern);
  const fixed = c === null ? null : needleAt(pat, 0);
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    out[i] = place(hay.bytes, hay.offsets[i]!, hay.offsets[i + 1]!, fixed ?? needleAt(pat, i), how) ? 1 : 0;
  }
  return makeVector(BooleanType, out, validity, n);
}

/** A LIKE pattern with no `_` and no `escape`, `%` only at its ends: a byte placement test. */
function simpleLike(p: string, escape: string): { how: Placement; needle: string } | null {
  if (p.includes("_") || p.includes(escape)) return null;
  const lead = p.startsWith("%");
  const trail = p.length > 1 && p.endsWith("%");
  const core = p.slice(lead ? 1 : 0, trail ? p.length - 1 : p.length);
  if (core.includes("%")) return null;
  const how: Placement = lead && trail ? "contains" : lead ? "endsWith" : trail ? "startsWith" : "equals";
  return { how, needle: core };
}

/**
 * `str LIKE pattern`: a literal pattern of a simple shape (`abc`, `abc%`, `%abc`, `%abc%`) runs
 * as a byte test, as Spark's LikeSimplification rewrites it; others through `toRegExp`, compiled
 * once per distinct pattern.
 */
export function utf8Like(str: Vector, pattern: Vector, toRegExp: (p: string) => RegExp, escape = "\\"): Vector {
  const n = str.length;
  const c = constantString(pattern);
  const simple = c === null ? null : simpleLike(c, escape);
  if (simple !== null) {
    const needle = utf8FromStrings([simple.needle]).bytes;
    const hay = expectStorage(str, "utf8").data;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = place(hay.bytes, hay.offsets[i]!, hay.offsets[i + 1]!, needle, simple.how) ? 1 : 0;
    return makeVector(BooleanType, out, str.validity, n);
  }
  return regexTest(str, pattern, toRegExp);
}

/** `str RLIKE pattern` with Java regex semantics (java-regex.ts), each distinct pattern compiled once (case-insensitive for UTF8_LCASE). */
export function utf8Rlike(str: Vector, pattern: Vector, caseMode: RegexCase = "sensitive"): Vector {
  return regexTest(str, pattern, (p) => javaRegExp(p, false, "rlike", caseMode));
}

function regexTest(str: Vector, pattern: Vector, toRegExp: (p: string) => RegExp): Vector {
  const n = str.length;
  const validity = andValidity(str.validity, pattern.validity, n);
  const strs = utf8Strings(expectStorage(str, "utf8").data, n);
  const c = constantString(pattern);
  const pats = c === null ? utf8Strings(expectStorage(pattern, "utf8").data, n) : null;
  const out = new Uint8Array(n);
  let lastPat: string | null = null;
  let re: RegExp | null = null;
  for (let i = 0; i < n; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const p = c ?? pats![i]!;
    if (p !== lastPat) {
      re = toRegExp(p);
      lastPat = p;
    }
    re!.lastIndex = 0;
    out[i] = re!.test(strs[i]!) ? 1 : 0;
  }
  return makeVector(BooleanType, out, validity, n);
}
