import { AnalysisException } from "../errors/spark-exception.js";
import { mapParsedChildren } from "../plan/parsed-children.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import type { RelationLookup, ResolvedRelationName } from "../plan/analyzer/context.js";
import { quoteParts, type SessionFunction, type SessionFunctionLookup } from "../plan/analyzer/scope.js";
import { TempFunctions } from "./temp-functions.js";
import { parseQueryPlan } from "../sql/parse-statement.js";
import { TempViews } from "./temp-views.js";
import path from "node:path";
import type { CatalogTable } from "./catalog-table.js";
import { tableRelation } from "./table-files.js";
import { alreadyExists, DEFAULT_WAREHOUSE, Warehouse } from "./warehouse.js";

/** `plan` with its one-part relation names meaning tables of `database` (a persistent view's names never mean temp views). */
function qualifyRelations(plan: ParsedPlan, database: string): ParsedPlan {
  const visit = (p: ParsedPlan): ParsedPlan => {
    if (p.kind === "UnresolvedRelation") return p.nameParts.length === 1 ? { ...p, viewDatabase: database } : p;
    return mapParsedChildren(p, visit);
  };
  return visit(plan);
}

/** Spark's spark.sql.globalTempDatabase default: the database global temp views live in. */
export const GLOBAL_TEMP_DATABASE = "global_temp";

/**
 * What the sessions of one engine share in memory: the global temp views. Databases and
 * tables are the warehouse's, on disk (catalog/warehouse.ts).
 */
export interface SharedCatalog {
  readonly globalTempViews: TempViews;
  /** `ADD FILE|JAR|ARCHIVE` paths (qualified), as SparkContext keeps them for the application. */
  readonly resources: Readonly<Record<ResourceKind, Set<string>>>;
}

/** What `ADD`/`LIST` name: files, jars, archives. */
export type ResourceKind = "file" | "jar" | "archive";

/** A fresh shared catalog: no global temp views, no added resources. */
export function newSharedCatalog(): SharedCatalog {
  return { globalTempViews: new TempViews(), resources: { file: new Set(), jar: new Set(), archive: new Set() } };
}

/** The session settings the catalog reads: spark.sql.warehouse.dir and the session time zone. */
export interface CatalogConf {
  get(key: string): string | undefined;
}

/** A table name resolved to its database (Spark's TableIdentifier in spark_catalog). */
export interface TableName {
  readonly database: string;
  readonly name: string;
}

function schemaNotFound(db: string): AnalysisException {
  return new AnalysisException("SCHEMA_NOT_FOUND", { schemaName: quoteParts(["spark_catalog", db]) });
}

/** A relation SHOW TABLES / catalog.listTables lists. */
export interface TableEntry {
  readonly name: string;
  /** "" for a session's temp view (Spark shows an empty namespace), else the database. */
  readonly database: string;
  readonly isTemporary: boolean;
  /** The persistent table, for tables (absent for views). */
  readonly table?: CatalogTable;
}

/**
 * One session's view of the catalog (Spark's SessionCatalog): its temp views, the engine's
 * global temp views, and the current database. Persistent databases and tables come with the
 * warehouse; until then `default` is the one database.
 */
export class SessionCatalog implements RelationLookup, SessionFunctionLookup {
  readonly tempViews = new TempViews();
  /** Python functions registered for the session (`spark.udf.register`). */
  readonly tempFunctions = new TempFunctions();
  /** Python UDTFs registered for the session (`spark.udtf.register`): Spark's table function registry, apart from functions. */
  readonly tempTableFunctions = new TempFunctions();
  readonly globalTempViews: TempViews;
  /** What `ADD FILE|JAR|ARCHIVE` added (engine-wide, as Spark's are application-wide). */
  readonly resources: Readonly<Record<ResourceKind, Set<string>>>;
  private currentDb = "default";
  private readonly conf: CatalogConf;

  constructor(shared: SharedCatalog, conf: CatalogConf = { get: () => undefined }) {
    this.globalTempViews = shared.globalTempViews;
    this.resources = shared.resources;
    this.conf = conf;
  }

  /** The function `spark.udf.register` registered under `name`, if any (the analyzer's lookup). */
  lookupSessionFunction(name: string): SessionFunction | undefined {
    return this.tempFunctions.lookup(name);
  }

  /** The UDTF `spark.udtf.register` registered under `name`, if any (the analyzer's lookup of table functions). */
  lookupSessionTableFunction(name: string): SessionFunction | undefined {
    return this.tempTableFunctions.lookup(name);
  }

