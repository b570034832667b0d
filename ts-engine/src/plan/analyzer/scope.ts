import { AnalysisException } from "../../errors/spark-exception.js";
import type { AttributeRef, Expr, NamedLambdaVariable } from "../../expr/expr.js";
import type { UnresolvedStar } from "../../expr/parsed-expr.js";
import type { DataType } from "../../types/data-type.js";
import type { PlanIdMap } from "./frame-output.js";
import { noPlan } from "./no-plan.js";

/**
 * A Python function registered for the session (`spark.udf.register(name, f, returnType)`):
 * a call of `name(args)` in SQL, `expr()` or `selectExpr` becomes this PythonUDF.
 */
export interface SessionFunction {
  readonly name: string;
  /** cloudpickled `(function, returnType)`, as a PythonUDF expression carries it. */
  readonly func: Uint8Array;
  readonly returnType: DataType;
  readonly evalType: number;
  readonly deterministic: boolean;
}

/** The session's registered functions (catalog/session-catalog.ts implements it). */
export interface SessionFunctionLookup {
  /** The function registered under `name` (case-insensitive), if any. */
  lookupSessionFunction(name: string): SessionFunction | undefined;
  /** The Python UDTF `spark.udtf.register` registered under `name` (Spark's table function registry), if any. */
  lookupSessionTableFunction?(name: string): SessionFunction | undefined;
}

/** What expressions of one plan node may refer to: its input attributes, and frames by planId. */
export interface Scope {
  readonly attrs: readonly AttributeRef[];
  /** Output of each node in the input subtree that carries a client planId (for `df["col"]`). */
  readonly planIds: PlanIdMap;
  /** The input's hidden columns (a using-join's keys), which `df["col"]` may still name. */
  readonly hidden?: readonly AttributeRef[];
  /** The operator the expressions belong to, for MISSING_ATTRIBUTES (Spark names it `!Project […]`). */
  readonly operator?: string;
  readonly caseSensitive: boolean;
  /** spark.sql.session.timeZone, for TIMESTAMP '…' literals in SQL text. */
  readonly timeZone?: string;
  /** Inside a lambda's body: its variables (and enclosing lambdas'), which names resolve to before columns. */
  readonly lambdaVars?: ReadonlyMap<string, NamedLambdaVariable>;
  /** spark.sql.ansi.enabled: which casts analysis accepts (Cast.canAnsiCast or canCast); true when absent. */
  readonly ansi?: boolean;
  /** spark.sql.decimalOperations.allowPrecisionLoss, for decimal arithmetic's result types; true when absent. */
  readonly decimalAllowPrecisionLoss?: boolean;
  /**
   * A correlated subquery's outer columns: a name resolves here only when no column of `attrs`
   * has it, so the subquery's own columns shadow the outer query's (Spark's outer references).
   */
  readonly outer?: readonly AttributeRef[];
  /** Functions registered for the session; they shadow built-in functions of the same name, as in Spark. */
  readonly sessionFunctions?: SessionFunctionLookup;
  /**
   * A frame's column the input lacks resolves to the frame's attribute instead of raising
   * MISSING_ATTRIBUTES: only to print the failing operator as Spark does (missing-operator.ts).
   */
  readonly lenientFrameColumns?: boolean;
  /**
   * In a projection or aggregate list: a star among a function's arguments (`struct(*)`,
   * `concat(*)`) expands into these columns, as Spark's ResolveReferences does in Project and
   * Aggregate; elsewhere it raises INVALID_USAGE_OF_STAR_OR_REGEX.
   */
  readonly expandStar?: (star: UnresolvedStar) => Expr[];
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
 * `df["col"]`: the column of the frame with that planId, as Spark Connect resolves it. Every
 * node of the input that carries the planId (a self-join has it on both sides) offers its
 * column of that name; those the input can still see compete, the shallowest wins, and a tie
 * is AMBIGUOUS_COLUMN_REFERENCE. A frame's column the input no longer has (dropped by a
 * projection, or a frame that is not part of the input) is Spark's MISSING_ATTRIBUTES.
 */
