import { GLOBAL_TEMP_DATABASE } from "../catalog/session-catalog.js";
import {
  cacheTable,
  catalogOf,
  clearCache,
  describeFunction,
  likePattern,
  listFunctions,
  planColumns,
  relationColumns,
  relationPlan,
  TABLE_CACHE_LEVEL,
  uncacheTable,
  type ColumnInfo,
} from "./catalog-commands.js";
import { CONF_ENTRIES } from "../conf/sql-conf.js";
import { assertNever } from "../errors/assert-never.js";
import { AnalysisException, ParseException, SparkException } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import { analyze } from "../plan/analyzer/analyzer.js";
import { quoteParts } from "../plan/analyzer/scope.js";
import type { ParsedPlan, SqlQuery } from "../plan/parsed-plan.js";
import { parseStatement } from "../sql/parse-statement.js";
import type { AddResourceStatement, CreateViewStatement, DropViewStatement, ListResourcesStatement, SetStatement, ShowTablesStatement, SqlStatement } from "../sql/statement.js";
import { statSync } from "node:fs";
import { localPath, qualified } from "../io/file-index.js";
import { BooleanType, StringType, type StructType } from "../types/data-type.js";
import { analyzeOptions, explainQuery } from "./query-engine.js";
import { resolveSources } from "./resolve-sources.js";
import { createTable } from "./create-table.js";
import { insertInto } from "./insert-into-table.js";
import { alterTable, describeTable, showCreateTableText, tableProperties, truncateTable } from "./table-commands.js";
import { createPersistentView, wrongDropCommand } from "./view-commands.js";
import { showPartitions } from "./partition-commands.js";

/**
 * What `spark.sql(text)` gives: a query stays a lazy plan (analyzed now, so errors surface at
 * the call, as in Spark); a command has run and gives its result rows (Spark's eager commands).
 */
export type SqlOutcome =
  | { readonly kind: "query"; readonly plan: SqlQuery }
  | { readonly kind: "command"; readonly schema: StructType; readonly rows: readonly (readonly unknown[])[] };

function struct(...fields: [string, StructType["fields"][number]["dataType"], boolean][]): StructType {
  return { kind: "struct", fields: fields.map(([name, dataType, nullable]) => ({ name, dataType, nullable })) };
}

const EMPTY: StructType = { kind: "struct", fields: [] };


function timeZone(ctx: ExecContext): string {
  return ctx.conf.get("spark.sql.session.timeZone") ?? "UTC";
}

/**
 * Registers a (global) temp view of `plan` after checking that it analyzes, as Spark's
 * CreateViewCommand does; shared by `CREATE TEMP VIEW` and `df.createTempView`.
 */
export function createTempView(name: string, plan: ParsedPlan, opts: { readonly global: boolean; readonly replace: boolean; readonly capture?: boolean }, ctx: ExecContext): void {
  analyze(plan, analyzeOptions(ctx));
  catalogOf(ctx).createTempView(name, plan, { ...opts, capture: opts.capture ?? true, timeZone: timeZone(ctx) });
}

function createView(s: CreateViewStatement, ctx: ExecContext): void {
  if (!s.temporary) return createPersistentView(s, ctx);
  let parts = s.nameParts;
  if (s.global && parts.length === 2 && parts[0]!.toLowerCase() === GLOBAL_TEMP_DATABASE) parts = parts.slice(1);
  if (parts.length !== 1) throw new AnalysisException("TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS", { actualName: quoteParts(s.nameParts) });
  const name = parts[0]!;
  if (s.ifNotExists) throw new SparkException("ParseException", "_LEGACY_ERROR_TEMP_0053", {}, { rawMessage: "It is not allowed to define a TEMPORARY view with IF NOT EXISTS.", sqlState: "" });
  const plan: ParsedPlan = s.columns === undefined ? s.plan : { kind: "ToDF", input: s.plan, names: s.columns };
  createTempView(name, plan, { global: s.global, replace: s.replace, capture: false }, ctx);
}

