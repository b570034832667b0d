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
  | ExplainStatement
  | ShowDatabasesStatement
  | ShowFunctionsStatement
  | ShowColumnsStatement
  | DescribeRelationStatement
  | DescribeQueryStatement
  | DescribeFunctionStatement
  | UseStatement
  | CreateDatabaseStatement
  | DropDatabaseStatement
  | CacheTableStatement
  | UncacheTableStatement
  | ClearCacheStatement;

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

/** `SHOW DATABASES|SCHEMAS|NAMESPACES [LIKE 'pattern']`. */
export interface ShowDatabasesStatement {
  readonly kind: "ShowDatabases";
  readonly pattern?: string;
}

/** `SHOW [USER|SYSTEM|ALL] FUNCTIONS [LIKE 'pattern']`. */
export interface ShowFunctionsStatement {
  readonly kind: "ShowFunctions";
  readonly pattern?: string;
}

/** `SHOW COLUMNS (FROM|IN) t [(FROM|IN) db]`. */
export interface ShowColumnsStatement {
  readonly kind: "ShowColumns";
  readonly nameParts: readonly string[];
}

/** `DESCRIBE [TABLE] [EXTENDED] t`: one row per column (col_name, data_type, comment). */
export interface DescribeRelationStatement {
  readonly kind: "DescribeRelation";
  readonly nameParts: readonly string[];
}

/** `DESCRIBE [QUERY] SELECT …`: the query's columns. */
export interface DescribeQueryStatement {
  readonly kind: "DescribeQuery";
  readonly plan: ParsedPlan;
}

/** `DESCRIBE FUNCTION [EXTENDED] f`. */
export interface DescribeFunctionStatement {
  readonly kind: "DescribeFunction";
  readonly name: string;
}

/** `USE [DATABASE|SCHEMA|NAMESPACE] db`. */
export interface UseStatement {
  readonly kind: "Use";
  readonly database: string;
}

/** `CREATE DATABASE|SCHEMA [IF NOT EXISTS] db`. */
export interface CreateDatabaseStatement {
  readonly kind: "CreateDatabase";
  readonly database: string;
  readonly ifNotExists: boolean;
}

/** `DROP DATABASE|SCHEMA [IF EXISTS] db [RESTRICT|CASCADE]`. */
export interface DropDatabaseStatement {
  readonly kind: "DropDatabase";
  readonly database: string;
  readonly ifExists: boolean;
}

/** `CACHE [LAZY] TABLE t [AS query]`. */
export interface CacheTableStatement {
  readonly kind: "CacheTable";
  readonly nameParts: readonly string[];
  readonly lazy: boolean;
  readonly plan?: ParsedPlan;
}

/** `UNCACHE TABLE [IF EXISTS] t`. */
export interface UncacheTableStatement {
  readonly kind: "UncacheTable";
  readonly nameParts: readonly string[];
  readonly ifExists: boolean;
}

/** `CLEAR CACHE`. */
export interface ClearCacheStatement {
  readonly kind: "ClearCache";
}