function resolveFrameColumn(nameParts: readonly string[], planId: number, scope: Scope): AttributeRef {
  const frames = scope.planIds.get(planId);
  if (frames === undefined) throw missingAttributes(nameParts, undefined, scope);
  const hidden = scope.hidden ?? [];
  const visibleById = new Map<number, AttributeRef>();
  for (const a of [...scope.attrs, ...hidden]) if (!visibleById.has(a.exprId)) visibleById.set(a.exprId, a);
  let named: AttributeRef | undefined;
  let best: { attr: AttributeRef; depth: number }[] = [];
  for (const f of frames) {
    const hits = distinctById(matchName(nameParts, f.attrs, scope.caseSensitive));
    if (hits.length > 1) throw ambiguousReference(nameParts, hits);
    const hit = hits[0];
    if (hit === undefined) continue;
    named ??= hit;
    const seen = visibleById.get(hit.exprId);
    if (seen === undefined) continue;
    if (best.length === 0 || f.depth < best[0]!.depth) best = [{ attr: seen, depth: f.depth }];
    else if (f.depth === best[0]!.depth && !best.some((b) => b.attr.exprId === seen.exprId)) best.push({ attr: seen, depth: f.depth });
  }
  if (best.length === 1) return best[0]!.attr;
  if (best.length > 1) throw noPlan(new AnalysisException("AMBIGUOUS_COLUMN_REFERENCE", { name: quoteParts(nameParts) }));
  if (named === undefined) throw unresolvedColumn(nameParts, frames[0]!.attrs);
  if (scope.lenientFrameColumns === true) return named;
  throw missingAttributes(nameParts, named, scope);
}

/**
 * MISSING_ATTRIBUTES: a frame's column that the operator's input does not have. Spark prints
 * the operator as `!Project [name#4]`; only its kind is known here (missing-operator.ts adds
 * the expressions where the operator is resolved).
 */
function missingAttributes(nameParts: readonly string[], attr: AttributeRef | undefined, scope: Scope): AnalysisException {
  const name = attr?.name ?? nameParts[nameParts.length - 1]!;
  const same = scope.attrs.filter((a) => eq(a.name, name, scope.caseSensitive));
  const params = {
    missingAttributes: `"${name}"`,
    input: scope.attrs.map((a) => `"${a.name}"`).join(", "),
    operator: `!${scope.operator ?? "Project"}`,
    ...(same.length > 0 ? { operation: same.map((a) => `"${a.name}"`).join(", ") } : {}),
  };
  return new AnalysisException(same.length > 0 ? "MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_APPEAR_IN_OPERATION" : "MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT", params);
}

function ambiguousReference(nameParts: readonly string[], hits: readonly AttributeRef[]): AnalysisException {
  return noPlan(new AnalysisException("AMBIGUOUS_REFERENCE", {
    name: quoteParts(nameParts),
    referenceNames: `[${hits.map((h) => quoteParts([...(h.qualifier ?? []), h.name])).join(", ")}]`,
  }));
}

/**
 * Resolves a column reference. With a planId, in the frame that carries it (so
 * `df1.id == df2.id` picks the right side of a join, see resolveFrameColumn); otherwise
 * among the input columns. Ambiguous names raise AMBIGUOUS_REFERENCE, unknown ones
 * UNRESOLVED_COLUMN.WITH_SUGGESTION.
 */
export function resolveColumn(nameParts: readonly string[], planId: number | undefined, scope: Scope): AttributeRef {
  if (planId !== undefined) return resolveFrameColumn(nameParts, planId, scope);
  let hits = distinctById(matchName(nameParts, scope.attrs, scope.caseSensitive));
  // `d.k` after `e.join(d, "k")`: the right's key, hidden by the output, still answers to its qualifier
  if (hits.length === 0 && scope.hidden !== undefined) hits = distinctById(matchName(nameParts, scope.hidden, scope.caseSensitive));
  if (hits.length === 0 && scope.outer !== undefined) hits = distinctById(matchName(nameParts, scope.outer, scope.caseSensitive));
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) throw ambiguousReference(nameParts, hits);
  throw unresolvedColumn(nameParts, scope.outer === undefined ? scope.attrs : [...scope.attrs, ...scope.outer]);
}
