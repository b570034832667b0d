import { ParseException } from "../errors/spark-exception.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";
import { Parser } from "./expr-parser.js";
import { SqlSyntaxError } from "./lexer.js";

/**
 * Spark's full ParseException text: a leading newline, the message with `(line 1, pos N)`, then
 * the SQL with a `^^^` marker under the error position.
 */
function withExcerpt(e: SqlSyntaxError, sql: string): SqlSyntaxError {
  const lines = sql.slice(0, e.pos).split("\n");
  const line = lines.length;
  const col = lines[lines.length - 1]!.length;
  const allLines = sql.split("\n");
  const excerpt = [...allLines.slice(0, line), `${"-".repeat(col)}^^^`, ...allLines.slice(line)].join("\n");
  e.message = `\n${e.message} (line ${line}, pos ${col})\n\n== SQL ==\n${excerpt}\n`;
  return e;
}

/**
 * Runs a parse of `sql`, turning syntax errors into Spark's excerpted ParseException and a
 * nesting too deep for the stack (a depth-1000 expression, say) into Spark's
 * FAILED_TO_PARSE_TOO_COMPLEX instead of a crash.
 */
export function guardedParse<T>(sql: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof SqlSyntaxError) throw withExcerpt(e, sql);
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new ParseException("FAILED_TO_PARSE_TOO_COMPLEX", {});
    throw e;
  }
}

/**
 * Parses a Spark SQL expression (`expr()`, `selectExpr`, `filter("a > 1")`) into an unresolved
 * ParsedExpr. A trailing `AS alias` (or bare alias) gives an Alias; `*` / `t.*` gives UnresolvedStar.
 * Malformed text raises ParseException PARSE_SYNTAX_ERROR with Spark's message and excerpt.
 */
export function parseExpression(sql: string, timeZone = "UTC"): ParsedExpr {
  return guardedParse(sql, () => new Parser(sql, timeZone).parseNamedExpressionToEnd());
}
