import { isUtf8 } from "node:buffer";
import type { UnescapedQuoteHandling } from "./csv-options.js";

/**
 * CSV records tokenized in one loop over UTF-8 bytes, with the semantics Spark gets from the
 * univocity parser as Spark configures it: `quote` opens a quoted value, in which `escape`
 * before a quote (or before itself) escapes it; a quote followed by the delimiter or the end of
 * the record closes it; any other unescaped quote turns the value into an unquoted one read raw
 * up to the next delimiter (unescapedQuoteHandling STOP_AT_DELIMITER, the default), is kept as a
 * character of the value (STOP_AT_CLOSING_QUOTE), makes the value null (SKIP_VALUE) or fails the
 * read (RAISE_ERROR), or cuts what was read of the value at its delimiters (BACK_TO_DELIMITER,
 * see backToDelimiter). Unquoted values are
 * trimmed when ignoreLeading/TrailingWhiteSpace say so (whitespace: bytes ≤ 0x20).
 * Tokens are byte ranges; nothing is copied or decoded here.
 */

/** The token's bytes are the value as they are. */
export const RAW = 0;
/** A quoted value whose bytes hold escapes to undo (see unescapeToken). */
export const ESCAPED = 1;
/** An unquoted empty value (univocity gives its nullValue: null). */
export const EMPTY = 2;
/** A quoted value whose bytes are the value as they are (empty: the emptyValue). */
export const QUOTED = 3;
/** A value built as text while tokenizing (CsvTokens.built holds it): rare forms, e.g. an unescaped quote after escapes. */
export const BUILT = 4;

const LF = 0x0a;
const CR = 0x0d;

/** univocity's error for RAISE_ERROR, the cause line under FAILED_READ_FILE. */
const UNESCAPED_QUOTE = (q: number): string =>
  `Unescaped quote character '${String.fromCharCode(q)}' inside quoted value of CSV field. To allow unescaped quotes, set 'parseUnescapedQuotes' to 'true' in the CSV parser settings. Cannot parse CSV input.`;

/** What the tokenizer needs of the options. */
export interface TokenizerSettings {
  /** What a quote inside a quoted value that is not escaped does (univocity's UnescapedQuoteHandling). */
  readonly unescaped: UnescapedQuoteHandling;
  readonly sep: Uint8Array;
  readonly quote: number;
  readonly escape: number;
  /** charToEscapeQuoteEscaping (0: none): before `escape` inside a quoted value, makes it a plain character. */
  readonly escapeEscape: number;
  readonly trimLeading: boolean;
  readonly trimTrailing: boolean;
  /** Record separator in multi-line mode (null: \n, \r\n or \r). */
  readonly lineSep: Uint8Array | null;
}

/**
 * Token and record arrays, grown as needed and reused across batches. Record r's tokens are
 * [recTok[r], recTok[r] + recCount[r]); its raw bytes (for the corrupt record column) are
 * [recStart[r], recEnd[r]).
 */
export class CsvTokens {
  starts: Int32Array = new Int32Array(1024);
  ends: Int32Array = new Int32Array(1024);
  kinds: Uint8Array = new Uint8Array(1024);
  recTok: Int32Array = new Int32Array(256);
  recCount: Int32Array = new Int32Array(256);
  recStart: Int32Array = new Int32Array(256);
  recEnd: Int32Array = new Int32Array(256);
  nTokens = 0;
  nRecords = 0;
  bytes: Uint8Array = new Uint8Array(0);
  /** The text of BUILT tokens, by token index. */
  readonly built = new Map<number, string>();
  /**
   * BACK_TO_DELIMITER with multiLine: the token at which a line break inside a quoted value
   * ended the record being tokenized (-1: none). See tokenizeRecord.
   */
  splitAt = -1;
  /**
   * Whether the last record is still open: the values after such a line break, which
   * univocity keeps and completes with the next record's values.
   */
  openTail = false;

  private checkedBytes: Uint8Array | null = null;
  private bytesAreUtf8 = true;

  reset(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.nTokens = 0;
    this.nRecords = 0;
    this.splitAt = -1;
    this.openTail = false;
    if (this.built.size > 0) this.built.clear();
  }

  private growTokens(): void {
    const n = this.starts.length * 2;
    const s = new Int32Array(n);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(n);
    e.set(this.ends);
    this.ends = e;
    const k = new Uint8Array(n);
    k.set(this.kinds);
    this.kinds = k;
  }

