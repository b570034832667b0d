import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { dataColumns, isView, partitionFields, type CatalogTable } from "../catalog/catalog-table.js";
import { GLOBAL_TEMP_DATABASE } from "../catalog/session-catalog.js";
import { showCreateTable, VIEW_SCHEMA_MODE } from "../catalog/show-create-table.js";
import { AnalysisException } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import { quoteId, quoteParts } from "../plan/analyzer/scope.js";
import type { AlterTableStatement, TruncateTableStatement } from "../sql/statement.js";
import { alterViewQuery } from "./view-commands.js";
import { alterPartitions } from "./partition-commands.js";
import { analyze } from "../plan/analyzer/analyzer.js";
import { analyzeOptions } from "./query-engine.js";
import { structType } from "../types/data-type.js";
import { simpleString } from "../types/type-names.js";
import { atName, catalogOf } from "./catalog-commands.js";
import { tableNameOf } from "./create-table.js";

/** One DESCRIBE row: col_name, data_type, comment. */
export type DescribeRow = readonly [string, string, string | null];

/** A temp view's name, when `nameParts` names one (temp views shadow tables of the current database). */
function tempViewName(nameParts: readonly string[], ctx: ExecContext): string | undefined {
  return nameParts.length === 1 && catalogOf(ctx).tempViews.has(nameParts[0]!) ? nameParts[0]! : undefined;
}

/** `ALTER TABLE|VIEW t RENAME TO u`, `ADD COLUMNS`, `SET/UNSET TBLPROPERTIES`, `ALTER VIEW v AS query` (Spark's AlterTable* / AlterViewAs commands). */
export async function alterTable(s: AlterTableStatement, ctx: ExecContext): Promise<void> {
  const catalog = catalogOf(ctx);
  const view = tempViewName(s.nameParts, ctx);
  if (view !== undefined) {
    if (s.action.kind === "asQuery" && s.isView) {
      // ALTER VIEW v AS query on a temp view: the view's new query, checked as CREATE OR REPLACE TEMP VIEW
      analyze(s.action.plan, analyzeOptions(ctx));
      catalog.createTempView(view, s.action.plan, { global: false, replace: true, capture: false, timeZone: ctx.conf.get("spark.sql.session.timeZone") ?? "UTC" });
      return;
    }
    if (s.action.kind !== "rename") throw new AnalysisException("EXPECT_TABLE_NOT_VIEW.USE_ALTER_VIEW", { operation: "ALTER TABLE", viewName: quoteParts(s.nameParts) });
    const to = s.action.to;
    if (to.length !== 1) throw new AnalysisException("TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS", { actualName: quoteParts(to) });
    const v = catalog.tempViews.get(view)!;
    if (catalog.tempViews.has(to[0]!)) throw new AnalysisException("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", { relationName: quoteParts(to) });
    catalog.tempViews.delete(view);
    catalog.tempViews.set({ name: to[0]!, plan: v.plan });
    return;
  }
  const t = catalog.requireTable(s.nameParts);
  const a = s.action;
  // Spark names the relation as written here
  if (s.isView && t.tableType !== "VIEW") throw new AnalysisException("EXPECT_VIEW_NOT_TABLE.USE_ALTER_TABLE", { tableName: quoteParts(s.nameParts), operation: "ALTER VIEW" });
  if (!s.isView && t.tableType === "VIEW") throw new AnalysisException("EXPECT_TABLE_NOT_VIEW.USE_ALTER_VIEW", { operation: "ALTER TABLE", viewName: quoteParts(s.nameParts) });
  switch (a.kind) {
    case "asQuery":
      alterViewQuery(t, a.plan, a.text, ctx);
      return;
    case "addPartitions":
    case "dropPartitions":
    case "renamePartition":
      await alterPartitions(t, a, ctx);
      return;
    case "rename": {
      const to = tableNameOf(a.to.length === 1 ? [t.database, a.to[0]!] : a.to, ctx);
      if (to.database !== t.database) throw new AnalysisException("_LEGACY_ERROR_TEMP_1074", { oldName: t.name, newName: to.name });
      catalog.warehouse.rename(t, to.name);
      return;
    }
    case "addColumns": {
      const names = new Set(t.schema.fields.map((f) => f.name.toLowerCase()));
      for (const c of a.columns) {
        const k = c.field.name.toLowerCase();
        if (names.has(k)) throw new AnalysisException("COLUMN_ALREADY_EXISTS", { columnName: quoteParts([c.field.name]) });
        names.add(k);
      }
      // new columns go after the data columns (files written before read them as null)
      const schema = structType([...dataColumns(t), ...a.columns.map((c) => c.field), ...partitionFields(t)]);
      const comments = [...t.columnComments, ...a.columns.flatMap((c) => (c.comment === undefined ? [] : [[c.field.name.toLowerCase(), c.comment] as const]))];
      catalog.updateTable({ ...t, schema, columnComments: comments });
      return;
    }
    case "setProperties": {
      const props = new Map(t.properties);
      for (const [k, v] of a.properties) props.set(k, v);
      catalog.updateTable({ ...t, properties: [...props] });
      return;
    }
    case "unsetProperties": {
      const props = new Map(t.properties);
      // Spark 4 removes the keys it has and ignores the others, IF EXISTS or not
      for (const k of a.keys) props.delete(k);
      catalog.updateTable({ ...t, properties: [...props] });
      return;
    }
  }
}

