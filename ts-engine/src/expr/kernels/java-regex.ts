import { SparkException } from "../../errors/spark-exception.js";

/**
 * Java regular expressions (java.util.regex.Pattern, what Spark's rlike, regexp_* and split
 * use) translated to JavaScript RegExp source with the `u` flag. Where the two dialects
 * differ the translation emulates Java:
 * - `\Q…\E` quoting; possessive quantifiers (`a*+`) and atomic groups (`(?>…)`) through the
 *   lookahead-capture idiom `(?=(X))\N`, with group numbers remapped so `$1` / `\1` still
 *   name the user's groups;
 * - embedded flags anywhere (`(?i)`, `(?-i)`, `(?s:…)`, `(?x)` …), scoped to their group as
 *   in Java: case-insensitivity is ASCII-only unless `u` (UNICODE_CASE) is also set, `s` makes
 *   `.` match line terminators, `m` makes `^`/`$` line anchors, `x` drops whitespace and
 *   `#` comments, `d` (UNIX_LINES) makes `\n` the only line terminator;
 * - `.`, `$`, `\Z`, `\z`, `\A` with Java's line terminators (`$` also matches before a final
 *   line terminator); `\s`, `\h`, `\v`, `\R` with Java's sets; POSIX classes `\p{Alpha}` …
 *   (ASCII, as in Java), `\p{javaLowerCase}`, `\p{IsAlphabetic}`, `\p{IsLatin}`, `\p{Lu}`;
 * - character classes with unions (`[a-c[x-z]]`) and intersections (`[a-z&&[^aeiou]]`).
 * Constructs with no JavaScript counterpart (`\G`, `\X`, Unicode blocks `\p{InGreek}`, …)
 * raise INVALID_PARAMETER_VALUE.PATTERN instead of matching something else.
 */
export interface JavaRegex {
  /** JavaScript source, for `new RegExp(source, flags)`. */
  readonly source: string;
  /** Always contains `u`. */
  readonly flags: string;
  /** JavaScript group number of each Java capturing group (index 0 is the whole match). */
  readonly groupMap: readonly number[];
  /** Number of the user's (Java) capturing groups. */
  readonly groupCount: number;
}

interface Flags {
  readonly i: boolean;
  readonly s: boolean;
  readonly m: boolean;
  readonly x: boolean;
  readonly u: boolean;
  readonly d: boolean;
}

const NO_FLAGS: Flags = { i: false, s: false, m: false, x: false, u: false, d: false };

/** Output pieces: text, the opening paren of a capture (a Java group or a possessive wrapper), a backreference. */
type Piece = string | { readonly open: number } | { readonly ref: number };

type Range = readonly [number, number];

const MAX_CP = 0x10ffff;

/** A set of code points: sorted ranges plus JavaScript `\p{…}` / `\P{…}` escapes. */
interface CharSet {
  readonly ranges: Range[];
  readonly props: string[];
}

/** Spark's error for a pattern Java rejects (or that has no JavaScript counterpart); `reason` says which. */
function fail(pattern: string, reason: string, functionName: string): SparkException {
  return new SparkException("SparkRuntimeException", "INVALID_PARAMETER_VALUE.PATTERN", {
    parameter: "`regexp`",
    functionName: `\`${functionName}\``,
    value: `'${pattern}'`,
    reason,
  });
}