  private growRecords(): void {
    const n = this.recTok.length * 2;
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.recTok = grow(this.recTok);
    this.recCount = grow(this.recCount);
    this.recStart = grow(this.recStart);
    this.recEnd = grow(this.recEnd);
  }

  /** Room for `k` more tokens without growing. @internal */
  reserveTokens(k: number): void {
    while (this.nTokens + k > this.starts.length) this.growTokens();
  }

  /** @internal */
  push(start: number, end: number, kind: number): void {
    if (this.nTokens === this.starts.length) this.growTokens();
    const i = this.nTokens++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.kinds[i] = kind;
  }

  /** @internal */
  beginRecord(start: number): void {
    if (this.openTail) {
      // the open record takes this record's values; its raw text is this record's
      this.openTail = false;
      this.nRecords--;
      this.recStart[this.nRecords] = start;
      return;
    }
    if (this.nRecords === this.recTok.length) this.growRecords();
    this.recTok[this.nRecords] = this.nTokens;
    this.recStart[this.nRecords] = start;
  }

  /** @internal */
  endRecord(end: number): void {
    const r = this.nRecords++;
    const split = this.splitAt;
    if (split >= 0 && split < this.nTokens) {
      // the record ended at a line break inside a value: the values after it open a record
      // of their own, with no raw text until the next record completes it
      this.splitAt = -1;
      this.recCount[r] = split - this.recTok[r]!;
      this.recEnd[r] = end;
      if (this.nRecords === this.recTok.length) this.growRecords();
      const tail = this.nRecords++;
      this.recTok[tail] = split;
      this.recCount[tail] = this.nTokens - split;
      this.recStart[tail] = -1;
      this.recEnd[tail] = -1;
      this.openTail = true;
      return;
    }
    this.splitAt = -1;
    this.recCount[r] = this.nTokens - this.recTok[r]!;
    this.recEnd[r] = end;
  }

  /** Whether record r has raw text (the corrupt record column); an open tail's is null until completed. */
  hasText(r: number): boolean {
    return this.recStart[r]! >= 0;
  }

  /** Whether the bytes tokens point into are valid UTF-8 (checked once per chunk: a chunk is tokenized over several batches). */
  validUtf8(): boolean {
    if (this.checkedBytes !== this.bytes) {
      this.checkedBytes = this.bytes;
      this.bytesAreUtf8 = isUtf8(this.bytes);
    }
    return this.bytesAreUtf8;
  }

  /** Drops the last record (a comment or blank line found after tokenizing). */
  dropLast(): void {
    this.nRecords--;
    this.nTokens = this.recTok[this.nRecords]!;
  }
}

function isSep(b: Uint8Array, p: number, end: number, sep: Uint8Array): boolean {
  const k = sep.length;
  if (k === 1) return b[p] === sep[0];
  if (p + k > end) return false;
  for (let j = 0; j < k; j++) if (b[p + j] !== sep[j]) return false;
  return true;
}

/** Whether a record ends at p in multi-line mode: the length of its terminator (0: it does not). */
function terminatorAt(b: Uint8Array, p: number, end: number, lineSep: Uint8Array | null): number {
  if (lineSep === null) {
    const c = b[p];
    if (c === LF) return 1;
    if (c === CR) return p + 1 < end && b[p + 1] === LF ? 2 : 1;
    return 0;
  }
  return isSep(b, p, end, lineSep) ? lineSep.length : 0;
}

/** No limit on the fields tokenized per record. */
export const ALL_FIELDS = 0x7fffffff;

/**
 * Tokenizes one record starting at `pos`, up to `end` (a line's end in line mode) or to the
 * first record terminator outside quotes (`multiLine`). Returns the position after the record
 * (and its terminator). In line mode `maxFields` stops after that many fields: a scan that
 * reads only the first columns (Spark's CSV column pruning) never looks at the bytes after
 * them, and the record's count is then "at least maxFields".
 */
