import { assertNever } from "../errors/assert-never.js";
import type { ParsedExpr, ParsedSortOrder, ParsedWindow } from "../expr/parsed-expr.js";
import { CURRENT_ROW, offsetBoundary, precedingBoundary, UNBOUNDED_FOLLOWING, UNBOUNDED_PRECEDING, type FrameBoundary, type WindowFrame } from "../expr/window-frame.js";
import { syntaxError, type Token } from "./lexer.js";

/**
 * What the window clauses read from the expression parser: its tokens and its expression rule.
 * (Spark's grammar: windowSpec, windowFrame, frameBound, and the query's WINDOW clause.)
 */
export interface WindowClauseSource {
  peek(): Token;
  next(): Token;
  expression(): ParsedExpr;
}

function isKw(t: Token, word: string): boolean {
  return t.type === "ident" && t.value.toLowerCase() === word;
}

function accept(src: WindowClauseSource, word: string): boolean {
  if (!isKw(src.peek(), word)) return false;
  src.next();
  return true;
}

function expect(src: WindowClauseSource, word: string): void {
  if (!accept(src, word)) throw syntaxError(src.peek());
}

function acceptOp(src: WindowClauseSource, op: string): boolean {
  const t = src.peek();
  if (t.type !== "op" || t.value !== op) return false;
  src.next();
  return true;
}

/** `expr [ASC|DESC] [NULLS FIRST|LAST]`; nulls first ascending, last descending (Spark's default). */
export function parseSortItem(src: WindowClauseSource): ParsedSortOrder {
  const child = src.expression();
  let ascending = true;
  if (accept(src, "desc")) ascending = false;
  else accept(src, "asc");
  let nullsFirst = ascending;
  if (accept(src, "nulls")) {
    if (accept(src, "first")) nullsFirst = true;
    else {
      expect(src, "last");
      nullsFirst = false;
    }
  }
  return { kind: "SortOrder", child, ascending, nullsFirst };
}

/** A window spec in SQL: a definition, or the name of one in the query's WINDOW clause. */
export type SqlWindowSpec =
  | { readonly kind: "definition"; readonly partitionSpec: readonly ParsedExpr[]; readonly orderSpec: readonly ParsedSortOrder[]; readonly frame?: WindowFrame }
  | { readonly kind: "reference"; readonly name: string };

/** `UNBOUNDED PRECEDING`, `CURRENT ROW`, `n PRECEDING|FOLLOWING` (an integer literal). */
function frameBound(src: WindowClauseSource): FrameBoundary {
  if (accept(src, "unbounded")) {
    if (accept(src, "preceding")) return UNBOUNDED_PRECEDING;
    expect(src, "following");
    return UNBOUNDED_FOLLOWING;
  }
  if (accept(src, "current")) {
    expect(src, "row");
    return CURRENT_ROW;
  }
  const t = src.peek();
  const e = src.expression();
  if (e.kind !== "Literal" || (typeof e.value !== "number" && typeof e.value !== "bigint")) throw syntaxError(t);
  const n = Number(e.value);
  if (accept(src, "preceding")) return precedingBoundary(n);
  if (accept(src, "current")) return CURRENT_ROW;
  expect(src, "following");
  return offsetBoundary(n);
}

/** `ROWS|RANGE bound` (to CURRENT ROW) or `ROWS|RANGE BETWEEN bound AND bound`. */
function windowFrame(src: WindowClauseSource): WindowFrame | undefined {
  const type = accept(src, "rows") ? "rows" : accept(src, "range") ? "range" : undefined;
  if (type === undefined) return undefined;
  if (!accept(src, "between")) return { type, lower: frameBound(src), upper: CURRENT_ROW };
  const lower = frameBound(src);
  expect(src, "and");
  return { type, lower, upper: frameBound(src) };
}

function exprList(src: WindowClauseSource): ParsedExpr[] {
  const out = [src.expression()];
  while (acceptOp(src, ",")) out.push(src.expression());
  return out;
}

/**
 * A window spec after OVER or in `WINDOW name AS …`: a name, `(name)`, or `([PARTITION|DISTRIBUTE
 * BY …] [ORDER|SORT BY …] [frame])` / `(CLUSTER BY … [frame])`.
 */