function dropView(s: DropViewStatement, ctx: ExecContext): void {
  const catalog = catalogOf(ctx);
  const parts = s.nameParts;
  let dropped = false;
  if (parts.length === 1) dropped = catalog.dropTempView(parts[0]!);
  else if (parts.length === 2 && parts[0]!.toLowerCase() === GLOBAL_TEMP_DATABASE) dropped = catalog.dropGlobalTempView(parts[1]!);
  if (dropped) return;
  const table = catalog.getTable(parts);
  if (table !== undefined) {
    if (s.isView !== (table.tableType === "VIEW")) throw wrongDropCommand(table, s.isView);
    catalog.dropTable(table);
    return;
  }
  if (s.ifExists) return;
  // Spark resolves a one-part name that is no temp view in the current database.
  const qualified = parts.length === 1 ? ["spark_catalog", catalog.currentDatabase, ...parts] : parts.length === 2 ? ["spark_catalog", ...parts] : parts;
  throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", { relationName: quoteParts(qualified) });
}


function showTables(s: ShowTablesStatement, ctx: ExecContext): SqlOutcome {
  const re = s.pattern === undefined ? undefined : likePattern(s.pattern);
  const rows = catalogOf(ctx)
    .listTables(s.database)
    .filter((t) => !s.viewsOnly || t.isTemporary || t.table?.tableType === "VIEW")
    .filter((t) => re === undefined || re.test(t.name))
    .map((t) => [t.database, t.name, t.isTemporary]);
  const schema = struct(["namespace", StringType, false], [s.viewsOnly ? "viewName" : "tableName", StringType, false], ["isTemporary", BooleanType, false]);
  return { kind: "command", schema, rows };
}

function set(s: SetStatement, ctx: ExecContext): SqlOutcome {
  const schema = struct(["key", StringType, false], ["value", StringType, false]);
  if (s.key === undefined) {
    if (s.verbose) {
      const rows = CONF_ENTRIES.map((e) => [e.key, ctx.conf.get(e.key) ?? e.default, e.doc]);
      return { kind: "command", schema: struct(["key", StringType, false], ["value", StringType, false], ["meaning", StringType, false]), rows };
    }
    const rows = ctx.conf.entries().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { kind: "command", schema, rows };
  }
  if (s.value === undefined) return { kind: "command", schema, rows: [[s.key, ctx.conf.get(s.key) ?? "<undefined>"]] };
  ctx.conf.set(s.key, s.value);
  return { kind: "command", schema, rows: [[s.key, s.value]] };
}

/** DESCRIBE's rows: col_name, data_type, comment (no comments are kept). */
function describeRows(cols: readonly ColumnInfo[]): SqlOutcome {
  const schema = struct(["col_name", StringType, false], ["data_type", StringType, false], ["comment", StringType, true]);
  return { kind: "command", schema, rows: cols.map((c) => [c.name, c.dataType, null]) };
}

/** DESCRIBE [EXTENDED] of a table (with its partition and detail rows), or a view's columns. */
function describeRelation(nameParts: readonly string[], extended: boolean, ctx: ExecContext): SqlOutcome {
  const catalog = catalogOf(ctx);
  const isTemp = (nameParts.length === 1 && catalog.tempViews.has(nameParts[0]!)) || (nameParts.length === 2 && nameParts[0]!.toLowerCase() === GLOBAL_TEMP_DATABASE);
  const table = isTemp ? undefined : catalog.getTable(nameParts);
  if (table === undefined) return describeRows(relationColumns(nameParts, ctx));
  const schema = struct(["col_name", StringType, false], ["data_type", StringType, false], ["comment", StringType, true]);
  return { kind: "command", schema, rows: describeTable(table, extended) };
}

const NONE: SqlOutcome = { kind: "command", schema: EMPTY, rows: [] };

