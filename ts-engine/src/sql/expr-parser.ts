import { BinaryType, BooleanType, DateType, NullType, StringType, TimestampNTZType, TimestampType } from "../types/data-type.js";
import { parseDataType } from "../types/ddl.js";
import type { ParsedExpr as Expr } from "../expr/parsed-expr.js";
import { parseDate, parseTimestamp } from "../expr/eval/datetime.js";
import { Lexer, syntaxError, type Token } from "./lexer.js";
import { numericLiteral } from "./literals.js";
import { intervalLiteral } from "./interval-literal.js";
import { unboundParameter, type ParserOptions, type SqlParameters } from "./parameters.js";
import { rearrangeArguments, type CallArgument } from "./named-arguments.js";
import { overClause, parseWindowSpec } from "./window-clause.js";
import { AnalysisException, ParseException } from "../errors/spark-exception.js";
import { withQueryContext } from "../errors/query-context.js";

const COMPARE: Readonly<Record<string, string>> = { "=": "==", "==": "==", "<>": "!=", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=", "<=>": "<=>" };

/** Words that end an expression, so they are never taken as a bare alias. */
const RESERVED = new Set(["and", "or", "not", "is", "in", "between", "like", "rlike", "as", "when", "then", "else", "end", "from", "where", "div", "case", "null", "true", "false", "distinct", "collate"]);

function fn(name: string, ...args: Expr[]): Expr {
  return { kind: "UnresolvedFunction", name, args, isDistinct: false };
}

function kw(t: Token, word: string): boolean {
  return t.type === "ident" && t.value.toLowerCase() === word;
}

/**
 * Recursive-descent parser for Spark SQL expressions, precedence as Spark's grammar: OR < AND < NOT
 * < predicates (IS NULL, IN, BETWEEN, LIKE) < comparisons < | < ^ < & < + - || < * / % DIV < unary < `::`.
 * Binary operators parse by precedence climbing, so deep nesting costs few stack frames per level.
 * Hand-written: the expression subset is small, and errors must carry Spark's PARSE_SYNTAX_ERROR.
 */
export class Parser {
  protected readonly lx: Lexer;
  protected readonly timeZone: string;
  protected readonly params: SqlParameters;
  private positional = 0;

  /** `timeZone` reads TIMESTAMP '…' literals (the session zone, as Spark's parser does); `params` binds `:name` and `?`. */
  constructor(sql: string, opts: string | ParserOptions = "UTC") {
    this.lx = new Lexer(sql);
    const o: ParserOptions = typeof opts === "string" ? { timeZone: opts } : opts;
    this.timeZone = o.timeZone ?? "UTC";
    this.params = o.params ?? {};
  }

  protected peek(): Token {
    return this.lx.peek();
  }

  /** Line (from 1) and position in the line (from 0) of a text offset, as Spark's query context gives them. */
  protected origin(offset: number): { line: number; pos: number } {
    const before = this.lx.text.slice(0, offset).split("\n");
    return { line: before.length, pos: before[before.length - 1]!.length };
  }

  /** An analysis error raised while parsing, with Spark's `; line L pos P` context of `offset`. */
  protected at<E extends Error>(e: E, offset: number): E {
    const o = this.origin(offset);
    e.message += `; line ${o.line} pos ${o.pos}`;
    return e;
  }

  protected next(): Token {
    return this.lx.next();
  }

  protected acceptOp(op: string): boolean {
    const t = this.peek();
    if (t.type === "op" && t.value === op) {
      this.next();
      return true;
    }
    return false;
  }

  protected acceptKw(word: string): boolean {
    if (kw(this.peek(), word)) {
      this.next();
      return true;
    }
    return false;
  }

  protected expectOp(op: string): void {
    if (!this.acceptOp(op)) throw syntaxError(this.peek());
  }

  protected expectKw(word: string): void {
    if (!this.acceptKw(word)) throw syntaxError(this.peek());
  }

  /**
   * End of input, else PARSE_SYNTAX_ERROR at the token left over; `: extra input 'x'` when it is
   * the only one (ANTLR's single-token deletion, which Spark's message reports so).
   */
  protected expectEnd(): void {
    const t = this.peek();
    if (t.type === "eof") return;
    const save = this.lx.pos;
    this.next();
    const last = this.peek().type === "eof";
    this.lx.pos = save;
    throw last ? syntaxError(t, `: extra input '${t.text}'`) : syntaxError(t);
  }

  /** `expr [AS] alias` or `*` / `t.*`, then end of input. */
  parseNamedExpressionToEnd(): Expr {
    const e = this.namedExpression();
    this.expectEnd();
    return e;
  }

  /** A plain expression, then end of input. */
  parseExpressionToEnd(): Expr {
    const e = this.expression();
    this.expectEnd();
    return e;
  }

  /** `a`, `a.b`, `` `x y`.z ``, then end of input: the name IDENTIFIER('…') holds. */
  parseNamePartsToEnd(): string[] {
    const parts = [this.identifier()];
    while (this.acceptOp(".")) parts.push(this.identifier());
    this.expectEnd();
    return parts;
  }

  /**
   * After `IDENTIFIER`: `('name')`, a constant string (or a bound parameter) read as a
   * multi-part name (Spark's IDENTIFIER clause), so a query can name tables and columns safely.
   */
  protected identifierClause(): string[] {
    this.expectOp("(");
    const t = this.peek();
    const e = this.expression();
    this.expectOp(")");
    if (e.kind !== "Literal" || typeof e.value !== "string") throw syntaxError(t);
    return new Parser(e.value).parseNamePartsToEnd();
  }

  protected namedExpression(): Expr {
    // `*` may take an alias in Spark's grammar too (`SELECT * x` parses; analysis rejects it).
    const e = this.acceptOp("*") ? { kind: "UnresolvedStar" as const } : this.expression();
    if (this.acceptKw("as")) {
      // `gen(...) AS (a, b)`: one name per generator column (Spark's MultiAlias)
      if (this.peek().type === "op" && this.peek().value === "(") {
        this.next();
        const names = [this.identifier()];
        while (this.acceptOp(",")) names.push(this.identifier());
        this.expectOp(")");
        return { kind: "Alias", child: e, name: names[0]!, names };
      }
      return { kind: "Alias", child: e, name: this.identifier() };
    }
    const t = this.peek();
    if ((t.type === "ident" && !this.endsExpression(t.value.toLowerCase())) || t.type === "quoted") {
      return { kind: "Alias", child: e, name: this.identifier() };
    }
    return e;
  }

  /** Whether a word ends an expression rather than being its bare alias (the query parser adds clause words). */
  protected endsExpression(word: string): boolean {
    return RESERVED.has(word);
  }

  protected identifier(): string {
    const t = this.next();
    if (t.type === "ident" || t.type === "quoted") return t.value;
    throw syntaxError(t);
  }

  expression(): Expr {
    return this.logical(0);
  }

  /** OR (0) over AND (1), by precedence climbing: one frame per nesting level, not one per precedence level. */
  private logical(minPrec: number): Expr {
    return this.logicalFrom(this.notExpr(), minPrec);
  }

  private logicalFrom(left: Expr, minPrec: number): Expr {
    let e = left;
    for (;;) {
      const t = this.peek();
      const prec = kw(t, "or") ? 0 : kw(t, "and") ? 1 : -1;
      if (prec < minPrec || prec < 0) return e;
      this.next();
      e = fn(prec === 0 ? "or" : "and", e, this.logical(prec + 1));
    }
  }

  protected notExpr(): Expr {
    if (this.acceptKw("not") || this.acceptOp("!")) return fn("not", this.notExpr());
    return this.predicate();
  }

  protected predicate(): Expr {
    return this.predicateFrom(this.comparison());
  }

  private predicateFrom(e: Expr): Expr {
    for (;;) {
      if (this.acceptKw("is")) {
        const neg = this.acceptKw("not");
        if (this.acceptKw("null")) return fn(neg ? "isnotnull" : "isnull", e);
        if (this.acceptKw("true") || this.acceptKw("false")) throw syntaxError(this.peek());
        throw syntaxError(this.peek());
      }
      const opStart = this.peek().pos;
      const neg = kw(this.peek(), "not");
      if (neg) this.next();
      if (this.acceptKw("in")) {
        this.expectOp("(");
        const sub = this.subqueryIn(e, neg);
        if (sub !== undefined) return sub;
        const items = [this.expression()];
        while (this.acceptOp(",")) items.push(this.expression());
        this.expectOp(")");
        const r = fn("in", e, ...items);
        return neg ? fn("not", r) : r;
      }
      if (this.acceptKw("between")) {
        // BETWEEN's bounds are value expressions: their AND is the keyword, not a conjunction.
        const lo = this.comparison();
        this.expectKw("and");
        const r = fn("between", e, lo, this.comparison());
        return neg ? fn("not", r) : r;
      }
      if (this.acceptKw("rlike") || this.acceptKw("regexp")) {
        const r = fn("rlike", e, this.comparison());
        return neg ? fn("not", r) : r;
      }
      const like = this.acceptKw("like") ? "like" : this.acceptKw("ilike") ? "ilike" : undefined;
      if (like !== undefined) {
        const quantifier = this.likeQuantifier();
        // Spark's query context of a LIKE error runs from the operator ([NOT] LIKE) to the clause's end
        if (quantifier !== undefined) return this.quantifiedLike(like, quantifier, e, neg, opStart);
        const pattern = this.comparison();
        const r = this.acceptKw("escape") ? fn(like, e, pattern, this.likeEscape(opStart)) : fn(like, e, pattern);
        return neg ? fn("not", r) : r;
      }
      if (neg) throw syntaxError(this.peek());
      return e;
    }
  }

  protected comparison(): Expr {
    return this.binary(1);
  }

  /** After LIKE/ILIKE: `ANY`, `SOME` or `ALL` when a parenthesized pattern list follows (SOME is ANY). */
  private likeQuantifier(): "any" | "all" | undefined {
    const t = this.peek();
    const q = kw(t, "any") || kw(t, "some") ? "any" : kw(t, "all") ? "all" : undefined;
    if (q === undefined) return undefined;
    const save = this.lx.pos;
    this.lx.next();
    const paren = this.peek();
    this.lx.pos = save;
    if (paren.type !== "op" || paren.value !== "(") return undefined;
    this.next();
    return q;
  }

  /**
   * `e [NOT] LIKE|ILIKE ANY|ALL (p, …)`, as Spark's parser builds it: over string literals
   * likeany/likeall/notlikeany/notlikeall (ILIKE lowercases the value and the patterns); over any
   * other list the ORs (ANY) or ANDs (ALL) of the single LIKEs, each negated under NOT.
   */
  private quantifiedLike(like: "like" | "ilike", q: "any" | "all", e: Expr, neg: boolean, start: number): Expr {
    this.expectOp("(");
    if (this.peek().type === "op" && this.peek().value === ")") {
      const err = new ParseException("_LEGACY_ERROR_TEMP_0064", { msg: "Expected something between '(' and ')'." });
      this.next();
      throw withQueryContext(err, this.lx.text, start, this.lx.pos - 1);
    }
    const patterns = [this.expression()];
    while (this.acceptOp(",")) patterns.push(this.expression());
    this.expectOp(")");
    const literals = patterns.every((p) => p.kind === "Literal" && typeof p.value === "string");
    if (literals) {
      const name = `${neg ? "not" : ""}like${q}`;
      if (like === "like") return fn(name, e, ...patterns);
      const lowered = patterns.map((p) => (p.kind === "Literal" && typeof p.value === "string" ? { ...p, value: p.value.toLowerCase() } : p));
      return fn(name, fn("lower", e), ...lowered);
    }
    const each = patterns.map((p) => (neg ? fn("not", fn(like, e, p)) : fn(like, e, p)));
    return each.reduce((acc, x) => fn(q === "any" ? "or" : "and", acc, x));
  }

  /** After ESCAPE: the one-character string literal (Spark's INVALID_ESC otherwise). */
  private likeEscape(start: number): Expr {
    const t = this.next();
    if (t.type !== "string") throw syntaxError(t);
    if ([...t.value].length !== 1) {
      throw withQueryContext(new ParseException("INVALID_ESC", { invalidEscape: `'${t.value}'` }), this.lx.text, start, this.lx.pos - 1);
    }
    return { kind: "Literal", value: t.value, dataType: StringType };
  }

  /** The binary operator at the cursor with its precedence (Spark's: comparisons < | < ^ < & < + - || < * / % DIV), else undefined. */
  private binaryOp(t: Token): readonly [number, string] | undefined {
    if (t.type === "ident") return t.value.toLowerCase() === "div" ? [7, "div"] : undefined;
    if (t.type !== "op") return undefined;
    const cmp = COMPARE[t.value];
    if (cmp !== undefined) return [1, cmp];
    switch (t.value) {
      case "|":
        return [2, "|"];
      case "^":
        return [3, "^"];
      case "&":
        return [4, "&"];
      case "+":
      case "-":
        return [6, t.value];
      case "||":
        return [6, "concat"];
      case "*":
      case "/":
      case "%":
        return [7, t.value];
      default:
        return undefined;
    }
  }

  /** Binary operators of precedence ≥ minPrec, left-associative, by precedence climbing. */
  private binary(minPrec: number): Expr {
    const start = this.peek().pos;
    return this.binaryFrom(this.unary(), minPrec, start);
  }

  /** `start`: where `left` began in the text (each operator's fragment runs from there to its right operand's end). */
  private binaryFrom(left: Expr, minPrec: number, start?: number): Expr {
    let e = left;
    for (;;) {
      const op = this.binaryOp(this.peek());
      if (op === undefined || op[0] < minPrec) return e;
      this.next();
      const call = fn(op[1], e, this.binary(op[0] + 1));
      e = start === undefined ? call : this.fromText(call, start);
    }
  }

  /** `e` (a call or cast) with where it stands in the text: from `start` to the last token read. */
  protected fromText(e: Expr, start: number): Expr {
    if (e.kind !== "UnresolvedFunction" && e.kind !== "Cast") return e;
    return { ...e, sqlOrigin: { text: this.lx.text, start, stop: this.lx.pos - 1 } };
  }

  protected unary(): Expr {
    if (this.acceptOp("-")) {
      const t = this.peek();
      if (t.type === "number") {
        this.next();
        return this.postfix(this.negLiteral(t));
      }
      return fn("unary_minus", this.unary());
    }
    if (this.acceptOp("+")) return this.unary();
    if (this.acceptOp("~")) return fn("~", this.unary());
    return this.postfix(this.primary());
  }

  /**
   * After `x [NOT] IN (`: a subquery's predicate when a query follows (the query parser's), else
   * undefined (a value list). The plain expression parser has no queries.
   */
  protected subqueryIn(value: Expr, negated: boolean): Expr | undefined {
    void value;
    void negated;
    return undefined;
  }

  /** The rest of an expression whose first operand `left` is parsed: postfix, binary, predicate and logical operators. */
  private continueFrom(left: Expr): Expr {
    return this.logicalFrom(this.predicateFrom(this.binaryFrom(this.postfix(left), 1)), 0);
  }

  /** After `(`: a parenthesized expression (the query parser adds subqueries and row constructors). */
  protected parenthesized(): Expr {
    const e = this.expression();
    this.expectOp(")");
    return e;
  }

  private negLiteral(t: Token): Expr {
    const lit = numericLiteral({ ...t, text: `${t.text}` });
    const v = lit.value;
    if (typeof v === "number") return { ...lit, value: -v };
    if (typeof v === "bigint") return { ...lit, value: -v };
    if (typeof v === "string") return { ...lit, value: `-${v}` };
    return lit;
  }

  /**
   * Casts (`e::type`), COLLATE, and Spark's extract-value postfixes on any primary: `e[key]` (an
   * array element, a map value) and `e.field` (a struct field), as on a function call's result
   * (`named_struct('a', 1).a`, `map(…)['k'].z[0]`, `struct(*).y`).
   */
  protected postfix(e: Expr): Expr {
    let out = e;
    for (;;) {
      if (this.acceptOp("::")) out = { kind: "Cast", child: out, dataType: parseDataType(this.lx.readTypeText()) };
      else if (this.acceptOp("[")) {
        const key = this.expression();
        this.expectOp("]");
        out = fn("get_item", out, key);
      } else if (this.peek().type === "op" && this.peek().value === "." && out.kind !== "UnresolvedStar") {
        this.next();
        out = fn("get_field", out, { kind: "Literal", value: this.identifier(), dataType: StringType });
      }
      else if (this.acceptKw("collate")) {
        // Spark 4's `expr COLLATE name` is the collate function (its column name: collate(expr, name))
        const name = this.next();
        if (name.type !== "ident" && name.type !== "quoted") throw syntaxError(name);
        out = fn("collate", out, { kind: "Literal", value: name.value, dataType: StringType });
      } else return out;
    }
  }

  protected primary(): Expr {
    const t = this.next();
    switch (t.type) {
      case "number":
        return numericLiteral(t);
      case "string": {
        let value = t.value;
        while (this.peek().type === "string") value += this.next().value;
        return { kind: "Literal", value, dataType: StringType };
      }
      case "quoted":
        return this.columnRef(t.value);
      case "op":
        if (t.value === "(") {
          // A run of opening parentheses nests iteratively: only the innermost recurses, each
          // outer level continues its expression from the inner result (deep nesting, small stack).
          let outer = 0;
          while (this.peek().type === "op" && this.peek().value === "(") {
            this.next();
            outer++;
          }
          let e = this.parenthesized();
          for (; outer > 0; outer--) {
            e = this.continueFrom(e);
            this.expectOp(")");
          }
          return e;
        }
        if (t.value === "?") {
          // Positional parameters bind in order of appearance (Spark's PosParameter).
          const v = this.params.positional?.[this.positional];
          // Spark names an unbound `?` by its offset in the text (PosParameter(pos)).
          if (v === undefined) throw unboundParameter(`_${t.pos}`);
          this.positional++;
          return v;
        }
        if (t.value === ":" && (this.peek().type === "ident" || this.peek().type === "quoted")) {
          const name = this.next().value;
          const v = this.params.named?.get(name);
          if (v === undefined) throw unboundParameter(name);
          return v;
        }
        throw syntaxError(t);
      case "hint":
        throw syntaxError(t);
      case "ident":
        return this.identStart(t);
      case "eof":
        throw syntaxError(t);
    }
  }

  protected identStart(t: Token): Expr {
    const word = t.value.toLowerCase();
    const nextTok = this.peek();
    if (word === "null") return { kind: "Literal", value: null, dataType: NullType };
    if (word === "true" || word === "false") return { kind: "Literal", value: word === "true", dataType: BooleanType };
    if (word === "case") return this.caseWhen();
    if (word === "x" && nextTok.type === "string") {
      // X'6162': a binary literal, two hex digits per byte.
      this.next();
      const hex = nextTok.value;
      if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw syntaxError(nextTok);
      const bytes = new Uint8Array(hex.length / 2);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
      return { kind: "Literal", value: bytes, dataType: BinaryType };
    }
    if (word === "interval" && (nextTok.type === "string" || nextTok.type === "number" || (nextTok.type === "op" && (nextTok.value === "-" || nextTok.value === "+")))) {
      return intervalLiteral({ peek: () => this.peek(), next: () => this.next(), text: this.lx.text }, t.pos);
    }
    if ((word === "date" || word === "timestamp" || word === "timestamp_ltz" || word === "timestamp_ntz") && nextTok.type === "string") {
      this.next();
      const ntz = word === "timestamp_ntz";
      const v = word === "date" ? parseDate(nextTok.value) : parseTimestamp(nextTok.value, this.timeZone, ntz);
      if (v === null) throw syntaxError(nextTok);
      return { kind: "Literal", value: v, dataType: word === "date" ? DateType : ntz ? TimestampNTZType : TimestampType };
    }
    if (word === "identifier" && nextTok.type === "op" && nextTok.value === "(") {
      const parts = this.identifierClause();
      if (this.peek().type === "op" && this.peek().value === "(" && parts.length === 1) {
        this.next();
        return this.call(parts[0]!);
      }
      return { kind: "UnresolvedAttribute", nameParts: parts };
    }
    if (nextTok.type === "op" && nextTok.value === "(") {
      this.next();
      if (word === "cast" || word === "try_cast") return this.fromText(this.cast(word === "cast"), t.pos);
      this.callStart = t.pos;
      return this.windowed(this.fromText(this.call(word), t.pos));
    }
    if (RESERVED.has(word) && word !== "distinct") throw syntaxError(t);
    return this.columnRef(t.value);
  }

  protected columnRef(first: string): Expr {
    const parts = [first];
    while (this.peek().type === "op" && this.peek().value === ".") {
      this.next();
      if (this.acceptOp("*")) return { kind: "UnresolvedStar", target: parts };
      parts.push(this.identifier());
    }
    return { kind: "UnresolvedAttribute", nameParts: parts };
  }

  private cast(ansi: boolean): Expr {
    const child = this.expression();
    this.expectKw("as");
    const dataType = parseDataType(this.lx.readTypeText());
    this.expectOp(")");
    return ansi ? { kind: "Cast", child, dataType } : { kind: "Cast", child, dataType, ansi: false };
  }

  /** Where the function name of the call being parsed starts (its errors' `; line L pos P`). */
  private callStart = 0;

  protected call(name: string): Expr {
    const start = this.callStart;
    if (this.acceptOp(")")) return { kind: "UnresolvedFunction", name, args: [], isDistinct: false };
    if (name === "count" && this.peek().type === "op" && this.peek().value === "*") {
      this.next();
      this.expectOp(")");
      return this.withFilter({ kind: "UnresolvedFunction", name, args: [{ kind: "Literal", value: 1, dataType: { kind: "integer" } }], isDistinct: false });
    }
    if (name === "extract") return this.extract();
    if (name.toLowerCase() === "struct") return this.structCall(name);
    const isDistinct = this.acceptKw("distinct");
    if (!isDistinct) this.acceptKw("all");
    const args = this.callArguments(name, start);
    const unitFirst = datetimeUnitFirst(name, args);
    return this.withFilter({ kind: "UnresolvedFunction", name: unitFirst === args ? name : UNIT_FIRST[name.toLowerCase()]!, args: unitFirst, isDistinct });
  }

  /** `struct(e [AS] name, …, *)`: Spark's struct rule takes named expressions, the names becoming field names. */
  private structCall(name: string): Expr {
    const args = [this.structArgument()];
    while (this.acceptOp(",")) args.push(this.structArgument());
    this.expectOp(")");
    return { kind: "UnresolvedFunction", name, args, isDistinct: false };
  }

  private structArgument(): Expr {
    const t = this.peek();
    if (t.type === "op" && t.value === "*") return this.argument();
    const e = this.expression();
    if (this.acceptKw("as")) return { kind: "Alias", child: e, name: this.identifier() };
    const n = this.peek();
    if ((n.type === "ident" && !this.endsExpression(n.value.toLowerCase())) || n.type === "quoted") return { kind: "Alias", child: e, name: this.identifier() };
    return e;
  }

  /**
   * A call's optional `IGNORE NULLS` / `RESPECT NULLS` (the ignoreNulls flag of first, last,
   * first_value, last_value, any_value and nth_value) and `OVER window` (sql/window-clause.ts).
   */
  private windowed(call: Expr): Expr {
    let f = call;
    if ((kw(this.peek(), "ignore") || kw(this.peek(), "respect")) && f.kind === "UnresolvedFunction") {
      const ignore = this.next().value.toLowerCase() === "ignore";
      this.expectKw("nulls");
      f = withIgnoreNulls(f, ignore);
    }
    if (!this.acceptKw("over")) return f;
    const src = { peek: () => this.peek(), next: () => this.next(), expression: () => this.expression() };
    return overClause(f, parseWindowSpec(src));
  }

  /** Spark's `extract(field FROM source)`, with the field as a string literal argument. */
  private extract(): Expr {
    const field = this.next();
    if (field.type !== "ident") throw syntaxError(field);
    this.expectKw("from");
    const source = this.expression();
    this.expectOp(")");
    return { kind: "UnresolvedFunction", name: "extract", args: [{ kind: "Literal", value: field.value, dataType: StringType }, source], isDistinct: false };
  }

  /** An aggregate call's optional `FILTER (WHERE cond)`. */
  private withFilter(f: Expr & { kind: "UnresolvedFunction" }): Expr {
    if (!kw(this.peek(), "filter")) return f;
    const save = this.lx.pos;
    this.next();
    if (!this.acceptOp("(")) {
      this.lx.pos = save;
      return f;
    }
    this.expectKw("where");
    const filter = this.expression();
    this.expectOp(")");
    return { ...f, filter };
  }

  /** After `f(` and before a first argument: the arguments through `)`, named ones (`name => value`) put in their parameters' places. */
  protected callArguments(name: string, start: number): Expr[] {
    const args = [this.callArgument()];
    while (this.acceptOp(",")) args.push(this.callArgument());
    this.expectOp(")");
    try {
      return rearrangeArguments(name, args);
    } catch (e) {
      // raised where Spark's analyzer meets the call: its context is the function's position
      throw e instanceof AnalysisException ? this.at(e, start) : e;
    }
  }

  /** `name => value` (Spark's namedArgumentExpression), else a plain argument. */
  private callArgument(): CallArgument {
    const t = this.peek();
    if (t.type === "ident" || t.type === "quoted") {
      const save = this.lx.pos;
      this.next();
      if (this.acceptOp("=>")) return { name: t.value, value: this.expression() };
      this.lx.pos = save;
    }
    return { value: this.argument() };
  }

  /** A function argument: an expression, or a lambda `x -> body` / `(x, y) -> body` (higher-order functions). */
  protected argument(): Expr {
    // a bare `*` argument (`struct(*)`, `concat(*)`): the analyzer expands it in a projection list
    if (this.peek().type === "op" && this.peek().value === "*") {
      const save = this.lx.pos;
      this.next();
      const after = this.peek();
      if (after.type === "op" && (after.value === "," || after.value === ")")) return { kind: "UnresolvedStar" };
      this.lx.pos = save;
    }
    const names = this.lambdaParams();
    if (names === null) return this.expression();
    const body = this.expression();
    return { kind: "LambdaFunction", body, args: names.map((n) => ({ kind: "UnresolvedNamedLambdaVariable", nameParts: [n] })) };
  }

  /** The parameter names when a lambda starts at the cursor (then consumed through `->`), else null (cursor kept). */
  private lambdaParams(): string[] | null {
    const save = this.lx.pos;
    const names: string[] = [];
    const ident = (): boolean => {
      const t = this.next();
      if (t.type !== "ident" && t.type !== "quoted") return false;
      names.push(t.value);
      return true;
    };
    let ok: boolean;
    if (this.acceptOp("(")) {
      ok = ident();
      while (ok && this.acceptOp(",")) ok = ident();
      ok = ok && this.acceptOp(")");
    } else ok = ident();
    if (ok && this.acceptOp("->")) return names;
    this.lx.pos = save;
    return null;
  }

  protected caseWhen(): Expr {
    let subject: Expr | undefined;
    if (!kw(this.peek(), "when")) subject = this.expression();
    const branches: (readonly [Expr, Expr])[] = [];
    while (this.acceptKw("when")) {
      const c = this.expression();
      this.expectKw("then");
      const v = this.expression();
      branches.push([subject === undefined ? c : fn("==", subject, c), v]);
    }
    if (branches.length === 0) throw syntaxError(this.peek());
    const elseValue = this.acceptKw("else") ? this.expression() : undefined;
    this.expectKw("end");
    return elseValue === undefined ? { kind: "CaseWhen", branches } : { kind: "CaseWhen", branches, elseValue };
  }
}

/** Where a function takes its ignoreNulls flag: first(x, flag), nth_value(x, n, flag). */
const IGNORE_NULLS_ARG: Readonly<Record<string, number>> = { first: 1, last: 1, first_value: 1, last_value: 1, any_value: 1, nth_value: 2 };

/** `f(...) IGNORE NULLS` as the call with its ignoreNulls argument set (a syntax error for other functions). */
function withIgnoreNulls(f: Expr & { kind: "UnresolvedFunction" }, ignore: boolean): Expr {
  const at = IGNORE_NULLS_ARG[f.name.toLowerCase()];
  if (at === undefined || f.args.length !== at) {
    throw new ParseException("INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX", { prettyName: `\`${f.name}\``, syntax: "IGNORE NULLS" });
  }
  return { ...f, args: [...f.args, { kind: "Literal", value: ignore, dataType: BooleanType }] };
}

const DATETIME_UNITS = new Set(["YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DAYOFYEAR", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND"]);
/** Functions whose three-argument SQL form starts with a bare unit (`timestampadd(HOUR, 1, t)`), and the function it is. */
const UNIT_FIRST: Readonly<Record<string, string>> = {
  timestampadd: "timestampadd",
  timestamp_add: "timestampadd",
  dateadd: "timestampadd",
  date_add: "timestampadd",
  timestampdiff: "timestampdiff",
  timestamp_diff: "timestampdiff",
  datediff: "timestampdiff",
  date_diff: "timestampdiff",
};

/** A bare unit name as the first of three arguments becomes a string literal, as Spark's grammar reads it. */
function datetimeUnitFirst(name: string, args: Expr[]): Expr[] {
  const first = args[0];
  if (args.length !== 3 || UNIT_FIRST[name.toLowerCase()] === undefined || first?.kind !== "UnresolvedAttribute" || first.nameParts.length !== 1) return args;
  const unit = first.nameParts[0]!;
  if (!DATETIME_UNITS.has(unit.toUpperCase())) return args;
  return [{ kind: "Literal", value: unit, dataType: StringType }, ...args.slice(1)];
}
