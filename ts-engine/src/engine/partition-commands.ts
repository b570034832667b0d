import { mkdirSync, readdirSync, renameSync, rmSync, existsSync, writeFileSync } from "node:fs";
import { PARTITION_LOCATION_FILE, partitionLocation } from "../catalog/table-files.js";
import { localPath } from "../io/file-index.js";
import path from "node:path";
import { partitionFields, type CatalogTable } from "../catalog/catalog-table.js";
import { AnalysisException } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import { quoteParts } from "../plan/analyzer/scope.js";
import type { AlterTableAction, PartitionSpec, ShowPartitionsStatement } from "../sql/statement.js";
import type { StructField } from "../types/data-type.js";
import { catalogOf } from "./catalog-commands.js";
import { staticValue } from "./insert-into-table.js";

/*
 * Partitions of a file table are its `k=v/…` directories (Spark's catalog registers them as it
 * writes them; here the directories are the registry, so a partition written by another engine
 * is seen at once). ADD makes an empty directory (one with a LOCATION of its own points there),
 * DROP removes one, RENAME moves one.
 */

/** The table as Spark's partition errors name it (`db`.`t`, without the catalog). */
function ident(t: CatalogTable): string {
  return quoteParts([t.database, t.name]);
}

/** A spec's columns as the table names them, with their directory values; every key must be a partition column. */
async function specValues(t: CatalogTable, spec: PartitionSpec, ctx: ExecContext): Promise<Map<string, string>> {
  const parts = partitionFields(t);
  const out = new Map<string, string>();
  for (const [k, v] of spec) {
    const f = parts.find((p) => p.name.toLowerCase() === k.toLowerCase());
    if (f === undefined || v === undefined) throw new AnalysisException("PARTITIONS_NOT_FOUND", { partitionList: quoteParts([k]), tableName: ident(t) });
    out.set(f.name, await staticValue(v, f, ctx));
  }
  return out;
}

/** Spark's text of a partition in its errors: `PARTITION (`k` = v, …)`. */
function specText(parts: readonly StructField[], values: ReadonlyMap<string, string>): string {
  return `PARTITION (${parts.filter((p) => values.has(p.name)).map((p) => `${quoteParts([p.name])} = ${values.get(p.name)!}`).join(", ")})`;
}

/** The directory of a full spec (every partition column given), else PARTITIONS_NOT_FOUND for it. */
function fullDir(t: CatalogTable, values: ReadonlyMap<string, string>): string {
  const parts = partitionFields(t);
  if (parts.some((p) => !values.has(p.name))) throw new AnalysisException("PARTITIONS_NOT_FOUND", { partitionList: specText(parts, values), tableName: ident(t) });
  return path.join(t.location, ...parts.map((p) => `${p.name}=${values.get(p.name)!}`));
}

function partitioned(t: CatalogTable, action: string): readonly StructField[] {
  const parts = partitionFields(t);
  if (parts.length === 0) {
    throw new AnalysisException("_LEGACY_ERROR_TEMP_1251", { action, tableName: t.name });
  }
  return parts;
}