export function parseWindowSpec(src: WindowClauseSource): SqlWindowSpec {
  const first = src.peek();
  if (first.type === "ident" || first.type === "quoted") {
    src.next();
    return { kind: "reference", name: first.value };
  }
  if (!acceptOp(src, "(")) throw syntaxError(first);
  const inner = src.peek();
  const clause = inner.type === "ident" ? inner.value.toLowerCase() : "";
  const clauseWords = new Set(["partition", "distribute", "cluster", "order", "sort", "rows", "range"]);
  if ((inner.type === "ident" && !clauseWords.has(clause)) || inner.type === "quoted") {
    src.next();
    if (!acceptOp(src, ")")) throw syntaxError(src.peek());
    return { kind: "reference", name: inner.value };
  }
  let partitionSpec: ParsedExpr[] = [];
  let orderSpec: ParsedSortOrder[] = [];
  if (accept(src, "cluster")) {
    expect(src, "by");
    partitionSpec = exprList(src);
  } else {
    if (accept(src, "partition") || accept(src, "distribute")) {
      expect(src, "by");
      partitionSpec = exprList(src);
    }
    if (accept(src, "order") || accept(src, "sort")) {
      expect(src, "by");
      orderSpec = [parseSortItem(src)];
      while (acceptOp(src, ",")) orderSpec.push(parseSortItem(src));
    }
  }
  const frame = windowFrame(src);
  if (!acceptOp(src, ")")) throw syntaxError(src.peek());
  return frame === undefined ? { kind: "definition", partitionSpec, orderSpec } : { kind: "definition", partitionSpec, orderSpec, frame };
}

/** `fn OVER spec`: the window expression, or (for a named window) one the WINDOW clause fills in. */
export function overClause(fn: ParsedExpr, spec: SqlWindowSpec): ParsedWindow {
  if (spec.kind === "reference") return { kind: "Window", windowFunction: fn, partitionSpec: [], orderSpec: [], windowName: spec.name };
  return { kind: "Window", windowFunction: fn, partitionSpec: spec.partitionSpec, orderSpec: spec.orderSpec, ...(spec.frame === undefined ? {} : { frame: spec.frame }) };
}

/**
 * `e` with every `OVER name` replaced by the WINDOW clause's definition of that name (names
 * case-insensitive, as Spark's); a definition may itself name another. An undefined name is
 * left for the analyzer to reject.
 */
export function substituteWindowRefs(e: ParsedExpr, defs: ReadonlyMap<string, SqlWindowSpec>): ParsedExpr {
  const sub = (x: ParsedExpr): ParsedExpr => substituteWindowRefs(x, defs);
  switch (e.kind) {
    case "Window": {
      const fn = sub(e.windowFunction);
      let spec: SqlWindowSpec | undefined = e.windowName === undefined ? undefined : defs.get(e.windowName.toLowerCase());
      for (let hops = 0; spec?.kind === "reference" && hops < 16; hops++) spec = defs.get(spec.name.toLowerCase());
      if (e.windowName === undefined || spec === undefined || spec.kind === "reference") {
        return { ...e, windowFunction: fn, partitionSpec: e.partitionSpec.map(sub), orderSpec: e.orderSpec.map((o) => ({ ...o, child: sub(o.child) })) };
      }
      return overClause(fn, spec);
    }
    case "UnresolvedFunction":
      return { ...e, args: e.args.map(sub), ...(e.filter === undefined ? {} : { filter: sub(e.filter) }) };
    case "Alias":
    case "Cast":
    case "SortOrder":
      return { ...e, child: sub(e.child) };
    case "CaseWhen":
      return {
        ...e,
        branches: e.branches.map(([c, v]) => [sub(c), sub(v)] as const),
        ...(e.elseValue === undefined ? {} : { elseValue: sub(e.elseValue) }),
      };
    case "PythonUDF":
      return { ...e, args: e.args.map(sub) };
    case "LambdaFunction":
      return { ...e, body: sub(e.body) };
    case "UnresolvedAttribute":
    case "UnresolvedStar":
    case "ExprString":
    case "Literal":
    case "UnresolvedNamedLambdaVariable":
    case "SubqueryExpression":
      return e;
    case "OuterReference":
      return { ...e, child: sub(e.child) };
    default:
      return assertNever(e);
  }
}
