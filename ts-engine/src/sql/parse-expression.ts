import type { Expr } from "../expr/expr.js";
import { Parser } from "./expr-parser.js";

/**
 * Parses a Spark SQL expression (`expr()`, `selectExpr`, `filter("a > 1")`) into an unresolved
 * Expr. A trailing `AS alias` (or bare alias) gives an Alias; `*` / `t.*` gives UnresolvedStar.
 * Malformed text raises ParseException PARSE_SYNTAX_ERROR like Spark.
 */
export function parseExpression(sql: string): Expr {
  return new Parser(sql).parseNamedExpressionToEnd();
}
