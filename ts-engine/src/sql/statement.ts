import type { ParsedExpr } from "../expr/parsed-expr.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import type { BucketSpec } from "../plan/bucket-spec.js";
import type { StructField } from "../types/data-type.js";

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
  | ClearCacheStatement
  | CreateTableStatement
  | InsertIntoStatement
  | AlterTableStatement
  | ShowCreateTableStatement
  | ShowTblPropertiesStatement
  | TruncateTableStatement
  | RefreshTableStatement
  | AddResourceStatement
  | ListResourcesStatement
  | CreateFunctionStatement
  | ShowPartitionsStatement;

/** The kinds of statements. */
export type SqlStatementKind = SqlStatement["kind"];

/** SELECT / WITH / VALUES / TABLE: the plan, unresolved. */
export interface QueryStatement {
  readonly kind: "Query";
  readonly plan: ParsedPlan;
}

/**
 * `CREATE [OR REPLACE] [[GLOBAL] TEMPORARY] VIEW [IF NOT EXISTS] name [(col [COMMENT 'c'], …)]
 * [COMMENT 'c'] [TBLPROPERTIES (…)] AS query`.
 */
export interface CreateViewStatement {
  readonly kind: "CreateView";
  readonly nameParts: readonly string[];
  readonly plan: ParsedPlan;
  /** The query's text as written (a persistent view keeps it, as Spark's View Text). */
  readonly text: string;
  readonly columns?: readonly string[];
  /** Column comments by lower-cased column name. */
  readonly columnComments?: readonly (readonly [string, string])[];
  readonly comment?: string;
  readonly properties?: readonly (readonly [string, string])[];
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

/** `DESCRIBE [TABLE] [EXTENDED] t`: one row per column (col_name, data_type, comment), then (EXTENDED) the table's details. */
export interface DescribeRelationStatement {
  readonly kind: "DescribeRelation";
  readonly nameParts: readonly string[];
  readonly extended?: boolean;
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
  readonly cascade?: boolean;
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

/** A column of CREATE TABLE / ALTER TABLE ADD COLUMNS: its field and its COMMENT. */
export interface ColumnDefinition {
  readonly field: StructField;
  readonly comment?: string;
}

/**
 * `CREATE [OR REPLACE] [EXTERNAL] TABLE [IF NOT EXISTS] t [(cols)] [USING fmt] [OPTIONS (…)]
 * [PARTITIONED BY (…)] [LOCATION '…'] [COMMENT '…'] [TBLPROPERTIES (…)] [AS query]`, and
 * `REPLACE TABLE …`; also what df.write.saveAsTable and df.writeTo(t).create make.
 */
export interface CreateTableStatement {
  readonly kind: "CreateTable";
  readonly nameParts: readonly string[];
  readonly ifNotExists: boolean;
  /** OR REPLACE (createOrReplace) or REPLACE alone (`replaceOnly`: the table must exist). */
  readonly replace: boolean;
  readonly replaceOnly?: boolean;
  readonly provider?: string;
  readonly columns?: readonly ColumnDefinition[];
  /** PARTITIONED BY names (or, with column types, new partition columns appended to the schema). */
  readonly partitionColumns: readonly string[];
  readonly partitionDefinitions?: readonly ColumnDefinition[];
  /** `CLUSTERED BY … [SORTED BY …] INTO n BUCKETS` (or bucketBy / a bucket() transform). */
  readonly bucketSpec?: BucketSpec;
  readonly options: readonly (readonly [string, string])[];
  readonly properties: readonly (readonly [string, string])[];
  readonly location?: string;
  readonly comment?: string;
  /** `STORED AS fmt` / `ROW FORMAT …`: a Hive table, by its SerDe class (Spark without Hive support refuses it). */
  readonly hiveSerde?: string;
  /** `AS query` (CTAS); the rows the new table starts with. */
  readonly plan?: ParsedPlan;
  /** `CREATE TABLE t LIKE src`. */
  readonly like?: readonly string[];
}

/**
 * `INSERT INTO|OVERWRITE [TABLE] t [PARTITION (k[=v], …)] [(cols) | BY NAME] query`: rows
 * matched to the table's columns by position (by name with BY NAME or a column list), cast to
 * their types; a static partition value writes into that partition only.
 */
export interface InsertIntoStatement {
  readonly kind: "InsertInto";
  readonly nameParts: readonly string[];
  /** Where the table name stands (line from 1, pos from 0): the `; line L pos P` of errors about it. */
  readonly nameOrigin?: { readonly line: number; readonly pos: number };
  readonly overwrite: boolean;
  /** PARTITION (k=v, k2): static values (constant expressions) and dynamic names, in the order given. */
  readonly partitionSpec: readonly (readonly [string, ParsedExpr | undefined])[];
  readonly columns?: readonly string[];
  readonly byName: boolean;
  readonly ifNotExists?: boolean;
  readonly plan: ParsedPlan;
}

/** `ALTER TABLE t …`: what it changes. */
export type AlterTableAction =
  | { readonly kind: "rename"; readonly to: readonly string[] }
  | { readonly kind: "addColumns"; readonly columns: readonly ColumnDefinition[] }
  | { readonly kind: "setProperties"; readonly properties: readonly (readonly [string, string])[] }
  | { readonly kind: "unsetProperties"; readonly keys: readonly string[]; readonly ifExists: boolean }
  /** `ALTER VIEW v AS query`: a persistent view's new query (`text` as written). */
  | { readonly kind: "asQuery"; readonly plan: ParsedPlan; readonly text: string }
  /** `ADD [IF NOT EXISTS] PARTITION (…) [LOCATION '…'] …`. */
  | { readonly kind: "addPartitions"; readonly partitions: readonly { readonly spec: PartitionSpec; readonly location?: string }[]; readonly ifNotExists: boolean }
  /** `DROP [IF EXISTS] PARTITION (…), … [PURGE]`. */
  | { readonly kind: "dropPartitions"; readonly specs: readonly PartitionSpec[]; readonly ifExists: boolean }
  /** `PARTITION (…) RENAME TO PARTITION (…)`. */
  | { readonly kind: "renamePartition"; readonly from: PartitionSpec; readonly to: PartitionSpec };

/** `PARTITION (k = v, k2)`: each key with its value (a constant expression), or none (a dynamic partition of INSERT). */
export type PartitionSpec = readonly (readonly [string, ParsedExpr | undefined])[];

/** `SHOW PARTITIONS t [PARTITION (…)]`. */
export interface ShowPartitionsStatement {
  readonly kind: "ShowPartitions";
  readonly nameParts: readonly string[];
  readonly partitionSpec: PartitionSpec;
}

/** `ALTER TABLE t RENAME TO u | ADD COLUMN[S] (…) | SET TBLPROPERTIES (…) | UNSET TBLPROPERTIES (…)`. */
export interface AlterTableStatement {
  readonly kind: "AlterTable";
  readonly nameParts: readonly string[];
  readonly isView: boolean;
  readonly action: AlterTableAction;
}

/** `SHOW CREATE TABLE t [AS SERDE]`. */
export interface ShowCreateTableStatement {
  readonly kind: "ShowCreateTable";
  readonly nameParts: readonly string[];
  /** Where the name stands in the text (Spark's `; line L pos P` of its errors). */
  readonly nameOrigin?: { readonly line: number; readonly pos: number };
}

/** `SHOW TBLPROPERTIES t [('key')]`. */
export interface ShowTblPropertiesStatement {
  readonly kind: "ShowTblProperties";
  readonly nameParts: readonly string[];
  readonly key?: string;
}

/** `TRUNCATE TABLE t [PARTITION (k=v, …)]`. */
export interface TruncateTableStatement {
  readonly kind: "TruncateTable";
  readonly nameParts: readonly string[];
  /** Where the table name stands, as InsertIntoStatement's. */
  readonly nameOrigin?: { readonly line: number; readonly pos: number };
  readonly partitionSpec: readonly (readonly [string, ParsedExpr | undefined])[];
}

/** `REFRESH TABLE t`. */
export interface RefreshTableStatement {
  readonly kind: "RefreshTable";
  readonly nameParts: readonly string[];
}

/** `ADD FILE|JAR|ARCHIVE path …`. */
export interface AddResourceStatement {
  readonly kind: "AddResource";
  readonly resource: "file" | "jar" | "archive";
  readonly paths: readonly string[];
}

/** `LIST FILE[S]|JAR[S]|ARCHIVE[S] [path …]`. */
export interface ListResourcesStatement {
  readonly kind: "ListResources";
  readonly resource: "file" | "jar" | "archive";
  readonly paths: readonly string[];
}

/** `CREATE [OR REPLACE] [TEMPORARY] FUNCTION [IF NOT EXISTS] f AS 'class' [USING JAR …]`. */
export interface CreateFunctionStatement {
  readonly kind: "CreateFunction";
  readonly nameParts: readonly string[];
  readonly className: string;
  readonly temporary: boolean;
}
