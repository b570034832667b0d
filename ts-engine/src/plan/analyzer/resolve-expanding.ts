import type { Expr } from "../../expr/expr.js";
import type { ParsedExpr } from "../../expr/parsed-expr.js";
import { AnalysisException } from "../../errors/spark-exception.js";
import { parseExpression } from "../../sql/parse-expression.js";
import { resolveExpr } from "./resolve-expr.js";
import { matchName, quoteParts, type Scope } from "./scope.js";

// Its own module: rules/project.ts and rules/aggregate.ts both use it, and project.ts
// already imports aggregate.ts (an import cycle when it lived in project.ts).

/**
 * Resolves a list that may hold stars: `*` / `t.*` (and SQL text that parses to a star) expand
 * into the matching input attributes, every other item resolves in `scope`.
 */
export function resolveExpanding(exprs: readonly ParsedExpr[], scope: Scope): Expr[] {
  const out: Expr[] = [];
  for (const raw of exprs) {
    const e = raw.kind === "ExprString" ? parseExpression(raw.sql, scope.timeZone) : raw;
    if (e.kind !== "UnresolvedStar") {
      // SQL text resolves as text so that its errors carry the SQL origin (`line 1 pos N`).
      out.push(resolveExpr(raw, scope));
      continue;
    }
    if (e.target === undefined || e.target.length === 0) {
      const frame = e.planId === undefined ? undefined : scope.planIds.get(e.planId);
      out.push(...(frame ?? scope.attrs));
      continue;
    }
    const hits = scope.attrs.filter((a) => matchName([...e.target!, a.name], [a], scope.caseSensitive).length > 0);
    if (hits.length === 0) {
      throw new AnalysisException("CANNOT_RESOLVE_STAR_EXPAND", {
        targetString: quoteParts(e.target),
        columns: scope.attrs.map((a) => quoteParts([a.name])).join(", "),
      });
    }
    out.push(...hits);
  }
  return out;
}