export function tokenizeRecord(t: CsvTokens, b: Uint8Array, pos: number, end: number, s: TokenizerSettings, multiLine: boolean, maxFields = ALL_FIELDS): number {
  const { sep, quote, escape, escapeEscape } = s;
  const k = sep.length;
  const s0 = sep[0]!;
  t.beginRecord(pos);
  if (maxFields === 0 && !multiLine) {
    t.endRecord(end);
    return end;
  }
  let fields = 0;
  let p = pos;
  for (;;) {
    // one field
    let fs = p;
    if (s.trimLeading) while (fs < end && b[fs]! <= 0x20 && !(multiLine && terminatorAt(b, fs, end, s.lineSep) > 0) && !isSep(b, fs, end, sep)) fs++;
    if (quote !== 0 && fs < end && b[fs] === quote) {
      let q = fs + 1;
      let kind = QUOTED;
      let closed = -1;
      let raw = false;
      let back = false;
      while (q < end) {
        const c = b[q]!;
        if (isEscapePair(b, q, end, quote, escape, escapeEscape)) {
          kind = ESCAPED;
          q += 2;
          continue;
        }
        if (c === quote) {
          // closing quote: what follows (after whitespace) must end the value
          let a = q + 1;
          while (a < end && b[a]! <= 0x20 && b[a] !== LF && b[a] !== CR && !isSep(b, a, end, sep)) a++;
          if (a >= end || isSep(b, a, end, sep) || (multiLine && terminatorAt(b, a, end, s.lineSep) > 0)) {
            closed = q;
            p = a;
            break;
          }
          if (escape === quote && b[q + 1] === quote) {
            kind = ESCAPED;
            q += 2;
            continue;
          }
          // an unescaped quote inside the value
          if (s.unescaped === "STOP_AT_CLOSING_QUOTE") {
            q++;
            continue;
          }
          if (s.unescaped === "RAISE_ERROR") throw new Error(UNESCAPED_QUOTE(quote));
          if (s.unescaped === "BACK_TO_DELIMITER") {
            back = true;
            break;
          }
          raw = true;
          break;
        }
        q++;
      }
      if (back) p = backToDelimiter(t, b, fs, end, s, multiLine);
      else if (raw) {
        // an unescaped quote: the whole value, quotes and all, up to the next delimiter
        let e = q;
        while (e < end && !(b[e] === s0 && isSep(b, e, end, sep)) && !(multiLine && terminatorAt(b, e, end, s.lineSep) > 0)) e++;
        let te = e;
        if (s.trimTrailing) while (te > fs && b[te - 1]! <= 0x20) te--;
        if (s.unescaped === "SKIP_VALUE") {
          // SKIP_VALUE: the value is skipped to the delimiter and read as null
          t.push(fs, te, EMPTY);
        } else if (kind === ESCAPED) {
          // univocity keeps what it read of the quoted value (escapes undone), then the rest raw
          t.built.set(t.nTokens, String.fromCharCode(quote) + unescapeToken(b, fs + 1, q, quote, escape, escapeEscape) + decoder.decode(b.subarray(q, te)));
          t.push(fs, te, BUILT);
        } else t.push(fs, te, RAW);
        p = e;
      } else if (closed < 0) {
        // no closing quote before the end: the rest, delimiters and all
        t.push(fs + 1, end, kind);
        p = end;
      } else t.push(fs + 1, closed, kind);
    } else {
      let e = fs;
      if (multiLine) {
        while (e < end && !(b[e] === s0 && isSep(b, e, end, sep)) && terminatorAt(b, e, end, s.lineSep) === 0) e++;
      } else if (k === 1) {
        while (e < end && b[e] !== s0) e++;
      } else {
        while (e < end && !(b[e] === s0 && isSep(b, e, end, sep))) e++;
      }
      let te = e;
      if (s.trimTrailing) while (te > fs && b[te - 1]! <= 0x20) te--;
      t.push(fs, te, te === fs && e === fs ? EMPTY : te === fs ? EMPTY : RAW);
      p = e;
    }
    // after the field: a delimiter (another field follows), or the record's end
    if (p < end && b[p] === s0 && isSep(b, p, end, sep)) {
      if (++fields === maxFields && !multiLine) {
        t.endRecord(end);
        return end;
      }
      p += k;
      if (p >= end) {
        // a trailing delimiter: one more, empty field
        t.push(p, p, EMPTY);
        t.endRecord(p);
        return p;
      }
      if (multiLine) {
        const n = terminatorAt(b, p, end, s.lineSep);
        if (n > 0) {
          t.push(p, p, EMPTY);
          t.endRecord(p);
          return p + n;
        }
      }
      continue;
    }
    if (multiLine && p < end) {
      const n = terminatorAt(b, p, end, s.lineSep);
      t.endRecord(p);
      return p + Math.max(n, 1);
    }
    // a value that ran to the end of the file (an unclosed quote): Spark's record text drops
    // the file's last line break (stripLineEnd)
    let e = p;
    if (multiLine && e > pos && b[e - 1] === LF) e--;
    if (multiLine && e > pos && b[e - 1] === CR) e--;
    t.endRecord(e);
    return end;
  }
}

