import { schemaDDL } from "../catalog/table-ddl.js";
import type { StructType } from "../types/data-type.js";
import type { DataFrame } from "./dataframe.js";
import type { StorageLevel } from "../plan/storage-level.js";
import type { SparkSession } from "./spark-session.js";

/** A database, as PySpark's `Database` (catalog.listDatabases). */
export interface Database {
  readonly name: string;
  readonly catalog: string;
  readonly description: string;
  readonly locationUri: string;
}

/** A table or view, as PySpark's `Table` (catalog.listTables). */
export interface Table {
  readonly name: string;
  readonly catalog: string | null;
  readonly namespace: readonly string[];
  readonly description: string | null;
  readonly tableType: string;
  readonly isTemporary: boolean;
}

/** A column, as PySpark's `Column` of catalog.listColumns. */
export interface CatalogColumn {
  readonly name: string;
  readonly description: string | null;
  readonly dataType: string;
  readonly nullable: boolean;
  readonly isPartition: boolean;
  readonly isBucket: boolean;
  readonly isCluster: boolean;
}

/** A function, as PySpark's `Function` (catalog.listFunctions). */
export interface CatalogFunction {
  readonly name: string;
  readonly catalog: string | null;
  readonly namespace: readonly string[] | null;
  readonly description: string;
  readonly className: string | null;
  readonly isTemporary: boolean;
}

/**
 * `spark.catalog`, as PySpark's Catalog: the session's databases, temp views (and the global
 * ones in `global_temp`), functions, and cached tables. Every call runs the engine's catalog
 * method of the same name (engine/catalog-api.ts), as the Python client's does.
 */
export class Catalog {
  constructor(private readonly session: SparkSession) {}

  private op(name: string, ...args: (string | StorageLevel | undefined)[]): unknown {
    return this.session.engine.catalogOp(name, args, this.session.execContext());
  }

  /** The current database (`default` unless `USE` / setCurrentDatabase changed it). */
  currentDatabase(): string {
    return this.op("currentDatabase") as string;
  }

  /** Sets the current database (SCHEMA_NOT_FOUND when it does not exist). */
  setCurrentDatabase(dbName: string): void {
    this.op("setCurrentDatabase", dbName);
  }

  /** The current catalog: `spark_catalog`. */
  currentCatalog(): string {
    return this.op("currentCatalog") as string;
  }

  listDatabases(pattern?: string): Database[] {
    return this.op("listDatabases", pattern) as Database[];
  }

  databaseExists(dbName: string): boolean {
    return this.op("databaseExists", dbName) as boolean;
  }

  /** Temp views of the session (and global ones when `dbName` is `global_temp`). */
  listTables(dbName?: string, pattern?: string): Table[] {
    return this.op("listTables", dbName, pattern) as Table[];
  }

  tableExists(tableName: string, dbName?: string): boolean {
    return this.op("tableExists", tableName, dbName) as boolean;
  }

  listColumns(tableName: string, dbName?: string): CatalogColumn[] {
    return this.op("listColumns", tableName, dbName) as CatalogColumn[];
  }

  listFunctions(dbName?: string, pattern?: string): CatalogFunction[] {
    return this.op("listFunctions", dbName, pattern) as CatalogFunction[];
  }

  functionExists(functionName: string, dbName?: string): boolean {
    return this.op("functionExists", functionName, dbName) as boolean;
  }

  /** Drops a temp view; whether it existed. */
  dropTempView(viewName: string): boolean {
    return this.op("dropTempView", viewName) as boolean;
  }

  /** Drops a global temp view; whether it existed. */
  dropGlobalTempView(viewName: string): boolean {
    return this.op("dropGlobalTempView", viewName) as boolean;
  }

  /** Caches a view (at MEMORY_AND_DISK unless a level is given): later reads of it use the cache. */
  cacheTable(tableName: string, storageLevel?: StorageLevel): void {
    this.op("cacheTable", tableName, storageLevel);
  }

  uncacheTable(tableName: string): void {
    this.op("uncacheTable", tableName);
  }

  isCached(tableName: string): boolean {
    return this.op("isCached", tableName) as boolean;
  }

  /** Drops every cached query of the engine. */
  clearCache(): void {
    this.op("clearCache");
  }

  /** Checks the table or view exists (both are read afresh by every query). */
  refreshTable(tableName: string): void {
    this.op("refreshTable", tableName);
  }

  /**
   * Creates a table, as PySpark's catalog.createTable: external over `path` (its schema
   * inferred from the files unless given), else managed and empty with `schema`; gives the
   * table as a DataFrame.
   */
  async createTable(
    tableName: string,
    opts: { readonly path?: string; readonly source?: string; readonly schema?: StructType | string; readonly description?: string; readonly options?: Readonly<Record<string, string>> } = {},
  ): Promise<DataFrame> {
    const schema = opts.schema === undefined ? undefined : typeof opts.schema === "string" ? opts.schema : schemaDDL(opts.schema);
    const options = JSON.stringify(Object.entries(opts.options ?? {}));
    await this.session.engine.catalogOp("createTable", [tableName, opts.path, opts.source, schema, opts.description, options], this.session.execContext());
    return this.session.table(tableName);
  }
}
