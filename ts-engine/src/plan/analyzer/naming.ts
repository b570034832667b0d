import { newExprId, type Expr } from "../../expr/expr.js";
import { exprPrettySql } from "../../expr/expr-string.js";

/**
 * The column name Spark generates for an unaliased expression: an attribute keeps its name, a
 * user cast of a column keeps the column's name (`col("i").cast("string")` → `i`), anything else
 * is its pretty SQL (`(a + 1)`, `sum(b)`, `count(1)`).
 */
export function autoName(e: Expr): string {
  if (e.kind === "AttributeRef") return e.name;
  if (e.kind === "Cast" && e.child.kind === "AttributeRef") return e.child.name;
  return exprPrettySql(e);
}

/** Makes a resolved expression a named output: attributes and aliases as they are, else an Alias. */
export function named(e: Expr): Expr {
  if (e.kind === "AttributeRef") return e;
  if (e.kind === "Alias") return e.exprId === undefined ? { ...e, exprId: newExprId() } : e;
  return { kind: "Alias", child: e, name: autoName(e), exprId: newExprId() };
}
