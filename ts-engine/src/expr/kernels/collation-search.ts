import type { Collation } from "../../types/collation.js";
import { collationComparator, lcaseKey } from "../../columnar/collation-key.js";

/**
 * Substring search under a collation, for the string functions Spark makes collation-aware
 * (contains, startswith, endswith, instr, locate, replace, substring_index, split_part):
 * UTF8_LCASE compares Spark's lowercased code points (CollationAwareUTF8String's lowercase
 * search), ICU collations look for the shortest substring the collator finds equal to the
 * pattern, as ICU's StringSearch does. Indices are UTF-16 offsets into `s`.
 */
export interface CollationMatch {
  readonly start: number;
  readonly end: number;
}

/** Code-point boundaries of `s` (UTF-16 offsets, including 0 and s.length). */
function boundaries(s: string): number[] {
  const out = [0];
  for (let k = 0; k < s.length; ) {
    const u = s.charCodeAt(k);
    k += u >= 0xd800 && u <= 0xdbff && k + 1 < s.length ? 2 : 1;
    out.push(k);
  }
  return out;
}

/** A matcher for one pattern under a collation: made once per pattern value, used per row. */
export type CollationMatcher = (s: string, from: number) => CollationMatch | null;

/** The first match of `pattern` in a string at or after a UTF-16 offset, under `c`. */
export function collationMatcher(c: Collation, pattern: string): CollationMatcher {
  if (c.provider === "spark" && !c.lcase) {
    return (s, from) => {
      const k = s.indexOf(pattern, from);
      return k < 0 ? null : { start: k, end: k + pattern.length };
    };
  }
  if (c.provider === "spark") {
    const target = lcaseKey(pattern);
    return (s, from) => {
      const b = boundaries(s);
      for (let bi = 0; bi < b.length; bi++) {
        const i = b[bi]!;
        if (i < from) continue;
        if (target === "") return { start: i, end: i };
        let lowered = "";
        for (let bj = bi + 1; bj < b.length; bj++) {
          lowered += lcaseKey(s.slice(b[bj - 1]!, b[bj]!));
          if (lowered.length > target.length) break;
          if (lowered === target) return { start: i, end: b[bj]! };
          if (!target.startsWith(lowered)) break;
        }
      }
      return null;
    };
  }
  const cmp = collationComparator(c);
  return (s, from) => {
    const b = boundaries(s);
    for (let bi = 0; bi < b.length; bi++) {
      const i = b[bi]!;
      if (i < from) continue;
      for (let bj = bi; bj < b.length; bj++) {
        if (cmp(s.slice(i, b[bj]!), pattern) === 0) return { start: i, end: b[bj]! };
      }
    }
    return null;
  };
}

/** Whether `s` starts with `p` under `c`. */
export function collationStartsWith(c: Collation, s: string, p: string): boolean {
  if (c.provider === "spark") return c.lcase ? lcaseKey(s).startsWith(lcaseKey(p)) : s.startsWith(p);
  const cmp = collationComparator(c);
  for (const e of boundaries(s)) if (cmp(s.slice(0, e), p) === 0) return true;
  return false;
}

/** Whether `s` ends with `p` under `c`. */
export function collationEndsWith(c: Collation, s: string, p: string): boolean {
  if (c.provider === "spark") return c.lcase ? lcaseKey(s).endsWith(lcaseKey(p)) : s.endsWith(p);
  const cmp = collationComparator(c);
  for (const b of boundaries(s)) if (cmp(s.slice(b), p) === 0) return true;
  return false;
}

/** `replace(s, search, rep)` under `c`: every non-overlapping match, left to right, replaced. */
export function collationReplace(c: Collation, s: string, search: string, rep: string): string {
  if (search === "") return s;
  const find = collationMatcher(c, search);
  let out = "";
  let at = 0;
  for (;;) {
    const m = find(s, at);
    if (m === null || m.end === m.start) break;
    out += s.slice(at, m.start) + rep;
    at = m.end;
  }
  return out + s.slice(at);
}
