import { AnalysisException } from "../errors/spark-exception.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";

/**
 * The values `spark.sql(query, args)` binds: named (`:x`, from a dict) or positional (`?`, from a
 * list). Each is an expression the client built (a literal, or `array()`/`map()`/`struct()` of
 * literals, as Spark's BindParameters allows).
 */
export interface SqlParameters {
  readonly named?: ReadonlyMap<string, ParsedExpr>;
  readonly positional?: readonly ParsedExpr[];
}

/** What the SQL parser needs besides the text. */
export interface ParserOptions {
  /** spark.sql.session.timeZone, for TIMESTAMP '…' literals. */
  readonly timeZone?: string;
  readonly params?: SqlParameters;
}

/** Spark's UNBOUND_SQL_PARAMETER for a marker `args` gives no value for. */
export function unboundParameter(name: string): AnalysisException {
  return new AnalysisException("UNBOUND_SQL_PARAMETER", { name });
}