async function runStatement(s: SqlStatement, q: SqlQuery, ctx: ExecContext): Promise<SqlOutcome> {
  switch (s.kind) {
    case "Query":
      analyze(s.plan, analyzeOptions(ctx));
      return { kind: "query", plan: q };
    case "CreateView":
      createView(s, ctx);
      return { kind: "command", schema: EMPTY, rows: [] };
    case "DropView":
      dropView(s, ctx);
      return { kind: "command", schema: EMPTY, rows: [] };
    case "ShowTables":
      return showTables(s, ctx);
    case "Set":
      return set(s, ctx);
    case "Reset":
      if (s.key === undefined) for (const [k] of ctx.conf.entries()) ctx.conf.unset(k);
      else ctx.conf.unset(s.key);
      return { kind: "command", schema: EMPTY, rows: [] };
    case "Explain":
      return { kind: "command", schema: struct(["plan", StringType, true]), rows: [[explainQuery(s.plan, s.mode, ctx)]] };
    case "ShowDatabases": {
      const re = s.pattern === undefined ? undefined : likePattern(s.pattern);
      const rows = catalogOf(ctx).listDatabases().filter((d) => re === undefined || re.test(d)).map((d) => [d]);
      return { kind: "command", schema: struct(["namespace", StringType, false]), rows };
    }
    case "ShowFunctions":
      return { kind: "command", schema: struct(["function", StringType, false]), rows: listFunctions(s.pattern).map((f) => [f.name]) };
    case "ShowColumns":
      return { kind: "command", schema: struct(["col_name", StringType, false]), rows: relationColumns(s.nameParts, ctx).map((c) => [c.name]) };
    case "DescribeRelation":
      return describeRelation(s.nameParts, s.extended === true, ctx);
    case "DescribeQuery":
      return describeRows(planColumns(s.plan, ctx));
    case "DescribeFunction":
      return { kind: "command", schema: struct(["function_desc", StringType, false]), rows: describeFunction(s.name).map((l) => [l]) };
    case "Use":
      catalogOf(ctx).setCurrentDatabase(s.database);
      return { kind: "command", schema: EMPTY, rows: [] };
    case "CreateDatabase":
      catalogOf(ctx).createDatabase(s.database, s.ifNotExists);
      return { kind: "command", schema: EMPTY, rows: [] };
    case "DropDatabase":
      catalogOf(ctx).dropDatabase(s.database, s.ifExists, s.cascade === true);
      return { kind: "command", schema: EMPTY, rows: [] };
    case "CacheTable":
      if (s.plan !== undefined) {
        // CACHE TABLE t AS query: a temp view t of the query, cached.
        if (s.nameParts.length !== 1) throw new AnalysisException("TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS", { actualName: quoteParts(s.nameParts) });
        createTempView(s.nameParts[0]!, s.plan, { global: false, replace: true, capture: false }, ctx);
      }
      cacheTable(s.nameParts, TABLE_CACHE_LEVEL, ctx);
      return { kind: "command", schema: EMPTY, rows: [] };
    case "UncacheTable":
      if (s.ifExists && catalogOf(ctx).lookupRelation(s.nameParts) === undefined) return { kind: "command", schema: EMPTY, rows: [] };
      void uncacheTable(s.nameParts, ctx).catch(() => undefined); // the entry is dropped at once; blocks are freed after
      return { kind: "command", schema: EMPTY, rows: [] };
    case "ClearCache":
      void clearCache(ctx).catch(() => undefined);
      return { kind: "command", schema: EMPTY, rows: [] };
    case "CreateTable":
      if (s.hiveSerde !== undefined) throw hiveTableUnsupported(s.nameParts, s.hiveSerde, s.ifNotExists, ctx);
      if (s.replace) {
        // Spark's session catalog cannot replace a data source table (a v2 catalog's feature)
        const n = catalogOf(ctx).qualifiedName(s.nameParts);
        throw new AnalysisException("UNSUPPORTED_FEATURE.TABLE_OPERATION", { tableName: quoteParts(n), operation: s.plan === undefined ? "REPLACE TABLE" : "REPLACE TABLE AS SELECT" });
      }
      await createTable(s, ctx);
      return NONE;
    case "InsertInto":
      await insertInto(s, ctx);
      return NONE;
    case "AlterTable":
      await alterTable(s, ctx);
      return NONE;
    case "ShowPartitions":
      return { kind: "command", schema: struct(["partition", StringType, false]), rows: await showPartitions(s, ctx) };
    case "ShowCreateTable":
      return { kind: "command", schema: struct(["createtab_stmt", StringType, false]), rows: [[showCreateTableText(s.nameParts, s.nameOrigin, ctx)]] };
    case "ShowTblProperties":
      return { kind: "command", schema: struct(["key", StringType, false], ["value", StringType, false]), rows: tableProperties(s.nameParts, s.key, ctx) };
    case "TruncateTable":
      truncateTable(s, ctx);
      return NONE;
    case "RefreshTable":
      // a table's files are listed by every query that reads it, so there is nothing to drop; the name is checked
      relationPlan(s.nameParts, ctx);
      return NONE;
    case "AddResource":
      addResource(s, ctx);
      return NONE;
    case "ListResources":
      return listResources(s, ctx);
    case "CreateFunction":
      // a function class is a JVM class, and tspark runs no JVM: Spark's error for a class it cannot load
      throw new AnalysisException("CANNOT_LOAD_FUNCTION_CLASS", { className: s.className, functionName: quoteParts(s.nameParts) });
    default:
      return assertNever(s);
  }
}