/** `ALTER TABLE t ADD / DROP / RENAME PARTITION`. */
export async function alterPartitions(t: CatalogTable, a: AlterTableAction & { kind: "addPartitions" | "dropPartitions" | "renamePartition" }, ctx: ExecContext): Promise<void> {
  switch (a.kind) {
    case "addPartitions": {
      const parts = partitioned(t, "ALTER TABLE ADD PARTITION");
      const dirs: { dir: string; location?: string }[] = [];
      for (const p of a.partitions) {
        const values = await specValues(t, p.spec, ctx);
        const dir = fullDir(t, values);
        if (existsSync(dir)) {
          if (a.ifNotExists) continue;
          throw new AnalysisException("PARTITIONS_ALREADY_EXIST", { partitionList: specText(parts, values), tableName: ident(t) });
        }
        dirs.push({ dir, ...(p.location === undefined ? {} : { location: path.resolve(localPath(p.location)) }) });
      }
      for (const d of dirs) {
        mkdirSync(d.dir, { recursive: true });
        if (d.location === undefined) continue;
        // a LOCATION of its own: created as Spark's catalog creates it, and pointed to (catalog/table-files.ts)
        mkdirSync(d.location, { recursive: true });
        writeFileSync(path.join(d.dir, PARTITION_LOCATION_FILE), `${d.location}\n`);
      }
      return;
    }
    case "dropPartitions": {
      const parts = partitioned(t, "ALTER TABLE DROP PARTITION");
      const dirs: string[] = [];
      for (const spec of a.specs) {
        const values = await specValues(t, spec, ctx);
        const dir = fullDir(t, values);
        if (!existsSync(dir)) {
          if (a.ifExists) continue;
          throw new AnalysisException("PARTITIONS_NOT_FOUND", { partitionList: specText(parts, values), tableName: ident(t) });
        }
        dirs.push(dir);
      }
      for (const d of dirs) {
        // a managed table's partition goes with its files, also at a LOCATION of its own (Spark's InMemoryCatalog)
        const elsewhere = partitionLocation(d);
        if (elsewhere !== undefined && t.tableType === "MANAGED") rmSync(elsewhere, { recursive: true, force: true });
        rmSync(d, { recursive: true, force: true });
      }
      return;
    }
    case "renamePartition": {
      const parts = partitioned(t, "ALTER TABLE RENAME PARTITION");
      const fromValues = await specValues(t, a.from, ctx);
      const toValues = await specValues(t, a.to, ctx);
      const from = fullDir(t, fromValues);
      const to = fullDir(t, toValues);
      if (!existsSync(from)) throw new AnalysisException("PARTITIONS_NOT_FOUND", { partitionList: specText(parts, fromValues), tableName: ident(t) });
      if (existsSync(to)) throw new AnalysisException("PARTITIONS_ALREADY_EXIST", { partitionList: specText(parts, toValues), tableName: ident(t) });
      mkdirSync(path.dirname(to), { recursive: true });
      renameSync(from, to);
      return;
    }
  }
}

/** The partition directories under `dir`, `depth` levels of `k=v` deep, as `k=v/k2=v2` paths, sorted. */
function listPartitions(dir: string, depth: number): string[] {
  if (depth === 0) return [""];
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || !e.name.includes("=") || e.name.startsWith(".") || e.name.startsWith("_")) continue;
    for (const rest of listPartitions(path.join(dir, e.name), depth - 1)) out.push(rest === "" ? e.name : `${e.name}/${rest}`);
  }
  return out.sort();
}

/** `SHOW PARTITIONS t [PARTITION (…)]`: the partitions, as `k=v/k2=v2` rows; a partial spec keeps those it matches. */
export async function showPartitions(s: ShowPartitionsStatement, ctx: ExecContext): Promise<string[][]> {
  const catalog = catalogOf(ctx);
  if (s.nameParts.length === 1 && catalog.tempViews.has(s.nameParts[0]!)) {
    throw new AnalysisException("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", { operation: "SHOW PARTITIONS", viewName: quoteParts(s.nameParts) });
  }
  const t = catalog.requireTable(s.nameParts);
  const full = quoteParts(["spark_catalog", t.database, t.name]);
  if (t.tableType === "VIEW") throw new AnalysisException("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", { operation: "SHOW PARTITIONS", viewName: full });
  const parts = partitionFields(t);
  if (parts.length === 0) throw new AnalysisException("INVALID_PARTITION_OPERATION.PARTITION_SCHEMA_IS_EMPTY", { name: full });
  const values = await specValues(t, s.partitionSpec, ctx);
  const wanted = parts.filter((p) => values.has(p.name)).map((p) => `${p.name}=${values.get(p.name)!}`);
  return listPartitions(t.location, parts.length)
    .filter((p) => wanted.every((w) => p.split("/").includes(w)))
    .map((p) => [p]);
}