  /** The warehouse of `spark.sql.warehouse.dir` (a `file:` URI or a path; `./spark-warehouse` by default). */
  get warehouse(): Warehouse {
    let dir = this.conf.get("spark.sql.warehouse.dir") ?? DEFAULT_WAREHOUSE;
    if (dir.startsWith("file://")) dir = dir.slice("file://".length);
    else if (dir.startsWith("file:")) dir = dir.slice("file:".length);
    return new Warehouse(path.resolve(dir));
  }

  /**
   * A table name's database and table: `t` in the current database, `db.t`, or
   * `spark_catalog.db.t`; undefined for names no table can have (global_temp, more parts).
   */
  tableName(nameParts: readonly string[]): TableName | undefined {
    let parts = nameParts;
    if (parts.length === 3 && parts[0]!.toLowerCase() === "spark_catalog") parts = parts.slice(1);
    if (parts.length === 1) return { database: this.currentDb.toLowerCase(), name: parts[0]!.toLowerCase() };
    if (parts.length === 2 && parts[0]!.toLowerCase() !== GLOBAL_TEMP_DATABASE) return { database: parts[0]!.toLowerCase(), name: parts[1]!.toLowerCase() };
    return undefined;
  }

  /** The persistent table a name resolves to (temp views are not looked at), undefined when none. */
  getTable(nameParts: readonly string[]): CatalogTable | undefined {
    const n = this.tableName(nameParts);
    if (n === undefined || !this.databaseExists(n.database)) return undefined;
    return this.warehouse.table(n.database, n.name);
  }

  /** The table, or TABLE_OR_VIEW_NOT_FOUND naming it as Spark does (`spark_catalog`.`db`.`t`). */
  requireTable(nameParts: readonly string[]): CatalogTable {
    const t = this.getTable(nameParts);
    if (t !== undefined) return t;
    throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", { relationName: quoteParts(this.qualifiedName(nameParts)) });
  }

  /** `spark_catalog`.`db`.`t` parts for a table name, as Spark's messages print it. */
  qualifiedName(nameParts: readonly string[]): string[] {
    const n = this.tableName(nameParts);
    return n === undefined ? [...nameParts] : ["spark_catalog", n.database, n.name];
  }

  /** Registers a new table (its database must exist); TABLE_OR_VIEW_ALREADY_EXISTS when taken. */
  createTable(t: CatalogTable): void {
    if (!this.databaseExists(t.database)) throw schemaNotFound(t.database);
    const w = this.warehouse;
    if (w.table(t.database, t.name) !== undefined) throw alreadyExists(t.database, t.name);
    w.create(t);
  }

  /** Rewrites a table's metadata (ALTER TABLE). */
  updateTable(t: CatalogTable): void {
    this.warehouse.update(t);
  }

  /** Drops a table: its metadata, and a managed table's files. */
  dropTable(t: CatalogTable): void {
    this.warehouse.drop(t);
  }

  /** A table's data as a resolved file source, listed now. */
  private tablePlan(t: CatalogTable): ParsedPlan {
    const relation = tableRelation(t, this.conf.get("spark.sql.session.timeZone") ?? "UTC");
    return { kind: "DataSource", format: t.provider, paths: [t.location], options: t.options, schema: t.schema, relation };
  }

  get currentDatabase(): string {
    return this.currentDb;
  }

  /** `USE db` / `catalog.setCurrentDatabase(db)`: SCHEMA_NOT_FOUND unless it exists. */
  setCurrentDatabase(db: string): void {
    if (!this.databaseExists(db)) throw schemaNotFound(db);
    this.currentDb = db.toLowerCase();
  }

  /** The databases (directories of the warehouse; Spark lower-cases their names), sorted by name. */
  listDatabases(): string[] {
    return this.warehouse.databases().sort();
  }

  databaseExists(db: string): boolean {
    return this.warehouse.databaseExists(db);
  }

  /** `CREATE DATABASE db`: SCHEMA_ALREADY_EXISTS unless `ifNotExists`. */
  createDatabase(db: string, ifNotExists: boolean): void {
    if (db.toLowerCase() === GLOBAL_TEMP_DATABASE || !this.warehouse.createDatabase(db)) {
      if (ifNotExists) return;
      throw new AnalysisException("SCHEMA_ALREADY_EXISTS", { schemaName: quoteParts(["spark_catalog", db.toLowerCase()]) });
    }
  }

