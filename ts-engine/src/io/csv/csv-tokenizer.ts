import type { UnescapedQuoteHandling } from "./csv-options.js";

/**
 * CSV records tokenized in one loop over UTF-8 bytes, with the semantics Spark gets from the
 * univocity parser as Spark configures it: `quote` opens a quoted value, in which `escape`
 * before a quote (or before itself) escapes it; a quote followed by the delimiter or the end of
 * the record closes it; any other unescaped quote turns the value into an unquoted one read raw
 * up to the next delimiter (unescapedQuoteHandling STOP_AT_DELIMITER, the default), is kept as a
 * character of the value (STOP_AT_CLOSING_QUOTE), makes the value null (SKIP_VALUE) or fails the
 * read (RAISE_ERROR); BACK_TO_DELIMITER is refused. Unquoted values are
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

  reset(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.nTokens = 0;
    this.nRecords = 0;
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
    if (this.nRecords === this.recTok.length) this.growRecords();
    this.recTok[this.nRecords] = this.nTokens;
    this.recStart[this.nRecords] = start;
  }

  /** @internal */
  endRecord(end: number): void {
    const r = this.nRecords++;
    this.recCount[r] = this.nTokens - this.recTok[r]!;
    this.recEnd[r] = end;
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

/**
 * Tokenizes one record starting at `pos`, up to `end` (a line's end in line mode) or to the
 * first record terminator outside quotes (`multiLine`). Returns the position after the record
 * (and its terminator).
 */
export function tokenizeRecord(t: CsvTokens, b: Uint8Array, pos: number, end: number, s: TokenizerSettings, multiLine: boolean): number {
  const { sep, quote, escape } = s;
  const k = sep.length;
  const s0 = sep[0]!;
  t.beginRecord(pos);
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
      while (q < end) {
        const c = b[q]!;
        if (c === escape && escape !== quote && q + 1 < end && (b[q + 1] === quote || b[q + 1] === escape)) {
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
          if (s.unescaped === "BACK_TO_DELIMITER") throw new Error("unescapedQuoteHandling BACK_TO_DELIMITER is not supported by tspark's CSV reader");
          raw = true;
          break;
        }
        q++;
      }
      if (raw) {
        // an unescaped quote: the whole value, quotes and all, up to the next delimiter
        let e = q;
        while (e < end && !(b[e] === s0 && isSep(b, e, end, sep)) && !(multiLine && terminatorAt(b, e, end, s.lineSep) > 0)) e++;
        let te = e;
        if (s.trimTrailing) while (te > fs && b[te - 1]! <= 0x20) te--;
        // SKIP_VALUE: the value is skipped to the delimiter and read as null
        t.push(fs, te, s.unescaped === "SKIP_VALUE" ? EMPTY : RAW);
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
    t.endRecord(p);
    return end;
  }
}

const decoder = new TextDecoder();

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

/** An ESCAPED token's value: escape + quote (or escape + escape) and doubled quotes undone. */
export function unescapeToken(b: Uint8Array, start: number, end: number, quote: number, escape: number): string {
  const out: number[] = [];
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c === escape && escape !== quote && i + 1 < end && (b[i + 1] === quote || b[i + 1] === escape)) {
      out.push(b[++i]!);
    } else if (c === quote && escape === quote && b[i + 1] === quote) {
      out.push(quote);
      i++;
    } else out.push(c);
  }
  return decoder.decode(Uint8Array.from(out));
}
