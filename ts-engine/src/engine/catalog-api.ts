import { AnalysisException, InvalidPlanInput } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import { lookupFunction } from "../expr/functions/registry.js";
import { isValidStorageLevel, type StorageLevel } from "../plan/storage-level.js";
import { parseTableName } from "../sql/parse-table-name.js";
import type { CreateTableStatement } from "../sql/statement.js";
import { parseDataType, parseDDL } from "../types/ddl.js";
import type { TempFunctions } from "../catalog/temp-functions.js";
import { createTable } from "./create-table.js";
import {
  cacheTable,
  catalogOf,
  clearCache,
  isCached,
  likePattern,
  listFunctions,
  relationColumns,
  relationPlan,
  TABLE_CACHE_LEVEL,
  tableExists,
  uncacheTable,
} from "./catalog-commands.js";

/** A value `spark.catalog` methods return: plain data (the clients wrap rows into their Table/Column/… types). */
export type CatalogValue = string | boolean | null | undefined | readonly Readonly<Record<string, unknown>>[];

/** What a catalog method gives: its value, or a Promise of it for the methods that touch files (createTable). */
export type CatalogResult = CatalogValue | Promise<CatalogValue>;

/** The methods of PySpark's `spark.catalog` that need no persistent tables, by name. */
export type CatalogOp =
  | "currentDatabase"
  | "setCurrentDatabase"
  | "currentCatalog"
  | "listDatabases"
  | "databaseExists"
  | "listTables"
  | "tableExists"
  | "listColumns"
  | "listFunctions"
  | "functionExists"
  | "dropTempView"
  | "dropGlobalTempView"
  | "cacheTable"
  | "uncacheTable"
  | "isCached"
  | "clearCache"
  | "refreshTable"
  | "createTable"
  | "registerFunction"
  | "registerTableFunction";

/** Arguments as the client sends them (strings, or absent), checked per method. */
export type CatalogArgs = readonly (string | StorageLevel | undefined)[];

function str(args: CatalogArgs, i: number, name: string): string {
  const v = args[i];
  if (typeof v !== "string") throw new InvalidPlanInput(`catalog: argument ${name} must be a string`);
  return v;
}

function optStr(args: CatalogArgs, i: number): string | undefined {
  const v = args[i];
  return typeof v === "string" ? v : undefined;
}

/** `tableName` and an optional `dbName`, as PySpark's Catalog methods take them. */
function tableParts(args: CatalogArgs): string[] {
  const name = parseTableName(str(args, 0, "tableName"));
  const db = optStr(args, 1);
  return db === undefined ? name : [db, ...name];
}

/** Spark's message for an unknown name in a Catalog method ends with the UnresolvedTableOrView plan. */
function withUnresolvedTable<T>(parts: readonly string[], method: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof AnalysisException && e.errorClass === "TABLE_OR_VIEW_NOT_FOUND") e.message += `;\n'UnresolvedTableOrView [${parts.join(", ")}], ${method}, true\n`;
    throw e;
  }
}

/**
 * catalog.createTable(tableName, path, source, schema, description, **options): a CREATE TABLE
 * (external when a path is given, its schema inferred from the files when none is).
 * `schema` arrives as DDL, `options` as a JSON list of [key, value] pairs.
 */
async function createTableOp(a: CatalogArgs, ctx: ExecContext): Promise<CatalogValue> {
  const schema = optStr(a, 3);
  const description = optStr(a, 4);
  const optionsJson = optStr(a, 5);
  const options: unknown = optionsJson === undefined ? [] : JSON.parse(optionsJson);
  if (!Array.isArray(options) || !options.every((p): p is [string, string] => Array.isArray(p) && typeof p[0] === "string" && typeof p[1] === "string")) {
    throw new InvalidPlanInput("catalog.createTable: options must be [key, value] string pairs");
  }
  const path = optStr(a, 1) ?? options.find(([k]) => k.toLowerCase() === "path")?.[1];
  const source = optStr(a, 2);
  const s: CreateTableStatement = {
    kind: "CreateTable",
    nameParts: parseTableName(str(a, 0, "tableName")),
    ifNotExists: false,
    replace: false,
    ...(source === undefined ? {} : { provider: source }),
    ...(schema === undefined ? {} : { columns: parseDDL(schema).fields.map((field) => ({ field })) }),
    partitionColumns: [],
    options: options.filter(([k]) => k.toLowerCase() !== "path"),
    properties: [],
    ...(path === undefined ? {} : { location: path }),
    ...(description === undefined ? {} : { comment: description }),
  };
  await createTable(s, ctx);
  return undefined;
}

/**
 * `spark.udf.register(name, f, returnType)`: args are the name, the cloudpickled function as
 * base64, the return type as a DDL type string, the eval type and "true"/"false" for
 * deterministic. Replaces an earlier registration of the name, as Spark's does.
 */
function registerFunctionOp(a: CatalogArgs, ctx: ExecContext): CatalogValue {
  return registerIn(catalogOf(ctx).tempFunctions, a);
}

/**
 * `spark.udtf.register(name, f)`: the same arguments as registerFunction (the return type a
 * struct, the eval type 300 or 301), kept apart as Spark's table function registry keeps them.
 */
function registerTableFunctionOp(a: CatalogArgs, ctx: ExecContext): CatalogValue {
  return registerIn(catalogOf(ctx).tempTableFunctions, a);
}

function registerIn(functions: TempFunctions, a: CatalogArgs): CatalogValue {
  const evalType = Number(str(a, 3, "evalType"));
  if (!Number.isInteger(evalType)) throw new InvalidPlanInput("catalog.registerFunction: evalType must be an integer");
  functions.register({
    name: str(a, 0, "name"),
    func: Buffer.from(str(a, 1, "func"), "base64"),
    returnType: parseDataType(str(a, 2, "returnType")),
    evalType,
    deterministic: str(a, 4, "deterministic") === "true",
  });
  return undefined;
}