function normalize(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

const r = (a: string, b = a): Range => [a.codePointAt(0)!, b.codePointAt(0)!];

/** Java's predefined and POSIX classes (ASCII, as without UNICODE_CHARACTER_CLASS). */
const POSIX: Readonly<Record<string, readonly Range[]>> = {
  Lower: [r("a", "z")],
  Upper: [r("A", "Z")],
  ASCII: [[0, 0x7f]],
  Alpha: [r("a", "z"), r("A", "Z")],
  Digit: [r("0", "9")],
  Alnum: [r("a", "z"), r("A", "Z"), r("0", "9")],
  Punct: [r("!", "/"), r(":", "@"), r("[", "`"), r("{", "~")],
  Graph: [r("!", "~")],
  Print: [r(" ", "~")],
  Blank: [r(" "), r("\t")],
  Cntrl: [[0, 0x1f], [0x7f, 0x7f]],
  XDigit: [r("0", "9"), r("a", "f"), r("A", "F")],
  Space: [r(" "), [0x09, 0x0d]],
};

const SPACE: readonly Range[] = [r(" "), [0x09, 0x0d]];
const HSPACE: readonly Range[] = [r(" "), r("\t"), [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e], [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000]];
const VSPACE: readonly Range[] = [[0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]];
const DIGIT: readonly Range[] = [r("0", "9")];
const WORD: readonly Range[] = [r("a", "z"), r("A", "Z"), r("0", "9"), r("_")];

/** Java property names that JavaScript spells differently (or that need a Unicode property). */
const PROPERTY_ALIASES: Readonly<Record<string, string>> = {
  javaLowerCase: "Lowercase",
  javaUpperCase: "Uppercase",
  javaAlphabetic: "Alphabetic",
  javaLetter: "L",
  javaDigit: "Nd",
  javaWhitespace: "White_Space",
  javaIdeographic: "Ideographic",
  IsAlphabetic: "Alphabetic",
  IsLetter: "L",
  IsDigit: "Nd",
  IsUppercase: "Uppercase",
  IsLowercase: "Lowercase",
  IsWhite_Space: "White_Space",
  IsWhiteSpace: "White_Space",
  IsPunctuation: "P",
  IsControl: "Cc",
  IsIdeographic: "Ideographic",
  IsEmoji: "Emoji",
};

function jsPropertyValid(name: string): boolean {
  try {
    new RegExp(`\\p{${name}}`, "u");
    return true;
  } catch {
    return false;
  }
}

function hex(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

const SYNTAX = new Set([..."^$\\.*+?()[]{}|/-"]);

/** A code point as a literal outside a class. */
function literal(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (SYNTAX.has(ch)) return ch === "-" ? "-" : `\\${ch}`;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || (cp >= 0x2028 && cp <= 0x2029)) return hex(cp);
  return ch;
}

/** A code point inside a JavaScript class. */
function classChar(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return String.fromCodePoint(cp);
  return hex(cp);
}

/**
 * Java's Character.toUpperCase / toLowerCase of one code point (the simple, one-to-one
 * mappings: JS's full mappings that give several code points leave the character as it is,
 * except İ, whose simple lower case is i).
 */
function javaCase(cp: number, upper: boolean): number {
  if (!upper && cp === 0x130) return 0x69;
  const ch = String.fromCodePoint(cp);
  const m = upper ? ch.toUpperCase() : ch.toLowerCase();
  const c = m.codePointAt(0)!;
  return m.length === (c > 0xffff ? 2 : 1) ? c : cp;
}

/** The highest code point with a case mapping (Adlam, U+1E943), so the index below stops there. */
const LAST_CASED = 0x1e943;
let caseClasses: Map<number, number[]> | null = null;

/**
 * The code points that Java's CASE_INSENSITIVE | UNICODE_CASE matches for `cp`: those whose
 * toLowerCase(toUpperCase(x)) equals cp's (Pattern's SingleU), from an index built once.
 */
function unicodeCaseClass(cp: number): readonly number[] {
  if (caseClasses === null) {
    caseClasses = new Map();
    for (let x = 0; x <= LAST_CASED; x++) {
      if (x >= 0xd800 && x <= 0xdfff) continue;
      const key = javaCase(javaCase(x, true), false);
      if (key === x && javaCase(x, true) === x) continue; // uncased: a class of its own
      const list = caseClasses.get(key);
      if (list === undefined) caseClasses.set(key, [x]);
      else list.push(x);
    }
  }
  const key = cp > LAST_CASED ? cp : javaCase(javaCase(cp, true), false);
  return caseClasses.get(key) ?? [cp];
}

/** The case variants Java's CASE_INSENSITIVE adds to a set (ASCII letters; all letters with UNICODE_CASE). */
function foldRanges(ranges: readonly Range[], unicode: boolean): Range[] {
  const out: Range[] = [...ranges];
  for (const [lo, hi] of ranges) {
    if (unicode && hi - lo < 2048) {
      for (let cp = lo; cp <= hi; cp++) for (const x of unicodeCaseClass(cp)) out.push([x, x]);
      continue;
    }
    const a = Math.max(lo, 0x61);
    const b = Math.min(hi, 0x7a);
    if (a <= b) out.push([a - 32, b - 32]);
    const c = Math.max(lo, 0x41);
    const d = Math.min(hi, 0x5a);
    if (c <= d) out.push([c + 32, d + 32]);
  }
  return normalize(out);
}

function renderSet(set: CharSet, negated: boolean): string {
  const body = normalize(set.ranges)
    .map(([lo, hi]) => (lo === hi ? classChar(lo) : `${classChar(lo)}-${classChar(hi)}`))
    .join("");
  const all = body + set.props.join("");
  if (all === "") return negated ? "[\\s\\S]" : "[]";
  return negated ? `[^${all}]` : `[${all}]`;
}

class Translator {
  private readonly cps: number[];
  private pos = 0;
  private readonly pieces: Piece[] = [];
  private javaGroups = 0;
  private wrappers = 0;

  constructor(
    private readonly pattern: string,
    private readonly functionName: string,
    private readonly initial: Flags,
  ) {
    this.cps = Array.from(pattern, (c) => c.codePointAt(0)!);
  }

  private peek(k = 0): number | undefined {
    return this.cps[this.pos + k];
  }

  private at(ch: string, k = 0): boolean {
    return this.cps[this.pos + k] === ch.codePointAt(0);
  }

  private error(reason: string): SparkException {
    return fail(this.pattern, `${reason} near index ${this.pos}`, this.functionName);
  }

  run(): JavaRegex {
    this.alternation(this.initial);
    if (this.pos < this.cps.length) throw this.error("Unmatched closing ')'");
    // Capture numbers in JavaScript follow the order of opening parens in the output.
    const groupMap: number[] = [0];
    const wrapperNumber = new Map<number, number>();
    let js = 0;
    for (const p of this.pieces) {
      if (typeof p === "object" && "open" in p) {
        js++;
        if (p.open > 0) groupMap[p.open] = js;
        else wrapperNumber.set(p.open, js);
      }
    }
    let source = "";
    for (const p of this.pieces) {
      if (typeof p === "string") source += p;
      else if ("open" in p) source += "(";
      else {
        const n = p.ref > 0 ? groupMap[p.ref] : wrapperNumber.get(p.ref);
        if (n === undefined) throw fail(this.pattern, `Reference to non-existent group ${p.ref}`, this.functionName);
        // `(?:)` keeps a following digit from extending the reference number.
        source += `\\${n}(?:)`;
      }
    }
    return { source, flags: "u", groupMap, groupCount: this.javaGroups };
  }

  private emit(p: Piece): void {
    this.pieces.push(p);
  }

  /** Alternatives up to an unmatched `)` or the end; inline flag groups change `flags` for the rest. */
  private alternation(initial: Flags): void {
    let flags = initial;
    for (;;) {
      flags = this.sequence(flags);
      if (this.at("|")) {
        this.pos++;
        this.emit("|");
        continue;
      }
      return;
    }
  }

  /** One alternative; returns the flags in force at its end (Java's `(?i)` lasts to the group's end). */
  private sequence(initial: Flags): Flags {
    let flags = initial;
    for (;;) {
      const c = this.peek();
      if (c === undefined || this.at("|") || this.at(")")) return flags;
      if (flags.x && this.skipComment()) continue;
      const start = this.pieces.length;
      const atom = this.atom(flags);
      if (atom === "flags") {
        flags = this.lastFlags!;
        continue;
      }
      if (atom === "anchor") continue;
      this.quantifier(start, flags);
    }
  }

  private lastFlags: Flags | null = null;

  /** In comments mode: skips whitespace and `#` comments; true when something was skipped. */
  private skipComment(): boolean {
    const c = this.peek();
    if (c === undefined) return false;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
      this.pos++;
      return true;
    }
    if (c === 0x23) {
      while (this.peek() !== undefined && this.peek() !== 0x0a) this.pos++;
      return true;
    }
    return false;
  }

  /** Parses one atom into pieces; "flags" for an inline flag group, "anchor" for a non-quantifiable assertion. */
  private atom(flags: Flags): "atom" | "flags" | "anchor" {
    const c = this.peek()!;
    const ch = String.fromCodePoint(c);
    switch (ch) {
      case "(":
        return this.group(flags);
      case "[": {
        this.pos++;
        this.emit(this.classExpr(flags));
        return "atom";
      }
      case ".":
        this.pos++;
        this.emit(flags.s ? "[\\s\\S]" : flags.d ? "[^\\n]" : "[^\\n\\r\\u0085\\u2028\\u2029]");
        return "atom";
      case "^":
        this.pos++;
        this.emit(flags.m ? (flags.d ? "(?<=^|\\n)" : "(?<=^|\\r\\n|[\\n\\r\\u0085\\u2028\\u2029](?!\\n))") : "^");
        return "anchor";
      case "$":
        this.pos++;
        this.emit(flags.m ? (flags.d ? "(?=\\n|$)" : "(?=[\\n\\r\\u0085\\u2028\\u2029]|$)") : this.endBeforeTerminator(flags));
        return "anchor";
      case "\\":
        return this.escape(flags);
      case "*":
      case "+":
      case "?":
        throw this.error(`Dangling meta character '${ch}'`);
      case "{":
        throw this.error("Illegal repetition");
      default:
        this.pos++;
        this.emitLiteral(c, flags);
        return "atom";
    }
  }

  private endBeforeTerminator(flags: Flags): string {
    return flags.d ? "(?=\\n?(?![\\s\\S]))" : "(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))";
  }

  private emitLiteral(cp: number, flags: Flags): void {
    const set = flags.i ? foldRanges([[cp, cp]], flags.u) : null;
    if (set !== null && set.length + (set[0]![1] - set[0]![0]) > 1) this.emit(renderSet({ ranges: set, props: [] }, false));
    else this.emit(literal(cp));
  }

  private group(flags: Flags): "atom" | "flags" {
    this.pos++; // (
    if (!this.at("?")) {
      const n = ++this.javaGroups;
      this.emit({ open: n });
      this.alternation(flags);
      this.close();
      return "atom";
    }
    this.pos++; // ?
    const c = this.peek();
    const ch = c === undefined ? "" : String.fromCodePoint(c);
    if (ch === ":" || ch === "=" || ch === "!") {
      this.pos++;
      this.emit(`(?${ch}`);
      this.alternation(flags);
      this.close();
      return "atom";
    }
    if (ch === "<" && (this.at("=", 1) || this.at("!", 1))) {
      this.emit(`(?<${String.fromCodePoint(this.peek(1)!)}`);
      this.pos += 2;
      this.alternation(flags);
      this.close();
      return "atom";
    }
    if (ch === "<") {
      this.pos++;
      let name = "";
      while (this.peek() !== undefined && !this.at(">")) name += String.fromCodePoint(this.cps[this.pos++]!);
      if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name) || !this.at(">")) throw this.error("named capturing group is missing trailing '>'");
      this.pos++;
      const n = ++this.javaGroups;
      // Keep the name visible to JavaScript too (`\k<name>` and match.groups).
      this.emit({ open: n });
      this.emit(`?<${name}>`);
      this.alternation(flags);
      this.close();
      return "atom";
    }
    if (ch === ">") {
      this.pos++;
      this.atomic(() => {
        this.emit("(?:");
        this.alternation(flags);
        this.close();
      });
      return "atom";
    }
    // Inline flags: (?idmsux-idmsux) or (?idmsux-idmsux:X)
    let next = { ...flags };
    let on = true;
    for (;;) {
      const f = this.peek();
      if (f === undefined) throw this.error("Unknown inline modifier");
      const fc = String.fromCodePoint(f);
      this.pos++;
      if (fc === "-") on = false;
      else if (fc === "i" || fc === "s" || fc === "m" || fc === "x" || fc === "u" || fc === "d") next = { ...next, [fc]: on };
      else if (fc === "U") {
        if (on) throw fail(this.pattern, "UNICODE_CHARACTER_CLASS (?U) is not supported", this.functionName);
      } else if (fc === ")") {
        this.lastFlags = next;
        return "flags";
      } else if (fc === ":") {
        this.emit("(?:");
        this.alternation(next);
        this.close();
        return "atom";
      } else throw this.error("Unknown inline modifier");
    }
  }

  private close(): void {
    if (!this.at(")")) throw this.error("Unclosed group");
    this.pos++;
    this.emit(")");
  }

  /** Wraps what `body` emits as an atomic group: `(?=(X))\N`. */
  private atomic(body: () => void): void {
    const id = -++this.wrappers;
    this.emit("(?=");
    this.emit({ open: id });
    body();
    this.emit("))");
    this.emit({ ref: id });
  }

  private quantifier(start: number, flags: Flags): void {
    if (flags.x) while (this.skipComment());
    const c = this.peek();
    if (c === undefined) return;
    let q: string;
    const ch = String.fromCodePoint(c);
    if (ch === "*" || ch === "+" || ch === "?") {
      this.pos++;
      q = ch;
    } else if (ch === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 24)));
      if (m === null) throw this.error("Illegal repetition");
      if (m[3] !== undefined && m[3] !== "" && Number(m[3]) < Number(m[1])) throw this.error("Illegal repetition range");
      this.pos += m[0].length;
      q = m[0];
    } else return;
    if (this.at("?")) {
      this.pos++;
      this.emit(q + "?");
    } else if (this.at("+")) {
      // Possessive: match greedily and never give back, i.e. an atomic group around `X q`.
      this.pos++;
      const atom = this.pieces.splice(start);
      this.atomic(() => {
        this.emit("(?:");
        for (const p of atom) this.emit(p);
        this.emit(")" + q);
      });
    } else this.emit(q);
  }

  private escape(flags: Flags): "atom" | "anchor" {
    this.pos++; // backslash
    const c = this.peek();
    if (c === undefined) throw this.error("Unexpected internal error");
    const ch = String.fromCodePoint(c);
    this.pos++;
    switch (ch) {
      case "Q": {
        let end = this.pos;
        while (end < this.cps.length && !(this.cps[end] === 0x5c && this.cps[end + 1] === 0x45)) end++;
        const quoted = this.cps.slice(this.pos, end);
        this.pos = Math.min(end + 2, this.cps.length);
        if (quoted.length === 0) return "anchor";
        this.emit("(?:");
        for (const q of quoted) this.emitLiteral(q, flags);
        this.emit(")");
        return "atom";
      }
      case "A":
        this.emit("(?<![\\s\\S])");
        return "anchor";
      case "z":
        this.emit("(?![\\s\\S])");
        return "anchor";
      case "Z":
        this.emit(this.endBeforeTerminator(flags));
        return "anchor";
      case "b":
      case "B":
        this.emit(`\\${ch}`);
        return "anchor";
      case "G":
        throw fail(this.pattern, "\\G (end of the previous match) is not supported", this.functionName);
      case "X":
        throw fail(this.pattern, "\\X (grapheme cluster) is not supported", this.functionName);
      case "R":
        this.emit("(?:\\r\\n|[\\n\\u000b\\f\\r\\u0085\\u2028\\u2029])");
        return "atom";
      case "k": {
        const m = /^<([A-Za-z][A-Za-z0-9]*)>/.exec(String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 64)));
        if (m === null) throw this.error("\\k is not followed by '<' for named capturing group");
        this.pos += m[0].length;
        this.emit(`\\k<${m[1]!}>`);
        return "atom";
      }
      default:
        break;
    }
    if (c >= 0x31 && c <= 0x39) {
      // Java takes further digits while they still name an existing group.
      let n = c - 0x30;
      while (this.peek() !== undefined && this.peek()! >= 0x30 && this.peek()! <= 0x39 && n * 10 + (this.peek()! - 0x30) <= this.javaGroups) {
        n = n * 10 + (this.peek()! - 0x30);
        this.pos++;
      }
      this.emit({ ref: n });
      return "atom";
    }
    this.pos -= 2;
    const set = this.escapeInClass(flags);
    if (typeof set === "number") this.emitLiteral(set, flags);
    else this.emit(renderSet(set, false));
    return "atom";
  }

  /** An escape that denotes one character (a code point) or a set; shared by atoms and classes. */
  private escapeInClass(flags: Flags): number | CharSet {
    this.pos++; // backslash
    const c = this.peek();
    if (c === undefined) throw this.error("Unexpected internal error");
    const ch = String.fromCodePoint(c);
    this.pos++;
    const set = (ranges: readonly Range[]): CharSet => ({ ranges: [...ranges], props: [] });
    switch (ch) {
      case "d":
        return set(DIGIT);
      case "D":
        return set(complement(DIGIT));
      case "w":
        return set(WORD);
      case "W":
        return set(complement(WORD));
      case "s":
        return set(SPACE);
      case "S":
        return set(complement(SPACE));
      case "h":
        return set(HSPACE);
      case "H":
        return set(complement(HSPACE));
      case "v":
        return set(VSPACE);
      case "V":
        return set(complement(VSPACE));
      case "p":
      case "P":
        return this.property(ch === "P");
      case "t":
        return 0x09;
      case "n":
        return 0x0a;
      case "r":
        return 0x0d;
      case "f":
        return 0x0c;
      case "a":
        return 0x07;
      case "e":
        return 0x1b;
      case "0": {
        let v = 0;
        let k = 0;
        while (k < 3 && this.peek() !== undefined && this.peek()! >= 0x30 && this.peek()! <= 0x37 && v * 8 + (this.peek()! - 0x30) <= 0o377) {
          v = v * 8 + (this.cps[this.pos++]! - 0x30);
          k++;
        }
        if (k === 0) throw this.error("Illegal octal escape sequence");
        return v;
      }
      case "x": {
        if (this.at("{")) {
          const end = this.cps.indexOf(0x7d, this.pos);
          const h = String.fromCodePoint(...this.cps.slice(this.pos + 1, end));
          if (end < 0 || !/^[0-9a-fA-F]+$/.test(h) || parseInt(h, 16) > MAX_CP) throw this.error("Illegal hexadecimal escape sequence");
          this.pos = end + 1;
          return parseInt(h, 16);
        }
        const h = String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 2));
        if (!/^[0-9a-fA-F]{2}$/.test(h)) throw this.error("Illegal hexadecimal escape sequence");
        this.pos += 2;
        return parseInt(h, 16);
      }
      case "u": {
        const h = String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 4));
        if (!/^[0-9a-fA-F]{4}$/.test(h)) throw this.error("Illegal Unicode escape sequence");
        this.pos += 4;
        const hi = parseInt(h, 16);
        // A surrogate pair written as two \u escapes is one code point, as in Java.
        if (hi >= 0xd800 && hi <= 0xdbff && this.at("\\") && this.at("u", 1)) {
          const l = String.fromCodePoint(...this.cps.slice(this.pos + 2, this.pos + 6));
          const lo = /^[0-9a-fA-F]{4}$/.test(l) ? parseInt(l, 16) : -1;
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            this.pos += 6;
            return 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
          }
        }
        return hi;
      }
      case "c": {
        const x = this.peek();
        if (x === undefined) throw this.error("Illegal control escape sequence");
        this.pos++;
        return x ^ 64;
      }
      default:
        if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) throw this.error("Illegal/unsupported escape sequence");
        if (c >= 0x30 && c <= 0x39) throw this.error("Illegal/unsupported escape sequence");
        return c; // Java: a backslash before a non-alphabetic character quotes it
    }
  }

  private property(negated: boolean): CharSet {
    let name: string;
    if (this.at("{")) {
      const end = this.cps.indexOf(0x7d, this.pos);
      if (end < 0) throw this.error("Unclosed character family");
      name = String.fromCodePoint(...this.cps.slice(this.pos + 1, end));
      this.pos = end + 1;
    } else {
      const c = this.peek();
      if (c === undefined) throw this.error("Illegal character family");
      name = String.fromCodePoint(c);
      this.pos++;
    }
    const posix = POSIX[name.startsWith("Is") && POSIX[name.slice(2)] !== undefined ? name.slice(2) : name];
    if (posix !== undefined) return { ranges: negated ? complement(posix) : [...posix], props: [] };
    let js = PROPERTY_ALIASES[name];
    if (js === undefined && name.startsWith("In")) throw fail(this.pattern, `Unicode block \\p{${name}} is not supported`, this.functionName);
    if (js === undefined && name.startsWith("Is")) {
      const rest = name.slice(2);
      js = jsPropertyValid(rest) ? rest : jsPropertyValid(`Script=${rest}`) ? `Script=${rest}` : undefined;
    }
    if (js === undefined && name.startsWith("script=")) js = `Script=${name.slice(7)}`;
    if (js === undefined && name.startsWith("general_category=")) js = name.slice(17);
    if (js === undefined && jsPropertyValid(name)) js = name;
    if (js === undefined || !jsPropertyValid(js)) throw fail(this.pattern, `Unknown character property name {${name}}`, this.functionName);
    return { ranges: [], props: [`\\${negated ? "P" : "p"}{${js}}`] };
  }

  /** A character class after its `[`: unions, ranges, nested classes and `&&` intersections. */
  private classExpr(flags: Flags): string {
    const negated = this.at("^");
    if (negated) this.pos++;
    const operands: string[] = [];
    let set: CharSet = { ranges: [], props: [] };
    const nested: string[] = [];
    let first = true;
    const flush = (): void => {
      const parts: string[] = [];
      if (set.ranges.length > 0 || set.props.length > 0) {
        parts.push(renderSet({ ranges: flags.i ? foldRanges(set.ranges, flags.u) : set.ranges, props: set.props }, false));
      }
      parts.push(...nested);
      operands.push(parts.length === 0 ? "[]" : parts.length === 1 ? parts[0]! : `(?:${parts.join("|")})`);
      set = { ranges: [], props: [] };
      nested.length = 0;
    };
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw this.error("Unclosed character class");
      if (c === 0x5d && !first) {
        this.pos++;
        break;
      }
      first = false;
      if (flags.x && (c === 0x20 || (c >= 0x09 && c <= 0x0d))) {
        this.pos++;
        continue;
      }
      if (this.at("&") && this.at("&", 1)) {
        this.pos += 2;
        flush();
        continue;
      }
      if (c === 0x5b) {
        this.pos++;
        nested.push(this.classExpr(flags));
        continue;
      }
      let lo: number | CharSet;
      if (c === 0x5c) {
        if (this.at("Q", 1)) {
          this.pos += 2;
          while (this.pos < this.cps.length && !(this.at("\\") && this.at("E", 1))) set.ranges.push([this.cps[this.pos]!, this.cps[this.pos++]!]);
          this.pos = Math.min(this.pos + 2, this.cps.length);
          continue;
        }
        lo = this.escapeInClass(flags);
      } else {
        this.pos++;
        lo = c;
      }
      if (typeof lo !== "number") {
        set.ranges.push(...lo.ranges);
        set.props.push(...lo.props);
        continue;
      }
      if (this.at("-") && this.peek(1) !== undefined && !this.at("]", 1) && !this.at("[", 1)) {
        this.pos++;
        let hi: number | CharSet;
        if (this.at("\\")) hi = this.escapeInClass(flags);
        else hi = this.cps[this.pos++]!;
        if (typeof hi !== "number") throw this.error("Illegal character range");
        if (hi < lo) throw this.error("Illegal character range");
        set.ranges.push([lo, hi]);
      } else set.ranges.push([lo, lo]);
    }
    flush();
    // Intersection A && B && C: every operand must match the same character.
    const body = operands.length === 1 ? operands[0]! : operands.slice(0, -1).map((o) => `(?=${o})`).join("") + operands[operands.length - 1]!;
    if (!negated) return body;
    if (operands.length === 1 && /^\[[^\]^][^]*\]$/.test(body) && !body.includes("(")) return `[^${body.slice(1)}`;
    return `(?:(?!${body})[\\s\\S])`;
  }
}

