import type { CsvOptions } from "./csv-options.js";
import { BUILT, EMPTY, ESCAPED, QUOTED, unescapeToken, type CsvTokens } from "./csv-tokenizer.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * One record field as a value's text: null (an unquoted empty field, or text equal to
 * nullValue, as Spark's nullSafeDatum), or bytes [start, end) of `bytes`, or a string (an
 * escaped value, or emptyValue for a quoted empty field).
 */
export class FieldText {
  private readonly nullBytes: Uint8Array;
  bytes: Uint8Array = new Uint8Array(0);
  start = 0;
  end = 0;
  /** Set when the text is not a plain byte range. */
  str: string | null = null;

  constructor(private readonly o: CsvOptions) {
    this.nullBytes = encoder.encode(o.nullValue);
  }

  /** Reads token `i`; false when the field is null. */
  read(t: CsvTokens, i: number): boolean {
    const kind = t.kinds[i]!;
    if (kind === EMPTY) return false;
    const s = t.starts[i]!;
    const e = t.ends[i]!;
    if (kind === QUOTED && s === e) {
      if (this.o.emptyValue === this.o.nullValue) return false;
      this.str = this.o.emptyValue;
      return true;
    }
    if (kind === BUILT) {
      const v = t.built.get(i) ?? "";
      if (v === this.o.nullValue) return false;
      this.str = v;
      return true;
    }
    if (kind === ESCAPED) {
      const v = unescapeToken(t.bytes, s, e, this.o.quote, this.o.escape, this.o.escapeEscape);
      if (v === this.o.nullValue) return false;
      this.str = v;
      return true;
    }
    if (this.isNullRange(t.bytes, s, e)) return false;
    this.bytes = t.bytes;
    this.start = s;
    this.end = e;
    this.str = null;
    return true;
  }

  /** Whether bytes [s, e) of `b` are nullValue (a plain field equal to it is null). */
  isNullRange(b: Uint8Array, s: number, e: number): boolean {
    const nb = this.nullBytes;
    if (nb.length !== e - s) return false;
    for (let j = 0; j < nb.length; j++) if (b[s + j] !== nb[j]) return false;
    return true;
  }

  /** The text as a JS string. */
  text(): string {
    return this.str ?? decoder.decode(this.bytes.subarray(this.start, this.end));
  }

  /** The text as UTF-8 bytes with a range (copying only when it was a string). */
  asBytes(): void {
    if (this.str === null) return;
    this.bytes = encoder.encode(this.str);
    this.start = 0;
    this.end = this.bytes.length;
    this.str = null;
  }
}
