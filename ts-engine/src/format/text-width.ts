// Spark's Utils.fullWidthRegex: East Asian wide characters take two columns in show().
const FULL_WIDTH = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

/** Display width as Spark's Utils.stringHalfWidth: UTF-16 length plus one per full-width char. */
export function stringHalfWidth(s: string): number {
  const m = s.match(FULL_WIDTH);
  return s.length + (m === null ? 0 : m.length);
}

/** Spark's SchemaUtils.escapeMetaCharacters: control characters shown as `\n`, `\t`, ... */
export function escapeMetaCharacters(s: string): string {
  return s
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replace(/\f/g, "\\f")
    .replace(/\x08/g, "\\b")
    .replace(/\x0B/g, "\\v")
    .replace(/\x07/g, "\\a");
}

/** Pads on the left to display width `w` (right-aligns). */
export function leftPad(s: string, w: number): string {
  const n = w - stringHalfWidth(s);
  return n > 0 ? " ".repeat(n) + s : s;
}

/** Pads on the right with `ch` to display width `w` (left-aligns). */
export function rightPad(s: string, w: number, ch = " "): string {
  const n = w - stringHalfWidth(s);
  return n > 0 ? s + ch.repeat(n) : s;
}