  /**
   * `DROP DATABASE db [CASCADE]`: SCHEMA_NOT_FOUND unless `ifExists`; `default` cannot be
   * dropped; a database with tables only with CASCADE (SCHEMA_NOT_EMPTY), which drops them.
   */
  dropDatabase(db: string, ifExists: boolean, cascade = false): void {
    if (!this.databaseExists(db)) {
      if (ifExists) return;
      throw schemaNotFound(db);
    }
    if (db.toLowerCase() === "default") throw new AnalysisException("UNSUPPORTED_FEATURE.DROP_DATABASE", { database: quoteParts(["spark_catalog", db]) });
    const w = this.warehouse;
    const tables = w.tables(db);
    if (tables.length > 0 && !cascade) throw new AnalysisException("SCHEMA_NOT_EMPTY", { schemaName: quoteParts([db.toLowerCase()]) });
    for (const t of tables) w.drop(t);
    w.dropDatabase(db);
    if (this.currentDb.toLowerCase() === db.toLowerCase()) this.currentDb = "default";
  }

  /**
   * Resolves a relation name as Spark's SessionCatalog does: `v` a temp view first, then a
   * table of the current database; `global_temp.v`; `db.t` and `spark_catalog.db.t` tables
   * (qualified `spark_catalog.db.t`, so `t.a`, `db.t.a` and `spark_catalog.db.t.a` all
   * resolve). Undefined for names the catalog does not hold.
   */
  lookupRelation(nameParts: readonly string[]): ResolvedRelationName | undefined {
    if (nameParts.length === 1) {
      const v = this.tempViews.get(nameParts[0]!);
      if (v !== undefined) return { plan: v.plan, qualifier: [v.name] };
    }
    if (nameParts.length === 2 && nameParts[0]!.toLowerCase() === GLOBAL_TEMP_DATABASE) {
      const v = this.globalTempViews.get(nameParts[1]!);
      return v === undefined ? undefined : { plan: v.plan, qualifier: [GLOBAL_TEMP_DATABASE, v.name] };
    }
    const t = this.getTable(nameParts);
    if (t === undefined) return undefined;
    return { plan: t.tableType === "VIEW" ? this.viewPlan(t) : this.tablePlan(t), qualifier: ["spark_catalog", t.database, t.name] };
  }

  /**
   * A persistent view's plan: its text parsed again (so it sees the tables and views it names
   * as they are now, as Spark's views do), its one-part names in the database it was created
   * in, its columns renamed and cast to the schema stored at creation (Spark's View node).
   */
  private viewPlan(t: CatalogTable): ParsedPlan {
    const parsed = parseQueryPlan({ kind: "Sql", query: t.viewText ?? "", named: new Map(), positional: [], refs: new Map() }, this.conf.get("spark.sql.session.timeZone") ?? "UTC");
    const renamed: ParsedPlan = { kind: "ToDF", input: qualifyRelations(parsed, t.viewDatabase ?? t.database), names: t.schema.fields.map((f) => f.name) };
    return {
      kind: "Project",
      input: renamed,
      exprs: t.schema.fields.map((f) => ({ kind: "Alias", child: { kind: "Cast", child: { kind: "UnresolvedAttribute", nameParts: [f.name] }, dataType: f.dataType }, name: f.name })),
    };
  }

  /**
   * Registers a persistent view (`replace`: over an existing one) after Spark's checks: it may
   * not read temp views (INVALID_TEMP_OBJ_REFERENCE) nor itself through the views it reads
   * (RECURSIVE_VIEW). `plan` is its query as parsed; its relation names are looked up in the
   * database the view belongs to.
   */
  savePersistentView(view: CatalogTable, plan: ParsedPlan, replace: boolean): void {
    const ident = ["spark_catalog", view.database, view.name];
    const visit = (p: ParsedPlan): ParsedPlan => {
      if (p.kind === "UnresolvedRelation") {
        const temp = (p.nameParts.length === 1 && this.tempViews.has(p.nameParts[0]!)) || (p.nameParts.length === 2 && p.nameParts[0]!.toLowerCase() === GLOBAL_TEMP_DATABASE);
        if (temp) {
          throw new AnalysisException("INVALID_TEMP_OBJ_REFERENCE", { obj: "VIEW", objName: quoteParts(ident), tempObj: "VIEW", tempObjName: quoteParts(p.nameParts) });
        }
        return p;
      }
      return mapParsedChildren(p, visit);
    };
    visit(plan);
    this.checkNotRecursive(ident, qualifyRelations(plan, view.viewDatabase ?? view.database), [ident]);
    if (replace) this.warehouse.update(view);
    else this.createTable(view);
  }