/** `TRUNCATE TABLE t [PARTITION (…)]`: removes the table's (or the partition's) files, keeping the table. */
export function truncateTable(s: TruncateTableStatement, ctx: ExecContext): void {
  if (tempViewName(s.nameParts, ctx) !== undefined) throw new AnalysisException("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", { operation: "TRUNCATE TABLE", viewName: quoteParts(s.nameParts) });
  const t = catalogOf(ctx).requireTable(s.nameParts);
  if (t.tableType === "VIEW") throw atName(new AnalysisException("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", { operation: "TRUNCATE TABLE", viewName: quoteParts(["spark_catalog", t.database, t.name]) }), s.nameOrigin);
  let dir = t.location;
  if (s.partitionSpec.length > 0) {
    const parts = partitionFields(t);
    if (parts.length === 0) throw new AnalysisException("NOT_A_PARTITIONED_TABLE", { operation: "TRUNCATE TABLE ... PARTITION", tableIdentWithDB: quoteParts(["spark_catalog", t.database, t.name]) });
    const segs: string[] = [];
    for (const p of parts) {
      const v = s.partitionSpec.find(([k]) => k.toLowerCase() === p.name.toLowerCase())?.[1];
      if (v === undefined || v.kind !== "Literal") break;
      segs.push(`${p.name}=${String(v.value)}`);
    }
    dir = path.join(dir, ...segs);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(t.location, { recursive: true });
}

/** `SHOW CREATE TABLE t`: one row, the DDL (of a table or a persistent view; a temp view has none). */
export function showCreateTableText(nameParts: readonly string[], nameOrigin: { readonly line: number; readonly pos: number } | undefined, ctx: ExecContext): string {
  const catalog = catalogOf(ctx);
  const temp = (nameParts.length === 1 && catalog.tempViews.has(nameParts[0]!)) || (nameParts.length === 2 && nameParts[0]!.toLowerCase() === GLOBAL_TEMP_DATABASE && catalog.lookupRelation(nameParts) !== undefined);
  if (temp) throw atName(new AnalysisException("EXPECT_PERMANENT_VIEW_NOT_TEMP", { operation: "SHOW CREATE TABLE", viewName: quoteParts(nameParts) }), nameOrigin);
  return showCreateTable(catalog.requireTable(nameParts));
}

/** `SHOW TBLPROPERTIES t [(key)]`: the properties, or one (with Spark's message when absent). */
export function tableProperties(nameParts: readonly string[], key: string | undefined, ctx: ExecContext): [string, string][] {
  const t = catalogOf(ctx).requireTable(nameParts);
  // a data source table's OPTIONS are properties too, as `option.<key>` (Spark's CatalogTable storage properties)
  const props: [string, string][] = [...t.properties.map(([k, v]): [string, string] => [k, v]), ...t.options.map(([k, v]): [string, string] => [`option.${k}`, v])];
  if (key === undefined) return props;
  const v = props.find(([k]) => k === key)?.[1];
  return [[key, v ?? `Table ${quoteParts(["spark_catalog", t.database, t.name])} does not have property: ${key}`]];
}

/** Spark's `Created Time` text (java.util.Date.toString in the JVM's zone): `Tue Dec 01 18:40:00 UTC 2026`. */
function javaDateString(ms: number): string {
  const d = new Date(ms);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * DESCRIBE EXTENDED's details of a persistent view, in Spark's CatalogTable.toLinkedHashMap
 * order: no provider or location, its text (the original is the same: tspark keeps one), the
 * schema mode Spark 4 gives a view by default, and the query's own column names.
 */
function viewDetails(t: CatalogTable): [string, string][] {
  const text = t.viewText ?? "";
  const detail: [string, string][] = [
    ["Catalog", "spark_catalog"],
    ["Database", t.database],
    ["Table", t.name],
    ["Created Time", javaDateString(t.createdTime)],
    ["Last Access", "UNKNOWN"],
    ["Created By", "Spark 4.0.1"],
    ["Type", "VIEW"],
  ];
  if (t.comment !== undefined) detail.push(["Comment", t.comment]);
  detail.push(["View Text", text], ["View Original Text", text], ["View Schema Mode", VIEW_SCHEMA_MODE], ["View Catalog and Namespace", `spark_catalog.${t.viewDatabase ?? t.database}`]);
  const columns = t.viewQueryColumns ?? t.schema.fields.map((f) => f.name);
  detail.push(["View Query Output Columns", `[${columns.map(quoteId).join(", ")}]`]);
  if (t.properties.length > 0) detail.push(["Table Properties", `[${t.properties.map(([k, v]) => `${k}=${v}`).join(", ")}]`]);
  return detail;
}

/** DESCRIBE's column rows of a table (with partition information), then EXTENDED's table details. */
export function describeTable(t: CatalogTable, extended: boolean): DescribeRow[] {
  const comments = new Map(t.columnComments);
  const col = (f: { name: string; dataType: Parameters<typeof simpleString>[0] }): DescribeRow => [f.name, simpleString(f.dataType), comments.get(f.name.toLowerCase()) ?? null];
  const rows: DescribeRow[] = t.schema.fields.map(col);
  const parts = partitionFields(t);
  if (parts.length > 0) {
    rows.push(["# Partition Information", "", ""], ["# col_name", "data_type", "comment"]);
    for (const p of parts) rows.push(col(p));
  }
  if (!extended) return rows;
  rows.push(["", "", ""], ["# Detailed Table Information", "", ""]);
  if (isView(t)) {
    for (const [k, v] of viewDetails(t)) rows.push([k, v, ""]);
    return rows;
  }
  const detail: [string, string][] = [
    ["Catalog", "spark_catalog"],
    ["Database", t.database],
    ["Table", t.name],
    ["Created Time", javaDateString(t.createdTime)],
    ["Last Access", "UNKNOWN"],
    ["Created By", "Spark 4.0.1"],
    ["Type", t.tableType],
    ["Provider", t.provider],
  ];
  const b = t.bucketSpec;
  if (b !== undefined) {
    // Spark's BucketSpec.toLinkedHashMap, right after the provider
    detail.push(["Num Buckets", String(b.numBuckets)], ["Bucket Columns", `[${b.bucketColumns.map(quoteId).join(", ")}]`], ["Sort Columns", `[${b.sortColumns.map(quoteId).join(", ")}]`]);
  }
  if (t.comment !== undefined) detail.push(["Comment", t.comment]);
  if (t.properties.length > 0) detail.push(["Table Properties", `[${t.properties.map(([k, v]) => `${k}=${v}`).join(", ")}]`]);
  detail.push(["Location", `file:${t.location}`]);
  if (t.options.length > 0) detail.push(["Storage Properties", `[${t.options.map(([k, v]) => `${k}=${v}`).join(", ")}]`]);
  if (parts.length > 0) detail.push(["Partition Provider", "Catalog"]);
  for (const [k, v] of detail) rows.push([k, v, ""]);
  return rows;
}
