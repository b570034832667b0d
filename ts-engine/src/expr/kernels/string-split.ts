import { javaRegExp } from "./java-regex.js";

/**
 * Java's String.split(regex, limit) as Spark's split calls it: a limit of 0 or less splits as
 * often as possible and keeps trailing empty strings (Spark turns Java's 0 into -1); a positive
 * limit gives at most that many parts, the last holding the rest. A zero-width match at the
 * start adds no leading empty string (Java 8+). The pattern compiles once (java-regex.ts).
 */
export function javaSplit(s: string, pattern: string, limit: number): string[] {
  if (s === "") return [""];
  const re = javaRegExp(pattern, true, "split");
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