  /**
   * Creates a (global) temp view. A DataFrame's view (`capture`) is stored with the relations it
   * reads inlined, as Spark stores its analyzed plan: replacing those later does not change it.
   * A SQL view keeps its relation names, which are looked up when it is read (Spark stores the
   * view's SQL), so a view that reads itself, directly or through others, is RECURSIVE_VIEW.
   */
  createTempView(name: string, plan: ParsedPlan, opts: { readonly global: boolean; readonly replace: boolean; readonly capture: boolean; readonly timeZone: string }): void {
    const views = opts.global ? this.globalTempViews : this.tempViews;
    const ident = opts.global ? [GLOBAL_TEMP_DATABASE, name] : [name];
    if (!opts.replace && views.has(name)) {
      throw new AnalysisException("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", { relationName: quoteParts(ident) });
    }
    const stored = opts.capture ? this.inlineRelations(plan, opts.timeZone) : plan;
    if (!opts.capture) this.checkNotRecursive(ident, stored, [ident]);
    views.set({ name, plan: stored });
  }

  /** Raises RECURSIVE_VIEW when `plan` reads the view `ident` through the views it names. */
  private checkNotRecursive(ident: readonly string[], plan: ParsedPlan, path: readonly (readonly string[])[]): void {
    const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i]!.toLowerCase());
    const visit = (p: ParsedPlan): ParsedPlan => {
      if (p.kind === "UnresolvedRelation") {
        const hit = this.lookupRelation(p.viewDatabase !== undefined && p.nameParts.length === 1 ? [p.viewDatabase, p.nameParts[0]!] : p.nameParts);
        const target = hit?.qualifier ?? p.nameParts;
        const cycle = [...path, target];
        if (same(target, ident)) {
          throw new AnalysisException("RECURSIVE_VIEW", { viewIdent: quoteParts(ident), newPath: cycle.map((c) => quoteParts(c)).join(" -> ") });
        }
        if (hit !== undefined) this.checkNotRecursive(ident, hit.plan, cycle);
        return p;
      }
      return mapParsedChildren(p, visit);
    };
    visit(plan);
  }

  /** Drops a session temp view; whether it existed. */
  dropTempView(name: string): boolean {
    return this.tempViews.delete(name);
  }

  /** Drops a global temp view; whether it existed. */
  dropGlobalTempView(name: string): boolean {
    return this.globalTempViews.delete(name);
  }

  /** The database's tables, then the temp views (for `global_temp`, the global ones first), as SHOW TABLES lists them. */
  listTables(database?: string): TableEntry[] {
    const db = database ?? this.currentDb;
    const local = this.tempViews.list().map((v) => ({ name: v.name, database: "", isTemporary: true }));
    if (db.toLowerCase() === GLOBAL_TEMP_DATABASE) {
      return [...this.globalTempViews.list().map((v) => ({ name: v.name, database: GLOBAL_TEMP_DATABASE, isTemporary: true })), ...local];
    }
    if (!this.databaseExists(db)) throw schemaNotFound(db);
    const tables = this.warehouse.tables(db).map((t) => ({ name: t.name, database: t.database, isTemporary: false, table: t }));
    return [...tables, ...local];
  }

  /** `plan` with every catalog relation and `spark.sql` node replaced by what it reads now. */
  private inlineRelations(plan: ParsedPlan, timeZone: string): ParsedPlan {
    const visit = (p: ParsedPlan): ParsedPlan => {
      if (p.kind === "Sql") return visit(parseQueryPlan(p, timeZone));
      if (p.kind === "UnresolvedRelation") {
        const hit = this.lookupRelation(p.viewDatabase !== undefined && p.nameParts.length === 1 ? [p.viewDatabase, p.nameParts[0]!] : p.nameParts);
        if (hit === undefined) throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", { relationName: quoteParts(p.nameParts) });
        return { kind: "SubqueryAlias", input: hit.plan, alias: hit.qualifier[hit.qualifier.length - 1]!, qualifier: hit.qualifier, ...(p.planId === undefined ? {} : { planId: p.planId }) };
      }
      return mapParsedChildren(p, visit);
    };
    return visit(plan);
  }
}