/**
 * Whether `tokenizeLine` may take its fast path under `s`: a one-byte delimiter and no
 * trimming (Spark's reading defaults), so a field is the bytes up to the next delimiter
 * unless it starts with the quote.
 */
export function simpleLines(s: TokenizerSettings): boolean {
  return s.sep.length === 1 && !s.trimLeading && !s.trimTrailing;
}

/**
 * One line's record (line mode), as tokenizeRecord reads it, in the tight loop the common
 * case needs: unquoted fields found with one comparison per byte. A field that starts with
 * the quote hands the whole line to tokenizeRecord. Only for settings where simpleLines holds.
 */
export function tokenizeLine(t: CsvTokens, b: Uint8Array, pos: number, end: number, s: TokenizerSettings, maxFields: number): void {
  const s0 = s.sep[0]!;
  const quote = s.quote;
  const first = t.nTokens;
  t.beginRecord(pos);
  if (maxFields === 0) {
    t.endRecord(end);
    return;
  }
  // a line of k bytes has at most k + 1 fields: room for all of them first, then plain
  // stores into the token arrays (no capacity check per field)
  t.reserveTokens(Math.min(maxFields, end - pos + 1));
  const { starts, ends, kinds } = t;
  let n = first;
  let p = pos;
  let fields = 0;
  for (;;) {
    if (p < end && b[p] === quote && quote !== 0) {
      // a quoted field: the general tokenizer reads the line again from its start
      t.nTokens = first;
      tokenizeRecord(t, b, pos, end, s, false, maxFields);
      return;
    }
    let e = p;
    while (e < end && b[e] !== s0) e++;
    starts[n] = p;
    ends[n] = e;
    kinds[n++] = e === p ? EMPTY : RAW;
    if (e >= end || ++fields === maxFields) break;
    p = e + 1;
    if (p >= end) {
      // a trailing delimiter: one more, empty field
      starts[n] = p;
      ends[n] = p;
      kinds[n++] = EMPTY;
      break;
    }
  }
  t.nTokens = n;
  t.endRecord(end);
}

const decoder = new TextDecoder();

/**
 * A quoted value that holds an unescaped quote, read under BACK_TO_DELIMITER as univocity
 * reads it: at each unescaped quote, what was read of the value so far is cut at the
 * delimiters, each piece before one becoming a value of its own; reading goes on inside the
 * quoted value without that quote, until a closing quote (followed by the delimiter or the
 * record's end) or the end of the input (a line in line mode, the file with multiLine) ends
 * the last value. A doubled quote stands for one quote and, when the escape is another
 * character, makes the next character count as following an unescaped quote.
 *
 * With multiLine the value may hold line breaks (read as \n, as univocity normalizes them),
 * and the cut is at line breaks too: the first one ends the record there (univocity's
 * pending record, see CsvTokens.splitAt); the values after it stay open and the next record's
 * values complete them. Pushes the values (BUILT) and returns the position after the last.
 */
