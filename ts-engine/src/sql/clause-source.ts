import type { ParsedExpr } from "../expr/parsed-expr.js";
import { syntaxError, type Token } from "./lexer.js";

/**
 * What a clause's grammar (GROUP BY's grouping analytics, PIVOT, UNPIVOT, TABLESAMPLE) reads
 * from the query parser: its tokens and its expression rules, so each clause can live in a
 * file of its own without reaching into the parser's state.
 */
export interface ClauseSource {
  /** The whole SQL text (for the query context of errors raised at a clause). */
  readonly text: string;
  peek(): Token;
  next(): Token;
  /** The cursor, to look ahead and come back (`restore`); right after a token, the offset where it ends. */
  mark(): number;
  restore(mark: number): void;
  expression(): ParsedExpr;
  /** `expr [AS] alias`. */
  namedExpression(): ParsedExpr;
  identifier(): string;
}

/** Whether a token is the (case-insensitive) word. */
export function isWord(t: Token, word: string): boolean {
  return t.type === "ident" && t.value.toLowerCase() === word;
}

/** Whether a token is the operator. */
export function isOp(t: Token, op: string): boolean {
  return t.type === "op" && t.value === op;
}

/** Consumes the word when it is next. */
export function acceptWord(src: ClauseSource, word: string): boolean {
  if (!isWord(src.peek(), word)) return false;
  src.next();
  return true;
}

/** Consumes the operator when it is next. */
export function acceptOp(src: ClauseSource, op: string): boolean {
  if (!isOp(src.peek(), op)) return false;
  src.next();
  return true;
}

/** The word, else PARSE_SYNTAX_ERROR at the token there. */
export function expectWord(src: ClauseSource, word: string): void {
  if (!acceptWord(src, word)) throw syntaxError(src.peek());
}

/** The operator, else PARSE_SYNTAX_ERROR at the token there. */
export function expectOp(src: ClauseSource, op: string): void {
  if (!acceptOp(src, op)) throw syntaxError(src.peek());
}

/** `item, item, …` up to (not through) a token that is not a comma. */
export function commaList<T>(src: ClauseSource, item: () => T): T[] {
  const out = [item()];
  while (acceptOp(src, ",")) out.push(item());
  return out;
}
