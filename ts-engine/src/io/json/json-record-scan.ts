import { isUtf8 } from "node:buffer";

/**
 * A byte-level scanner for one JSON-lines record, the fast path of the JSON source: it walks
 * the record's UTF-8 bytes once, validating strict JSON as Jackson's tokenizer does, and for
 * each top-level field the scan reads (the projected columns) records its token kind and byte
 * range. Values of other fields are skipped (still validated: Jackson's skipChildren tokenizes
 * them, so a malformed skipped value still makes a bad record). Anything outside plain strict
 * JSON (a top-level array, comments, single quotes, NaN, leading zeros, a duplicate projected
 * key, invalid UTF-8 …) returns GENERAL and the record takes the general parser, which knows
 * every leniency; so the fast path never decides what the general path would decide otherwise.
 */

/** Token kinds of a field's value (ABSENT: the record has no such field). */
export const ABSENT = 0;
export const NULL = 1;
export const TRUE = 2;
export const FALSE = 3;
/** A number without fraction or exponent (Jackson's VALUE_NUMBER_INT). */
export const INT = 4;
/** A number with a fraction or an exponent (VALUE_NUMBER_FLOAT). */
export const FLOAT = 5;
/** A string without escapes: its text is the bytes inside the quotes. */
export const STR = 6;
/** A string with escapes (its text needs unescaping). */
export const STR_ESCAPED = 7;
export const OBJECT = 8;
export const ARRAY = 9;

/** What `scanRecord` found. */
export const SCANNED = 1;
/** Only whitespace: not a record (Spark skips blank lines). */
export const BLANK = 0;
/** Leave the record to the general parser. */
export const GENERAL = -1;

/** Nesting deeper than this goes to the general parser (keeps the recursion shallow). */
const MAX_DEPTH = 256;

const JACKSON_BLANK = /^[ \t\r\n]*$/;

/**
 * Whether record text is only Jackson's whitespace (space, tab, CR, LF): Spark skips such
 * records, where any other character (a vertical tab, a form feed, U+00A0) makes a malformed one.
 */
export function isBlankRecord(text: string): boolean {
  return JACKSON_BLANK.test(text);
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Whether c ends a number or literal token. */
function isDelimiter(c: number | undefined): boolean {
  return c === undefined || c === 0x2c || c === 0x7d || c === 0x5d || isWs(c);
}

/** The valid characters after a backslash in strict JSON. */
const ESCAPES = new Uint8Array(128);
for (const c of '"\\/bfnrtu') ESCAPES[c.charCodeAt(0)] = 1;

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

/**
 * What a scan does with each top-level field of a record: `ks`/`ke` the key's bytes (without
 * quotes, no escapes), `kind` its value's token kind (a string with escapes STR_ESCAPED) and
 * `vs`/`ve` the value's bytes as written. False sends the record to the general parser.
 */
export interface FieldSink {
  field(b: Uint8Array, ks: number, ke: number, kind: number, vs: number, ve: number): boolean;
}

/** Bytes inside a string by what they mean: plain, the closing quote, an escape, a control character, or past ASCII. */
const PLAIN = 0;
const QUOTE = 1;
const BACKSLASH = 2;
const CONTROL = 3;
const HIGH = 4;
const STRING_CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) STRING_CLASS[c] = c < 0x20 ? CONTROL : c === 0x22 ? QUOTE : c === 0x5c ? BACKSLASH : c >= 0x80 ? HIGH : PLAIN;

/** Digits 0-9 → 1. */
const DIGIT = new Uint8Array(256);
for (let c = 0x30; c <= 0x39; c++) DIGIT[c] = 1;

/**
 * The byte scanner of JSON-lines records (see the module comment). One instance per scan; not
 * reentrant.
 */
export class JsonRecordScanner {
  /** Set by `value`/`string`: the kind of the last value scanned (STR_ESCAPED for a string with escapes). */
  private kind = GENERAL;

