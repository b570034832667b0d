import type { ParsedPlan, SqlQuery } from "../plan/parsed-plan.js";
import { AnalysisException } from "../errors/spark-exception.js";
import { guardedParse } from "./parse-expression.js";
import type { SqlStatement } from "./statement.js";
import { StatementParser } from "./statement-parser.js";

/** Parses one Spark SQL statement (`spark.sql` text) with its parameters and `{df}` references. */
export function parseStatement(q: SqlQuery, timeZone: string): SqlStatement {
  if (q.named.size > 0 && q.positional.length > 0) {
    throw new AnalysisException("INVALID_QUERY_MIXED_QUERY_PARAMETERS", {});
  }
  return guardedParse(q.query, () =>
    new StatementParser(q.query, { timeZone, params: { named: q.named, positional: q.positional }, refs: q.refs }).parseStatementToEnd(),
  );
}

/** The plan of a `spark.sql` query (analysis of a Sql node); a command here is an engine bug upstream. */
export function parseQueryPlan(q: SqlQuery, timeZone: string): ParsedPlan {
  const s = parseStatement(q, timeZone);
  if (s.kind !== "Query") throw new AnalysisException("NOT_IMPLEMENTED", { feature: `${s.kind} as a DataFrame` });
  return s.plan;
}
