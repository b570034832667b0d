import { AnalysisException } from "../../errors/spark-exception.js";
import type { AttributeRef, NamedLambdaVariable } from "../../expr/expr.js";
import { noPlan } from "./no-plan.js";

/** What expressions of one plan node may refer to: its input attributes, and frames by planId. */
export interface Scope {
  readonly attrs: readonly AttributeRef[];
  /** Output of each node in the input subtree that carries a client planId (for `df["col"]`). */
  readonly planIds: ReadonlyMap<number, readonly AttributeRef[]>;
  readonly caseSensitive: boolean;
  /** spark.sql.session.timeZone, for TIMESTAMP '…' literals in SQL text. */
  readonly timeZone?: string;
  /** Inside a lambda's body: its variables (and enclosing lambdas'), which names resolve to before columns. */
  readonly lambdaVars?: ReadonlyMap<string, NamedLambdaVariable>;
  /** spark.sql.ansi.enabled: which casts analysis accepts (Cast.canAnsiCast or canCast); true when absent. */
  readonly ansi?: boolean;
  /**
   * A correlated subquery's outer columns: a name resolves here only when no column of `attrs`
   * has it, so the subquery's own columns shadow the outer query's (Spark's outer references).
   */
  readonly outer?: readonly AttributeRef[];
}

/** Spark's identifier quoting in messages: `` `a` ``, with backquotes doubled. */
export function quoteId(part: string): string {
  return `\`${part.replace(/`/g, "``")}\``;
}

/** `` `t`.`a` `` for a multi-part name. */
export function quoteParts(parts: readonly string[]): string {
  return parts.map(quoteId).join(".");
}

function eq(a: string, b: string, caseSensitive: boolean): boolean {
  return caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
}

/** Levenshtein distance, as Spark's suggestion ordering uses. */
export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * UNRESOLVED_COLUMN.WITH_SUGGESTION: candidates are the input columns (qualified when they carry
 * an alias), ordered by edit distance to the name as Spark's orderSuggestedIdentifiersBySimilarity
 * (stable; Spark breaks some ties by hash order, which we do not reproduce), at most 5.
 */
export function unresolvedColumn(nameParts: readonly string[], attrs: readonly AttributeRef[]): AnalysisException {
  const objectName = quoteParts(nameParts);
  if (attrs.length === 0) return new AnalysisException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", { objectName });
  // Spark compares the quoted candidate text (`` `age` ``) with the name as written (agee).
  const base = nameParts.join(".");
  const cands = attrs.map((a) => ({ text: quoteParts([...(a.qualifier ?? []), a.name]) }));
  const sorted = cands
    .map((c, i) => ({ ...c, i, d: levenshtein(c.text, base) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, 5);
  return new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", {
    objectName,
    proposal: sorted.map((c) => c.text).join(", "),
  });
}

/** Attributes of `attrs` that `nameParts` names: `a` by name, `t.a` by alias qualifier and name. */
export function matchName(nameParts: readonly string[], attrs: readonly AttributeRef[], caseSensitive: boolean): AttributeRef[] {
  const last = nameParts[nameParts.length - 1]!;
  if (nameParts.length === 1) return attrs.filter((a) => eq(a.name, last, caseSensitive));
  const qual = nameParts.slice(0, -1);
  const qualified = attrs.filter((a) => {
    const q = a.qualifier ?? [];
    if (!eq(a.name, last, caseSensitive) || q.length < qual.length) return false;
    const tail = q.slice(q.length - qual.length);
    return tail.every((p, i) => eq(p, qual[i]!, caseSensitive));
  });
  return qualified;
}

/** Keeps one attribute per exprId (the same column reachable twice is not ambiguous). */
function distinctById(attrs: readonly AttributeRef[]): AttributeRef[] {
  const seen = new Set<number>();
  return attrs.filter((a) => (seen.has(a.exprId) ? false : (seen.add(a.exprId), true)));
}

/**
 * Resolves a column reference. With a planId, the name is looked up in the output of the frame
 * that carries that planId (so `df1.id == df2.id` picks the right side of a join); otherwise
 * among the input columns. Ambiguous names raise AMBIGUOUS_REFERENCE, unknown ones
 * UNRESOLVED_COLUMN.WITH_SUGGESTION.
 */
export function resolveColumn(nameParts: readonly string[], planId: number | undefined, scope: Scope): AttributeRef {
  if (planId !== undefined) {
    const frame = scope.planIds.get(planId);
    if (frame !== undefined) {
      const hits = distinctById(matchName(nameParts.slice(-1), frame, scope.caseSensitive));
      const visible = hits.filter((h) => scope.attrs.some((a) => a.exprId === h.exprId));
      if (visible.length >= 1) return scope.attrs.find((a) => a.exprId === visible[0]!.exprId)!;
    }
  }
  let hits = distinctById(matchName(nameParts, scope.attrs, scope.caseSensitive));
  if (hits.length === 0 && scope.outer !== undefined) hits = distinctById(matchName(nameParts, scope.outer, scope.caseSensitive));
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) {
    throw noPlan(new AnalysisException("AMBIGUOUS_REFERENCE", {
      name: quoteParts(nameParts),
      referenceNames: `[${hits.map((h) => quoteParts([...(h.qualifier ?? []), h.name])).join(", ")}]`,
    }));
  }
  throw unresolvedColumn(nameParts, scope.outer === undefined ? scope.attrs : [...scope.attrs, ...scope.outer]);
}
