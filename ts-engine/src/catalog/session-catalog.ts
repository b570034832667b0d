import { AnalysisException } from "../errors/spark-exception.js";
import { mapParsedChildren } from "../plan/parsed-children.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import type { RelationLookup, ResolvedRelationName } from "../plan/analyzer/context.js";
import { quoteParts } from "../plan/analyzer/scope.js";
import { parseQueryPlan } from "../sql/parse-statement.js";
import { TempViews } from "./temp-views.js";

/** Spark's spark.sql.globalTempDatabase default: the database global temp views live in. */
export const GLOBAL_TEMP_DATABASE = "global_temp";

/**
 * What the sessions of one engine share: the global temp views and the databases (in memory
 * until the warehouse keeps them; `default` always exists).
 */
export interface SharedCatalog {
  readonly globalTempViews: TempViews;
  readonly databases: string[];
}

/** A fresh shared catalog: no global temp views, the `default` database. */
export function newSharedCatalog(): SharedCatalog {
  return { globalTempViews: new TempViews(), databases: ["default"] };
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
}

/**
 * One session's view of the catalog (Spark's SessionCatalog): its temp views, the engine's
 * global temp views, and the current database. Persistent databases and tables come with the
 * warehouse; until then `default` is the one database.
 */
export class SessionCatalog implements RelationLookup {
  readonly tempViews = new TempViews();
  readonly globalTempViews: TempViews;
  private readonly shared: SharedCatalog;
  private currentDb = "default";

  constructor(shared: SharedCatalog) {
    this.shared = shared;
    this.globalTempViews = shared.globalTempViews;
  }

  get currentDatabase(): string {
    return this.currentDb;
  }

  /** `USE db` / `catalog.setCurrentDatabase(db)`: SCHEMA_NOT_FOUND unless it exists. */
  setCurrentDatabase(db: string): void {
    if (!this.databaseExists(db)) throw schemaNotFound(db);
    this.currentDb = this.shared.databases.find((d) => d.toLowerCase() === db.toLowerCase())!;
  }

  /** The databases, sorted by name. */
  listDatabases(): string[] {
    return [...this.shared.databases].sort();
  }

  databaseExists(db: string): boolean {
    return this.shared.databases.some((d) => d.toLowerCase() === db.toLowerCase());
  }

  /** `CREATE DATABASE db`: SCHEMA_ALREADY_EXISTS unless `ifNotExists`. */
  createDatabase(db: string, ifNotExists: boolean): void {
    if (this.databaseExists(db) || db.toLowerCase() === GLOBAL_TEMP_DATABASE) {
      if (ifNotExists) return;
      throw new AnalysisException("SCHEMA_ALREADY_EXISTS", { schemaName: quoteParts(["spark_catalog", db]) });
    }
    this.shared.databases.push(db);
  }

  /** `DROP DATABASE db`: SCHEMA_NOT_FOUND unless `ifExists`; `default` cannot be dropped. */
  dropDatabase(db: string, ifExists: boolean): void {
    const i = this.shared.databases.findIndex((d) => d.toLowerCase() === db.toLowerCase());
    if (i < 0) {
      if (ifExists) return;
      throw schemaNotFound(db);
    }
    if (db.toLowerCase() === "default") throw new AnalysisException("UNSUPPORTED_FEATURE.DROP_DATABASE", { database: quoteParts(["spark_catalog", db]) });
    this.shared.databases.splice(i, 1);
    if (this.currentDb.toLowerCase() === db.toLowerCase()) this.currentDb = "default";
  }

  /** Resolves `v` (temp view) and `global_temp.v`; undefined for names the catalog does not hold. */
  lookupRelation(nameParts: readonly string[]): ResolvedRelationName | undefined {
    if (nameParts.length === 1) {
      const v = this.tempViews.get(nameParts[0]!);
      return v === undefined ? undefined : { plan: v.plan, qualifier: [v.name] };
    }
    if (nameParts.length === 2 && nameParts[0]!.toLowerCase() === GLOBAL_TEMP_DATABASE) {
      const v = this.globalTempViews.get(nameParts[1]!);
      return v === undefined ? undefined : { plan: v.plan, qualifier: [GLOBAL_TEMP_DATABASE, v.name] };
    }
    return undefined;
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
        const hit = this.lookupRelation(p.nameParts);
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

  /** Temp views (and, for `global_temp`, the global ones), as SHOW TABLES lists them. */
  listTables(database?: string): TableEntry[] {
    const db = database ?? this.currentDb;
    const local = this.tempViews.list().map((v) => ({ name: v.name, database: "", isTemporary: true }));
    if (db.toLowerCase() === GLOBAL_TEMP_DATABASE) {
      return [...this.globalTempViews.list().map((v) => ({ name: v.name, database: GLOBAL_TEMP_DATABASE, isTemporary: true })), ...local];
    }
    if (!this.databaseExists(db)) throw schemaNotFound(db);
    return local;
  }

  /** `plan` with every catalog relation and `spark.sql` node replaced by what it reads now. */
  private inlineRelations(plan: ParsedPlan, timeZone: string): ParsedPlan {
    const visit = (p: ParsedPlan): ParsedPlan => {
      if (p.kind === "Sql") return visit(parseQueryPlan(p, timeZone));
      if (p.kind === "UnresolvedRelation") {
        const hit = this.lookupRelation(p.nameParts);
        if (hit === undefined) throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", { relationName: quoteParts(p.nameParts) });
        return { kind: "SubqueryAlias", input: hit.plan, alias: hit.qualifier[hit.qualifier.length - 1]!, qualifier: hit.qualifier, ...(p.planId === undefined ? {} : { planId: p.planId }) };
      }
      return mapParsedChildren(p, visit);
    };
    return visit(plan);
  }
}
