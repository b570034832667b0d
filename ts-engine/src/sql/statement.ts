import type { ParsedPlan } from "../plan/parsed-plan.js";

/**
 * A parsed Spark SQL statement: a query (lazy: a DataFrame), or a command that `spark.sql`
 * runs at once (Spark executes commands eagerly and returns their result rows).
 */
export type SqlStatement =
  | QueryStatement
  | CreateViewStatement
  | DropViewStatement
  | ShowTablesStatement
  | SetStatement
  | ResetStatement
  | ExplainStatement;

/** The kinds of statements. */
export type SqlStatementKind = SqlStatement["kind"];

/** SELECT / WITH / VALUES / TABLE: the plan, unresolved. */
export interface QueryStatement {
  readonly kind: "Query";
  readonly plan: ParsedPlan;
}

/** `CREATE [OR REPLACE] [GLOBAL] TEMPORARY VIEW [IF NOT EXISTS] name [(cols)] AS query`. */
export interface CreateViewStatement {
  readonly kind: "CreateView";
  readonly nameParts: readonly string[];
  readonly plan: ParsedPlan;
  readonly columns?: readonly string[];
  readonly temporary: boolean;
  readonly global: boolean;
  readonly replace: boolean;
  readonly ifNotExists: boolean;
}

/** `DROP VIEW [IF EXISTS] name` and `DROP TABLE [IF EXISTS] name` (which drops a temp view too). */
export interface DropViewStatement {
  readonly kind: "DropView";
  readonly nameParts: readonly string[];
  readonly ifExists: boolean;
  readonly isView: boolean;
}

/** `SHOW TABLES [FROM|IN db] [[LIKE] 'pattern']` and `SHOW VIEWS …` (views only). */
export interface ShowTablesStatement {
  readonly kind: "ShowTables";
  readonly database?: string;
  readonly pattern?: string;
  readonly viewsOnly: boolean;
}

/** `SET`, `SET -v`, `SET key`, `SET key=value`. */
export interface SetStatement {
  readonly kind: "Set";
  readonly key?: string;
  readonly value?: string;
  readonly verbose: boolean;
}

/** `RESET` / `RESET key`. */
export interface ResetStatement {
  readonly kind: "Reset";
  readonly key?: string;
}

/** `EXPLAIN [EXTENDED|FORMATTED|COST|CODEGEN] query`. */
export interface ExplainStatement {
  readonly kind: "Explain";
  readonly mode: "simple" | "extended" | "formatted" | "cost" | "codegen";
  readonly plan: ParsedPlan;
}