/**
 * `ADD FILE|JAR|ARCHIVE path`: remembered for LIST (a file must exist, as SparkContext.addFile
 * checks; a directory is listed with a trailing `/`). A jar's classes are never loaded, since
 * tspark runs no JVM: Spark adds jars without checking them either, and what would use one
 * (CREATE FUNCTION … AS 'class') fails with Spark's CANNOT_LOAD_FUNCTION_CLASS.
 */
function addResource(s: AddResourceStatement, ctx: ExecContext): void {
  for (const p of s.paths) {
    const abs = localPath(p);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (s.resource === "file" && st === undefined) throw new SparkException("SparkFileNotFoundException", "", {}, { rawMessage: `File ${qualified(abs)} does not exist`, sqlState: "" });
    catalogOf(ctx).resources[s.resource].add(qualified(abs) + (st?.isDirectory() === true ? "/" : ""));
  }
}

/** `LIST FILE[S]|JAR[S]|ARCHIVE[S] [paths]`: what ADD added (those of `paths` only, when given). */
function listResources(s: ListResourcesStatement, ctx: ExecContext): SqlOutcome {
  const all = [...catalogOf(ctx).resources[s.resource]];
  const wanted = new Set(s.paths.map((p) => qualified(localPath(p))));
  const rows = (wanted.size === 0 ? all : all.filter((f) => wanted.has(f.replace(/\/$/, "")))).map((f) => [f]);
  return { kind: "command", schema: struct(["Results", StringType, false]), rows };
}

/**
 * Spark without Hive support (spark.sql.catalogImplementation=in-memory, pip PySpark's default)
 * refuses a Hive table (`STORED AS`, `ROW FORMAT`) at analysis, its message ending in the
 * CreateTable plan it could not run.
 */
function hiveTableUnsupported(nameParts: readonly string[], serde: string, ifNotExists: boolean, ctx: ExecContext): SparkException {
  const text = 'CREATE Hive TABLE (AS SELECT) is not supported, if you want to enable it, please set "spark.sql.catalogImplementation" to "hive".';
  const plan = `'CreateTable ${quoteParts(catalogOf(ctx).qualifiedName(nameParts))}, ${serde}, ${ifNotExists ? "Ignore" : "ErrorIfExists"}`;
  // (a CTAS's plan goes on with its analyzed query in Spark, which is left out here)
  const rawMessage = `[NOT_SUPPORTED_COMMAND_WITHOUT_HIVE_SUPPORT] ${text} SQLSTATE: 0A000;\n${plan}\n`;
  return new SparkException("AnalysisException", "NOT_SUPPORTED_COMMAND_WITHOUT_HIVE_SUPPORT", {}, { rawMessage, sqlState: "0A000" });
}

/** The statement with the files its query reads directly (``parquet.`/p` ``) listed, which analysis needs. */
async function withSources(s: SqlStatement, ctx: ExecContext): Promise<SqlStatement> {
  if (!("plan" in s) || s.plan === undefined) return s;
  const plan = await resolveSources(s.plan, ctx);
  return plan === s.plan ? s : { ...s, plan };
}

/**
 * Runs `spark.sql(query, args, **kwargs)`: parses the statement, runs a command (writes to
 * tables among them, hence async), or checks a query.
 */
export async function runSql(q: SqlQuery, ctx: ExecContext): Promise<SqlOutcome> {
  return runStatement(await withSources(parseStatement(q, timeZone(ctx)), ctx), q, ctx);
}
