import { ParseException } from "../errors/spark-exception.js";

/** A token of Spark SQL expression text. `text` is the raw spelling; `value` the decoded string/identifier. */
export interface Token {
  readonly type: "ident" | "quoted" | "number" | "string" | "op" | "hint" | "eof";
  readonly text: string;
  readonly value: string;
  readonly pos: number;
}

const OPS = ["<=>", "<>", "!=", "==", "<=", ">=", "::", "||", "->", "=>", "=", "<", ">", "+", "-", "*", "/", "%", "(", ")", ",", ".", "~", "&", "|", "^", "!", "[", "]", "?", ":", ";"];

// Sticky (anchored at lastIndex) so that a token is matched in place, not on a copy of the rest of the text.
const NUMBER = /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(BD|[LSYDF])?(?![A-Za-z0-9_])/iy;
const IDENT = /[A-Za-z_\d][A-Za-z0-9_]*/y;
const SPACE = /\s/;

/** A PARSE_SYNTAX_ERROR that remembers where in the text it happened (for Spark's `== SQL ==` excerpt). */
export class SqlSyntaxError extends ParseException {
  constructor(
    params: Readonly<Record<string, string>>,
    readonly pos: number,
  ) {
    super("PARSE_SYNTAX_ERROR", params);
  }
}

/** PARSE_SYNTAX_ERROR at a token, as Spark words it (`'x'` or `end of input`). */
export function syntaxError(t: Token, hint = ""): ParseException {
  return new SqlSyntaxError({ error: t.type === "eof" ? "end of input" : `'${t.text}'`, hint }, t.pos);
}

function decodeString(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    switch (c) {
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "r":
        return "\r";
      case "0":
        return "\0";
      default:
        return c;
    }
  });
}

/** Splits SQL text into tokens on demand; `pos` may be moved by the parser (to read a type name raw). */
export class Lexer {
  pos = 0;
  constructor(readonly text: string) {}

  private skip(): void {
    for (;;) {
      while (this.pos < this.text.length && SPACE.test(this.text[this.pos]!)) this.pos++;
      if (this.text.startsWith("--", this.pos)) {
        while (this.pos < this.text.length && this.text[this.pos] !== "\n") this.pos++;
      } else if (this.text.startsWith("/*", this.pos) && !this.text.startsWith("/*+", this.pos)) {
        this.pos = this.commentEnd(this.pos);
      } else return;
    }
  }

  /** Where a bracketed comment that opens at `from` ends; Spark's bracketed comments nest. */
  private commentEnd(from: number): number {
    let depth = 0;
    let i = from;
    while (i < this.text.length) {
      if (this.text.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (this.text.startsWith("*/", i)) {
        i += 2;
        if (--depth === 0) return i;
      } else i++;
    }
    throw new SqlSyntaxError({ error: "end of input", hint: "" }, this.text.length);
  }

  /** Reads the next token and advances. */
  next(): Token {
    // The parser peeks before it consumes: reuse the token peeked at this position.
    if (this.cachedAt === this.pos && this.cached !== undefined) {
      this.pos = this.cachedEnd;
      return this.cached;
    }
    return this.lex();
  }

  private cachedAt = -1;
  private cachedEnd = 0;
  private cached: Token | undefined;

  private lex(): Token {
    this.skip();
    const start = this.pos;
    const s = this.text;
    if (start >= s.length) return { type: "eof", text: "", value: "", pos: start };
    const c = s[start]!;
    if (s.startsWith("/*+", start)) {
      // A hint comment (slash-star-plus BROADCAST(t)): its body is parsed by the query parser.
      this.pos = this.commentEnd(start);
      return { type: "hint", text: s.slice(start, this.pos), value: s.slice(start + 3, this.pos - 2), pos: start };
    }
    if (c === "'" || c === '"') {
      let i = start + 1;
      while (i < s.length && s[i] !== c) i += s[i] === "\\" ? 2 : 1;
      if (i >= s.length) throw syntaxError({ type: "op", text: c, value: c, pos: start });
      this.pos = i + 1;
      return { type: "string", text: s.slice(start, this.pos), value: decodeString(s.slice(start + 1, i)), pos: start };
    }
    if (c === "`") {
      let i = start + 1;
      let value = "";
      for (;;) {
        if (i >= s.length) throw syntaxError({ type: "op", text: c, value: c, pos: start });
        if (s[i] === "`") {
          if (s[i + 1] === "`") {
            value += "`";
            i += 2;
            continue;
          }
          break;
        }
        value += s[i];
        i++;
      }
      this.pos = i + 1;
      return { type: "quoted", text: s.slice(start, this.pos), value, pos: start };
    }
    NUMBER.lastIndex = start;
    const num = NUMBER.exec(s);
    if (num !== null) {
      this.pos = start + num[0].length;
      return { type: "number", text: num[0], value: num[0], pos: start };
    }
    IDENT.lastIndex = start;
    const id = IDENT.exec(s);
    if (id !== null) {
      this.pos = start + id[0].length;
      return { type: "ident", text: id[0], value: id[0], pos: start };
    }
    const op = OPS.find((o) => s.startsWith(o, start));
    if (op === undefined) throw syntaxError({ type: "op", text: c, value: c, pos: start });
    this.pos = start + op.length;
    return { type: "op", text: op, value: op, pos: start };
  }

  /** The next token without consuming it. */
  peek(): Token {
    const save = this.pos;
    const t = this.next();
    this.cachedAt = save;
    this.cachedEnd = this.pos;
    this.cached = t;
    this.pos = save;
    return t;
  }

  /** Raw text of a type name at the cursor (`decimal(10, 2)`, `array<map<string,int>>`). */
  readTypeText(): string {
    this.skip();
    const start = this.pos;
    const s = this.text;
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(start));
    if (id === null) throw syntaxError(this.peek());
    let i = start + id[0].length;
    // `interval day to second`, `interval year`: the qualifier words belong to the type.
    const qualifier = /^interval\s+[A-Za-z]+(?:\s+to\s+[A-Za-z]+)?/i.exec(s.slice(start));
    if (qualifier !== null) {
      this.pos = start + qualifier[0].length;
      return qualifier[0];
    }
    let j = i;
    while (j < s.length && /\s/.test(s[j]!)) j++;
    if (s[j] === "(" || s[j] === "<") {
      const open = s[j]!;
      const close = open === "(" ? ")" : ">";
      let depth = 0;
      for (; j < s.length; j++) {
        if (s[j] === open) depth++;
        else if (s[j] === close && --depth === 0) break;
      }
      if (j >= s.length) throw syntaxError({ type: "eof", text: "", value: "", pos: j });
      i = j + 1;
    }
    // Spark 4: `STRING COLLATE <name>` is one type
    const collate = /^string\s+collate\s+[A-Za-z_][A-Za-z0-9_]*/i.exec(s.slice(start));
    if (collate !== null) i = start + collate[0].length;
    this.pos = i;
    return s.slice(start, i);
  }
}
