import type { ParsedExpr } from "../expr/parsed-expr.js";
import type { GroupingAnalytics } from "../plan/parsed-plan.js";
import { acceptOp, acceptWord, commaList, expectOp, isOp, isWord, type ClauseSource } from "./clause-source.js";

/**
 * A GROUP BY clause: plain grouping expressions, or grouping sets (CUBE, ROLLUP, GROUPING
 * SETS, in any mix) with the distinct expressions they group by, in first-seen order (Spark's
 * groupByExprs, whose positions give grouping_id()'s bits).
 */
export type GroupByClause =
  | { readonly kind: "plain"; readonly exprs: readonly ParsedExpr[] }
  | { readonly kind: "sets"; readonly groupBy: readonly ParsedExpr[]; readonly analytics: GroupingAnalytics };

/** One element of the list: an expression, or an analytics call's grouping sets. */
type Element = { readonly expr: ParsedExpr } | { readonly sets: readonly (readonly ParsedExpr[])[] };

/**
 * Spark's aggregationClause after `GROUP BY`: `a, CUBE(b, c), GROUPING SETS ((d), ())`, or the
 * older `a, b WITH ROLLUP | WITH CUBE | GROUPING SETS (…)`. Every form becomes explicit grouping
 * sets: an element's sets are multiplied out across the list (Spark's GroupingAnalytics
 * extractor), CUBE's are its subsets in Spark's cubeExprs order, ROLLUP's its prefixes. `item`
 * parses one grouping expression (the caller's, which reads `GROUP BY 1` as the first select
 * item, inside the analytics calls too, as Spark's SubstituteUnresolvedOrdinals does).
 */
export function parseGroupBy(src: ClauseSource, item: () => ParsedExpr): GroupByClause {
  const elements = commaList(src, (): Element => analyticsElement(src, item) ?? { expr: item() });
  const plain = elements.flatMap((e) => ("expr" in e ? [e.expr] : []));
  if (plain.length === elements.length) {
    // the older syntax: the list, then how to group by it
    if (isWord(src.peek(), "with")) {
      const m = src.mark();
      src.next();
      const kind = acceptWord(src, "rollup") ? "rollup" : acceptWord(src, "cube") ? "cube" : undefined;
      if (kind !== undefined) return { kind: "sets", groupBy: plain, analytics: { type: "groupingSets", sets: kind === "cube" ? cubeSets(plain.map((e) => [e])) : rollupSets(plain.map((e) => [e])) } };
      src.restore(m);
    }
    if (startsGroupingSets(src)) {
      src.next();
      src.next();
      expectOp(src, "(");
      const sets = commaList(src, () => groupingSet(src, item));
      expectOp(src, ")");
      return { kind: "sets", groupBy: plain, analytics: { type: "groupingSets", sets } };
    }
    return { kind: "plain", exprs: plain };
  }
  let sets: (readonly ParsedExpr[])[] = [[]];
  for (const e of elements) {
    const own = "expr" in e ? [[e.expr]] : e.sets;
    sets = sets.flatMap((a) => own.map((b) => [...a, ...b]));
  }
  const groupBy = distinct(elements.flatMap((e) => ("expr" in e ? [e.expr] : e.sets.flat())));
  return { kind: "sets", groupBy, analytics: { type: "groupingSets", sets } };
}

function startsGroupingSets(src: ClauseSource): boolean {
  if (!isWord(src.peek(), "grouping")) return false;
  const m = src.mark();
  src.next();
  const sets = isWord(src.peek(), "sets");
  src.restore(m);
  return sets;
}

/** `CUBE(…)`, `ROLLUP(…)` or `GROUPING SETS(…)` at the cursor, as its grouping sets; else undefined (cursor kept). */
function analyticsElement(src: ClauseSource, item: () => ParsedExpr): Element | undefined {
  const t = src.peek();
  if (isWord(t, "cube") || isWord(t, "rollup")) {
    const m = src.mark();
    src.next();
    if (!isOp(src.peek(), "(")) {
      src.restore(m);
      return undefined;
    }
    src.next();
    const args = commaList(src, () => groupingSet(src, item));
    expectOp(src, ")");
    return { sets: isWord(t, "cube") ? cubeSets(args) : rollupSets(args) };
  }
  if (startsGroupingSets(src)) {
    src.next();
    src.next();
    expectOp(src, "(");
    // an element is a grouping set, or an analytics call whose sets are taken in (Spark's groupingElement)
    const sets = commaList(src, () => {
      const nested = analyticsElement(src, item);
      if (nested === undefined) return [groupingSet(src, item)];
      return "sets" in nested ? nested.sets : [[nested.expr]];
    }).flat();
    expectOp(src, ")");
    return { sets };
  }
  return undefined;
}

/**
 * Spark's groupingSet: `(a, b)`, `()` or one expression. A parenthesized list is a set only
 * when a `,` or `)` follows it; `(a + b) * 2` is one expression.
 */
function groupingSet(src: ClauseSource, item: () => ParsedExpr): ParsedExpr[] {
  if (isOp(src.peek(), "(")) {
    const m = src.mark();
    src.next();
    if (acceptOp(src, ")")) return [];
    const exprs = commaList(src, item);
    if (acceptOp(src, ")") && (isOp(src.peek(), ",") || isOp(src.peek(), ")"))) return exprs;
    src.restore(m);
  }
  return [item()];
}

/** CUBE's sets: every subset, as Spark's cubeExprs orders them ([a, b], [a], [b], []). */
export function cubeSets(args: readonly (readonly ParsedExpr[])[]): ParsedExpr[][] {
  if (args.length === 0) return [[]];
  const rest = cubeSets(args.slice(1));
  return [...rest.map((s) => [...args[0]!, ...s]), ...rest];
}

/** ROLLUP's sets: its prefixes, longest first ([a, b], [a], []). */
export function rollupSets(args: readonly (readonly ParsedExpr[])[]): ParsedExpr[][] {
  return Array.from({ length: args.length + 1 }, (_, k) => args.slice(0, args.length - k).flat());
}

/** The expressions once each, in first-seen order (the same text twice is one grouping column). */
function distinct(exprs: readonly ParsedExpr[]): ParsedExpr[] {
  const seen = new Set<string>();
  return exprs.filter((e) => {
    const k = exprKey(e);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A structural key of a parsed expression, blind to where in the text it stood. */
function exprKey(e: ParsedExpr): string {
  return JSON.stringify(e, (k, v: unknown) => (k === "origin" ? undefined : typeof v === "bigint" ? `${v}n` : v));
}