  /**
   * Scans record bytes [s, e), handing each top-level field to `sink`: SCANNED, BLANK for
   * whitespace only, or GENERAL.
   */
  scanRecord(b: Uint8Array, s: number, e: number, sink: FieldSink): number {
    let i = s;
    while (i < e && isWs(b[i]!)) i++;
    if (i >= e) return BLANK;
    if (b[i] !== 0x7b) return GENERAL;
    i++;
    while (i < e && isWs(b[i]!)) i++;
    if (b[i] === 0x7d) i++;
    else {
      for (;;) {
        if (i >= e || b[i] !== 0x22) return GENERAL;
        const ks = i + 1;
        const ke = this.string(b, i, e);
        if (ke < 0 || this.kind !== STR) return GENERAL;
        i = ke;
        while (i < e && isWs(b[i]!)) i++;
        if (b[i] !== 0x3a) return GENERAL;
        i++;
        while (i < e && isWs(b[i]!)) i++;
        const vs = i;
        const ve = this.value(b, i, e, 0);
        if (ve < 0 || !sink.field(b, ks, ke - 1, this.kind, vs, ve)) return GENERAL;
        i = ve;
        while (i < e && isWs(b[i]!)) i++;
        const c = b[i];
        i++;
        if (c === 0x7d) break;
        if (c !== 0x2c) return GENERAL;
        while (i < e && isWs(b[i]!)) i++;
      }
    }
    while (i < e && isWs(b[i]!)) i++;
    return i === e ? SCANNED : GENERAL;
  }

  /** The end of the value starting at b[i] (its kind in `kind`), or -1 when it is not strict JSON. */
  private value(b: Uint8Array, i: number, e: number, depth: number): number {
    if (i >= e) return -1;
    const c = b[i]!;
    switch (c) {
      case 0x22:
        return this.string(b, i, e);
      case 0x7b:
      case 0x5b: {
        const end = this.container(b, i, e, depth);
        this.kind = c === 0x7b ? OBJECT : ARRAY;
        return end;
      }
      case 0x74:
        this.kind = TRUE;
        return literal(b, i, e, TRUE_BYTES);
      case 0x66:
        this.kind = FALSE;
        return literal(b, i, e, FALSE_BYTES);
      case 0x6e:
        this.kind = NULL;
        return literal(b, i, e, NULL_BYTES);
      default:
        return c === 0x2d || DIGIT[c] === 1 ? this.number(b, i, e) : -1;
    }
  }

  /** The end of a strict JSON number at b[i] (INT or FLOAT in `kind`), or -1 (leading zeros, NaN …: the general parser). */
  private number(b: Uint8Array, i: number, e: number): number {
    let j = i;
    if (b[j] === 0x2d) j++;
    if (j >= e) return -1;
    if (b[j] === 0x30) j++;
    else {
      if (DIGIT[b[j]!] !== 1) return -1;
      j++;
      while (j < e && DIGIT[b[j]!] === 1) j++;
    }
    let kind = INT;
    if (j < e && b[j] === 0x2e) {
      j++;
      const f = j;
      while (j < e && DIGIT[b[j]!] === 1) j++;
      if (j === f) return -1;
      kind = FLOAT;
    }
    if (j < e && (b[j] === 0x65 || b[j] === 0x45)) {
      j++;
      if (j < e && (b[j] === 0x2b || b[j] === 0x2d)) j++;
      const x = j;
      while (j < e && DIGIT[b[j]!] === 1) j++;
      if (j === x) return -1;
      kind = FLOAT;
    }
    if (!isDelimiter(j < e ? b[j] : undefined)) return -1;
    this.kind = kind;
    return j;
  }

  /**
   * The end of the string whose opening quote is at b[i] (past the closing quote; STR or
   * STR_ESCAPED in `kind`), or -1 when it is not strict JSON (an unknown escape, a raw control
   * character, invalid UTF-8, unterminated).
   */
  private string(b: Uint8Array, i: number, e: number): number {
    let j = i + 1;
    let esc = false;
    let high = false;
    for (;;) {
      while (j < e && STRING_CLASS[b[j]!] === PLAIN) j++;
      if (j >= e) return -1;
      const k = STRING_CLASS[b[j]!]!;
      if (k === QUOTE) break;
      if (k === BACKSLASH) {
        const x = j + 1 < e ? b[j + 1]! : 0;
        if (x >= 128 || ESCAPES[x] !== 1) return -1;
        if (x === 0x75) {
          if (j + 5 >= e || !isHex(b[j + 2]!) || !isHex(b[j + 3]!) || !isHex(b[j + 4]!) || !isHex(b[j + 5]!)) return -1;
          j += 6;
        } else j += 2;
        esc = true;
        continue;
      }
      if (k === CONTROL) return -1;
      high = true;
      j++;
    }
    // bytes that are not UTF-8 decode to U+FFFD on the general path: leave them to it
    if (high && !isUtf8(b.subarray(i + 1, j))) return -1;
    this.kind = esc ? STR_ESCAPED : STR;
    return j + 1;
  }