/**
 * Pattern.compile's flags that Spark passes: UTF8_LCASE strings match with CASE_INSENSITIVE |
 * UNICODE_CASE (CollationSupport's lowercase regex flags), as though the pattern began `(?ui)`.
 */
export type RegexCase = "sensitive" | "unicodeInsensitive";

const UNICODE_INSENSITIVE: Flags = { ...NO_FLAGS, i: true, u: true };

const cache = new Map<string, JavaRegex>();

/** The translation of a Java pattern (cached by pattern text: literal patterns compile once). */
export function translateJavaRegex(pattern: string, functionName = "rlike", caseMode: RegexCase = "sensitive"): JavaRegex {
  const key = (caseMode === "sensitive" ? "-" : "i") + pattern;
  let t = cache.get(key);
  if (t === undefined) {
    t = new Translator(pattern, functionName, caseMode === "sensitive" ? NO_FLAGS : UNICODE_INSENSITIVE).run();
    try {
      new RegExp(t.source, t.flags);
    } catch (e) {
      throw fail(pattern, e instanceof Error ? e.message : String(e), functionName);
    }
    if (cache.size > 1000) cache.clear();
    cache.set(key, t);
  }
  return t;
}

const compiled = new Map<string, RegExp>();

/**
 * A compiled RegExp for a Java pattern (`g` adds the global flag for replace/split scans),
 * cached by pattern so a literal pattern compiles once per process, not once per row.
 */
export function javaRegExp(pattern: string, global = false, functionName = "rlike", caseMode: RegexCase = "sensitive"): RegExp {
  const key = (global ? "g" : "-") + (caseMode === "sensitive" ? "-" : "i") + pattern;
  let re = compiled.get(key);
  if (re === undefined) {
    const t = translateJavaRegex(pattern, functionName, caseMode);
    re = new RegExp(t.source, global ? t.flags + "g" : t.flags);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}