function backToDelimiter(t: CsvTokens, b: Uint8Array, fs: number, end: number, s: TokenizerSettings, multiLine: boolean): number {
  const { sep, quote, escape, escapeEscape } = s;
  let out: number[] = [];
  const value = (bytes: readonly number[]): void => {
    t.built.set(t.nTokens, decoder.decode(Uint8Array.from(bytes)));
    t.push(fs, fs, BUILT);
  };
  // line breaks inside the value: \n after normalizing \r\n and \r, or the lineSep given
  const nl: readonly number[] = s.lineSep === null ? [LF] : Array.from(s.lineSep);
  const matchAt = (i: number, m: ArrayLike<number>): boolean => {
    if (i + m.length > out.length) return false;
    for (let j = 0; j < m.length; j++) if (out[i + j] !== m[j]) return false;
    return true;
  };
  const cut = (): void => {
    let from = 0;
    for (let i = 0; i < out.length; ) {
      if (multiLine && matchAt(i, nl)) {
        value(out.slice(from, i));
        // the first line break ends the record; later ones in the same record only end values
        if (t.splitAt < 0) t.splitAt = t.nTokens;
        i += nl.length;
        from = i;
      } else if (matchAt(i, sep)) {
        value(out.slice(from, i));
        i += sep.length;
        from = i;
      } else i++;
    }
    out = out.slice(from);
  };
  const ends = (a: number): boolean => a >= end || isSep(b, a, end, sep) || (multiLine && terminatorAt(b, a, end, s.lineSep) > 0);
  let q = fs + 1;
  let afterDoubled = false;
  while (q < end) {
    const c = b[q]!;
    if (isEscapePair(b, q, end, quote, escape, escapeEscape)) {
      out.push(b[q + 1]!);
      q += 2;
      afterDoubled = false;
      continue;
    }
    if (c === quote) {
      let a = q + 1;
      while (a < end && b[a]! <= 0x20 && !ends(a)) a++;
      if (ends(a)) {
        value(out);
        return a;
      }
      if (a > q + 1) {
        // whitespace after the quote and more text: univocity puts the quotes back and reads
        // the rest raw up to the delimiter (as STOP_AT_DELIMITER does)
        let e = a;
        while (e < end && !isSep(b, e, end, sep) && !(multiLine && terminatorAt(b, e, end, s.lineSep) > 0)) e++;
        let te = e;
        if (s.trimTrailing) while (te > a && b[te - 1]! <= 0x20) te--;
        value([quote, ...out, quote, ...b.subarray(q + 1, te)]);
        return e;
      }
      if (b[q + 1] === quote) {
        out.push(quote);
        q += 2;
        afterDoubled = escape !== quote;
        continue;
      }
      cut();
      q++;
      afterDoubled = false;
      continue;
    }
    if (afterDoubled) {
      cut();
      afterDoubled = false;
    }
    if (multiLine && c === CR && s.lineSep === null) {
      out.push(LF);
      q += q + 1 < end && b[q + 1] === LF ? 2 : 1;
      continue;
    }
    out.push(c);
    q++;
  }
  value(out);
  return end;
}

/**
 * Fails as univocity does when a token of `t` holds more than `max` characters (-1: no limit):
 * one comparison per token, characters counted only for tokens past `max` bytes.
 */
export function checkMaxChars(t: CsvTokens, max: number): void {
  if (max < 0) return;
  const { starts, ends, bytes } = t;
  for (let i = 0; i < t.nTokens; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    if (e - s <= max) continue;
    let chars = 0;
    for (let j = s; j < e; j++) if ((bytes[j]! & 0xc0) !== 0x80) chars++;
    // univocity stops reading at max + 1 characters, so that is the length it reports
    if (chars > max) throw new Error(`Length of parsed input (${max + 1}) exceeds the maximum number of characters defined in your parser settings (${max}). `);
  }
}

/**
 * Whether b[q], b[q + 1] is an escape pair inside a quoted value: escape + quote, or the escape
 * escaped (charToEscapeQuoteEscaping + escape; with the default, escape + escape). Either
 * stands for its second character.
 */
function isEscapePair(b: Uint8Array, q: number, end: number, quote: number, escape: number, escapeEscape: number): boolean {
  if (q + 1 >= end || escape === 0) return false;
  const c = b[q];
  const n = b[q + 1];
  if (c === escapeEscape && escapeEscape !== 0 && n === escape) return escape !== quote || escapeEscape !== escape;
  return c === escape && escape !== quote && n === quote;
}

/** An ESCAPED token's value: escape pairs (see isEscapePair) and doubled quotes undone. */
export function unescapeToken(b: Uint8Array, start: number, end: number, quote: number, escape: number, escapeEscape: number): string {
  const out: number[] = [];
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (isEscapePair(b, i, end, quote, escape, escapeEscape)) {
      out.push(b[++i]!);
    } else if (c === quote && escape === quote && b[i + 1] === quote) {
      out.push(quote);
      i++;
    } else out.push(c);
  }
  return decoder.decode(Uint8Array.from(out));
}