const OPS: Readonly<Record<CatalogOp, (args: CatalogArgs, ctx: ExecContext) => CatalogResult>> = {
  currentDatabase: (_a, ctx) => catalogOf(ctx).currentDatabase,
  setCurrentDatabase: (a, ctx) => {
    catalogOf(ctx).setCurrentDatabase(str(a, 0, "dbName"));
    return undefined;
  },
  currentCatalog: () => "spark_catalog",
  listDatabases: (a, ctx) => {
    const p = optStr(a, 0);
    const re = p === undefined ? undefined : likePattern(p);
    return catalogOf(ctx)
      .listDatabases()
      .filter((d) => re === undefined || re.test(d))
      .map((name) => ({ name, catalog: "spark_catalog", description: name === "default" ? "default database" : "", locationUri: "" }));
  },
  databaseExists: (a, ctx) => catalogOf(ctx).databaseExists(str(a, 0, "dbName")),
  listTables: (a, ctx) => {
    const p = optStr(a, 1);
    const re = p === undefined ? undefined : likePattern(p);
    return catalogOf(ctx)
      .listTables(optStr(a, 0))
      .filter((t) => re === undefined || re.test(t.name))
      .map((t) =>
        t.table === undefined
          ? { name: t.name, catalog: null, namespace: t.database === "" ? [] : [t.database], description: null, tableType: "TEMPORARY", isTemporary: t.isTemporary }
          : { name: t.name, catalog: "spark_catalog", namespace: [t.database], description: t.table.comment ?? null, tableType: t.table.tableType, isTemporary: false },
      );
  },
  tableExists: (a, ctx) => tableExists(tableParts(a), ctx),
  listColumns: (a, ctx) => {
    const parts = tableParts(a);
    const cols = withUnresolvedTable(parts, "Catalog.listColumns", () => relationColumns(parts, ctx));
    const catalog = catalogOf(ctx);
    const table = parts.length === 1 && catalog.tempViews.has(parts[0]!) ? undefined : catalog.getTable(parts);
    const isPart = (n: string): boolean => table?.partitionColumns.some((p) => p.toLowerCase() === n.toLowerCase()) ?? false;
    const isBucket = (n: string): boolean => table?.bucketSpec?.bucketColumns.some((b) => b.toLowerCase() === n.toLowerCase()) ?? false;
    const comment = (n: string): string | null => table?.columnComments.find(([k]) => k === n.toLowerCase())?.[1] ?? null;
    // a table's columns are nullable as its catalog schema says (CTAS makes every column nullable)
    const nullable = (n: string, fallback: boolean): boolean => table?.schema.fields.find((f) => f.name.toLowerCase() === n.toLowerCase())?.nullable ?? fallback;
    return cols.map((c) => ({ name: c.name, description: comment(c.name), dataType: c.dataType, nullable: nullable(c.name, c.nullable), isPartition: isPart(c.name), isBucket: isBucket(c.name), isCluster: false }));
  },
  listFunctions: (a) =>
    listFunctions(optStr(a, 1)).map((f) => ({ name: f.name, catalog: null, namespace: null, description: f.description, className: null, isTemporary: true })),
  functionExists: (a, ctx) => {
    const name = str(a, 0, "functionName");
    return lookupFunction(name) !== undefined || ctx.catalog?.lookupSessionFunction(name) !== undefined;
  },
  dropTempView: (a, ctx) => catalogOf(ctx).dropTempView(str(a, 0, "viewName")),
  dropGlobalTempView: (a, ctx) => catalogOf(ctx).dropGlobalTempView(str(a, 0, "viewName")),
  cacheTable: (a, ctx) => {
    const level = a[1];
    if (level !== undefined && typeof level !== "string" && !isValidStorageLevel(level)) throw new InvalidPlanInput("catalog.cacheTable: invalid storage level");
    cacheTable(parseTableName(str(a, 0, "tableName")), level === undefined || typeof level === "string" ? TABLE_CACHE_LEVEL : level, ctx);
    return undefined;
  },
  uncacheTable: (a, ctx) => {
    // the entry goes at once; the stored blocks are freed after
    void uncacheTable(parseTableName(str(a, 0, "tableName")), ctx).catch(() => undefined);
    return undefined;
  },
  isCached: (a, ctx) => isCached(parseTableName(str(a, 0, "tableName")), ctx),
  clearCache: (_a, ctx) => {
    void clearCache(ctx).catch(() => undefined);
    return undefined;
  },
  refreshTable: (a, ctx) => {
    // views and tables (their files listed by each query) are read afresh already; only the name is checked, as Spark does
    relationPlan(parseTableName(str(a, 0, "tableName")), ctx);
    return undefined;
  },
  createTable: createTableOp,
  registerFunction: registerFunctionOp,
  registerTableFunction: registerTableFunctionOp,
};

/** Every catalog method the engine serves. */
export const CATALOG_OPS: readonly CatalogOp[] = Object.keys(OPS) as CatalogOp[];

/** Runs one `spark.catalog` method. */
export function catalogOp(op: string, args: CatalogArgs, ctx: ExecContext): CatalogResult {
  const f = (OPS as Readonly<Record<string, (args: CatalogArgs, ctx: ExecContext) => CatalogResult>>)[op];
  if (f === undefined || !Object.hasOwn(OPS, op)) throw new InvalidPlanInput(`unknown catalog method ${JSON.stringify(op)}`);
  return f(args, ctx);
}

