import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { AnalysisException } from "../errors/spark-exception.js";
import { quoteParts } from "../plan/analyzer/scope.js";
import { decodeCatalogTable, encodeCatalogTable, type CatalogTable } from "./catalog-table.js";

/** The suffix of a table's metadata file (`<database dir>/<table>.tspark-table.json`). */
const META_SUFFIX = ".tspark-table.json";

/** Spark's spark.sql.warehouse.dir default: `spark-warehouse` in the working directory. */
export const DEFAULT_WAREHOUSE = "spark-warehouse";

/**
 * The persistent part of the catalog: databases and tables under `spark.sql.warehouse.dir`,
 * in Spark's layout. `default`'s tables are directories of the warehouse itself, another
 * database `db` is the directory `db.db` holding its tables' directories; a table's data is
 * the directory named for it (managed tables) or its LOCATION (external ones).
 *
 * Each table has one metadata file beside its data directory, `<name>.tspark-table.json`
 * (catalog-table.ts gives its form). Metadata is on disk only: every lookup reads it, so
 * sessions and engines sharing a warehouse see each other's tables at once. Two engines
 * never corrupt it: a table is created with an exclusive create of its metadata file (the
 * second creator gets TABLE_OR_VIEW_ALREADY_EXISTS), and every change writes a temporary
 * file and renames it over the old one, which readers see whole or not at all. The data
 * files are committed by the file writer (io/file-committer.ts), atomically too.
 */
export class Warehouse {
  constructor(readonly root: string) {}

  /** The directory of a database: the warehouse for `default`, else `<db>.db` in it. */
  databaseDir(db: string): string {
    return db.toLowerCase() === "default" ? this.root : path.join(this.root, `${db.toLowerCase()}.db`);
  }

  /** The databases: `default`, and each `<db>.db` directory. */
  databases(): string[] {
    const names = ["default"];
    for (const e of this.entries(this.root)) if (e.isDirectory() && e.name.endsWith(".db") && e.name.length > 3) names.push(e.name.slice(0, -3));
    return names;
  }

  databaseExists(db: string): boolean {
    return db.toLowerCase() === "default" || existsSync(this.databaseDir(db));
  }

  /** Creates `<db>.db`; false when it already existed. */
  createDatabase(db: string): boolean {
    const dir = this.databaseDir(db);
    if (existsSync(dir)) return false;
    mkdirSync(dir, { recursive: true });
    return true;
  }

  /** Removes a database directory with whatever it holds (CASCADE checked by the caller). */
  dropDatabase(db: string): void {
    rmSync(this.databaseDir(db), { recursive: true, force: true });
  }

  /** The tables of a database, by name. */
  tables(db: string): CatalogTable[] {
    const dir = this.databaseDir(db);
    const out: CatalogTable[] = [];
    for (const e of this.entries(dir)) {
      if (!e.isFile() || !e.name.endsWith(META_SUFFIX)) continue;
      const t = this.read(dir, e.name);
      if (t !== undefined) out.push(t);
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** A table's metadata, undefined when there is no such table. */
  table(db: string, name: string): CatalogTable | undefined {
    return this.read(this.databaseDir(db), `${name.toLowerCase()}${META_SUFFIX}`);
  }

  /** Where a managed table of `db` keeps its files. */
  managedLocation(db: string, name: string): string {
    return path.join(this.databaseDir(db), name.toLowerCase());
  }

  /**
   * Registers a new table: TABLE_OR_VIEW_ALREADY_EXISTS when another session or engine got
   * there first (an exclusive create, so exactly one creator wins).
   */
  create(t: CatalogTable): void {
    const dir = this.databaseDir(t.database);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(this.metaPath(t.database, t.name), encodeCatalogTable(t, dir), { flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") throw alreadyExists(t.database, t.name);
      throw e;
    }
  }

  /** Replaces a table's metadata atomically (a temporary file renamed over the old one). */
  update(t: CatalogTable): void {
    const dir = this.databaseDir(t.database);
    const tmp = path.join(dir, `.${t.name}.${randomUUID()}.tmp`);
    writeFileSync(tmp, encodeCatalogTable(t, dir));
    renameSync(tmp, this.metaPath(t.database, t.name));
  }

  /** Removes a table's metadata, then (managed tables) its files. */
  drop(t: CatalogTable): void {
    rmSync(this.metaPath(t.database, t.name), { force: true });
    if (t.tableType === "MANAGED") rmSync(t.location, { recursive: true, force: true });
  }

  /** Renames a table in its database: a managed table's directory moves with it. */
  rename(t: CatalogTable, newName: string): CatalogTable {
    const lower = newName.toLowerCase();
    if (this.table(t.database, lower) !== undefined) throw alreadyExists(t.database, lower);
    const location = t.tableType === "MANAGED" ? this.managedLocation(t.database, lower) : t.location;
    if (t.tableType === "MANAGED" && existsSync(t.location)) renameSync(t.location, location);
    const renamed: CatalogTable = { ...t, name: lower, location };
    this.create(renamed);
    rmSync(this.metaPath(t.database, t.name), { force: true });
    return renamed;
  }

  /** Whether a path exists (a managed table's directory left without metadata blocks its name, as in Spark). */
  exists(p: string): boolean {
    return existsSync(p);
  }

  /** The time a table's metadata last changed (ms), to notice writes of other engines; 0 when absent. */
  modifiedTime(db: string, name: string): number {
    try {
      return statSync(this.metaPath(db, name)).mtimeMs;
    } catch {
      return 0;
    }
  }

  private metaPath(db: string, name: string): string {
    return path.join(this.databaseDir(db), `${name.toLowerCase()}${META_SUFFIX}`);
  }

  private read(dir: string, file: string): CatalogTable | undefined {
    let text: string;
    try {
      text = readFileSync(path.join(dir, file), "utf8");
    } catch {
      return undefined;
    }
    return decodeCatalogTable(text, dir);
  }

  private entries(dir: string): import("node:fs").Dirent[] {
    try {
      return readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
  }
}

/** Spark's TABLE_OR_VIEW_ALREADY_EXISTS for `spark_catalog`.`db`.`t`. */
export function alreadyExists(db: string, name: string): AnalysisException {
  return new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS", { relationName: quoteParts(["spark_catalog", db, name]) });
}