  /** The end of the object or array at b[i], every value inside validated, or -1. */
  private container(b: Uint8Array, i: number, e: number, depth: number): number {
    if (depth >= MAX_DEPTH) return -1;
    const obj = b[i] === 0x7b;
    const close = obj ? 0x7d : 0x5d;
    let j = i + 1;
    while (j < e && isWs(b[j]!)) j++;
    if (j < e && b[j] === close) return j + 1;
    for (;;) {
      if (obj) {
        if (j >= e || b[j] !== 0x22) return -1;
        j = this.string(b, j, e);
        if (j < 0) return -1;
        while (j < e && isWs(b[j]!)) j++;
        if (j >= e || b[j] !== 0x3a) return -1;
        j++;
        while (j < e && isWs(b[j]!)) j++;
      }
      j = this.value(b, j, e, depth + 1);
      if (j < 0) return -1;
      while (j < e && isWs(b[j]!)) j++;
      if (j >= e) return -1;
      const d = b[j];
      j++;
      if (d === close) return j;
      if (d !== 0x2c) return -1;
      while (j < e && isWs(b[j]!)) j++;
    }
  }
}

const TRUE_BYTES = Uint8Array.from([0x74, 0x72, 0x75, 0x65]);
const FALSE_BYTES = Uint8Array.from([0x66, 0x61, 0x6c, 0x73, 0x65]);
const NULL_BYTES = Uint8Array.from([0x6e, 0x75, 0x6c, 0x6c]);

/** The end of the literal `lit` at b[i] followed by a delimiter, or -1. */
function literal(b: Uint8Array, i: number, e: number, lit: Uint8Array): number {
  if (i + lit.length > e) return -1;
  for (let k = 0; k < lit.length; k++) if (b[i + k] !== lit[k]) return -1;
  const j = i + lit.length;
  return isDelimiter(j < e ? b[j] : undefined) ? j : -1;
}

/**
 * The sink of a scan that reads some columns: each projected field's token kind and value
 * range go to `kinds`, `starts` and `ends` at `base + column` (set `base` per record, and the
 * kinds to ABSENT); other fields are skipped.
 */
export class ProjectedFields implements FieldSink {
  /** Projected field indices by name length in bytes. */
  private readonly byLength: Int32Array[] = [];
  private readonly names: Uint8Array[];
  kinds = new Uint8Array(0);
  starts = new Int32Array(0);
  ends = new Int32Array(0);
  base = 0;

  constructor(fieldNames: readonly string[]) {
    const enc = new TextEncoder();
    this.names = fieldNames.map((n) => enc.encode(n));
    const lists: number[][] = [];
    this.names.forEach((n, i) => (lists[n.length] ??= []).push(i));
    for (let k = 0; k < lists.length; k++) this.byLength[k] = Int32Array.from(lists[k] ?? []);
  }

  /** The projected column named by bytes [s, e) of b, or -1. */
  private column(b: Uint8Array, s: number, e: number): number {
    const cands = this.byLength[e - s];
    if (cands === undefined) return -1;
    for (let k = 0; k < cands.length; k++) {
      const c = cands[k]!;
      const n = this.names[c]!;
      let j = 0;
      while (j < n.length && n[j] === b[s + j]) j++;
      if (j === n.length) return c;
    }
    return -1;
  }

  field(b: Uint8Array, ks: number, ke: number, kind: number, vs: number, ve: number): boolean {
    const col = this.column(b, ks, ke);
    if (col < 0) return true;
    const at = this.base + col;
    // a repeated key: Jackson's last value wins, the general path keeps that rule
    if (this.kinds[at] !== ABSENT) return false;
    this.kinds[at] = kind;
    this.starts[at] = vs;
    this.ends[at] = ve;
    return true;
  }
}
