import { newExprId, type Expr } from "../../expr/expr.js";
import { exprType } from "../../expr/expr-type.js";
import { scalarCall } from "../../expr/functions/function-def.js";
import { IntegerType, StringType } from "../../types/data-type.js";
import type { ParsedExpr, UnresolvedStar } from "../../expr/parsed-expr.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { regexColumns } from "./regex-columns.js";
import { parseExpression } from "../../sql/parse-expression.js";
import { resolveExpr } from "./resolve-expr.js";
import { matchName, quoteParts, type Scope } from "./scope.js";

// Its own module: rules/project.ts and rules/aggregate.ts both use it, and project.ts
// already imports aggregate.ts (an import cycle when it lived in project.ts).

/**
 * `st.*` where `st` names a struct column (or a struct field path): one column per field,
 * named after the field, as Spark's UnresolvedStar.expand over a struct. Null when the target
 * is no struct, so the caller raises CANNOT_RESOLVE_STAR_EXPAND.
 */
function structStar(target: readonly string[], scope: Scope): Expr[] | null {
  let base: Expr;
  try {
    base = resolveExpr({ kind: "UnresolvedAttribute", nameParts: target }, scope);
  } catch {
    return null;
  }
  const child = base.kind === "Alias" ? base.child : base;
  const t = exprType(child);
  if (t.kind !== "struct") return null;
  return t.fields.map((f, i) => ({
    kind: "Alias" as const,
    child: scalarCall("get_field", [child, { kind: "Literal", value: i, dataType: IntegerType }, { kind: "Literal", value: f.name, dataType: StringType }], f.dataType, true),
    name: f.name,
    exprId: newExprId(),
  }));
}

/**
 * Resolves a list that may hold stars: `*` / `t.*` (and SQL text that parses to a star) expand
 * into the matching input attributes, every other item resolves in `scope`.
 */
export function resolveExpanding(exprs: readonly ParsedExpr[], scope: Scope): Expr[] {
  const out: Expr[] = [];
  // stars among function arguments expand too (`struct(*)`), against this list's input
  const inner: Scope = { ...scope, expandStar: (star) => expandStar(star, scope) };
  for (const raw of exprs) {
    const e = raw.kind === "ExprString" ? parseExpression(raw.sql, scope.timeZone) : raw;
    // SQL text resolves as text so that its errors carry the SQL origin (`line 1 pos N`).
    out.push(...(e.kind === "UnresolvedStar" ? expandStar(e, scope) : [resolveExpr(raw, inner)]));
  }
  return out;
}

/** The columns one star stands for: `*`, `t.*`, `st.*` over a struct, or a colRegex. */
function expandStar(e: UnresolvedStar, scope: Scope): Expr[] {
  if (e.regex !== undefined) return regexColumns(e.regex, e.target, scope);
  if (e.target === undefined || e.target.length === 0) {
    // df["*"]: the shallowest frame with that planId, as its columns are visible now
    const frames = e.planId === undefined ? undefined : scope.planIds.get(e.planId);
    const frame = frames === undefined ? undefined : [...frames].sort((a, b) => a.depth - b.depth)[0]!.attrs;
    return [...(frame === undefined ? scope.attrs : frame.map((a) => scope.attrs.find((x) => x.exprId === a.exprId) ?? a))];
  }
  const hits = scope.attrs.filter((a) => matchName([...e.target!, a.name], [a], scope.caseSensitive).length > 0);
  const fields = hits.length === 0 ? structStar(e.target, scope) : null;
  if (fields !== null) return fields;
  if (hits.length === 0) {
    throw new AnalysisException("CANNOT_RESOLVE_STAR_EXPAND", {
      targetString: quoteParts(e.target),
      columns: scope.attrs.map((a) => quoteParts([a.name])).join(", "),
    });
  }
  return hits;
}
