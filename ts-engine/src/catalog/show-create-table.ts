import { quoteParts } from "../plan/analyzer/scope.js";
import { isView, type CatalogTable } from "./catalog-table.js";
import { columnDDL, quoteIfNeeded } from "./table-ddl.js";

function propertyList(ps: readonly (readonly [string, string])[]): string {
  return ps.map(([k, v]) => `  '${k}' = '${v}'`).join(",\n");
}

/**
 * `SHOW CREATE TABLE t` as Spark's ShowCreateTableCommand prints a data source table: the
 * columns, USING, OPTIONS, PARTITIONED BY, CLUSTERED BY … [SORTED BY …] INTO n BUCKETS, LOCATION (external tables only), COMMENT and
 * TBLPROPERTIES.
 */
export function showCreateTable(t: CatalogTable): string {
  if (isView(t)) return showCreateView(t);
  const comments = new Map(t.columnComments);
  const cols = t.schema.fields.map((f) => `  ${columnDDL(f, comments.get(f.name.toLowerCase()))}`).join(",\n");
  let out = `CREATE TABLE ${quoteParts(["spark_catalog", t.database, t.name]).replace(/`/g, "")} (\n${cols})\nUSING ${t.provider}\n`;
  if (t.options.length > 0) out += `OPTIONS (\n${propertyList(t.options)})\n`;
  if (t.partitionColumns.length > 0) out += `PARTITIONED BY (${t.partitionColumns.map(quoteIfNeeded).join(", ")})\n`;
  const b = t.bucketSpec;
  if (b !== undefined) {
    out += `CLUSTERED BY (${b.bucketColumns.map(quoteIfNeeded).join(", ")})\n`;
    if (b.sortColumns.length > 0) out += `SORTED BY (${b.sortColumns.map(quoteIfNeeded).join(", ")})\n`;
    out += `INTO ${b.numBuckets} BUCKETS\n`;
  }
  if (t.comment !== undefined) out += `COMMENT '${t.comment}'\n`;
  if (t.tableType === "EXTERNAL") out += `LOCATION 'file:${t.location}'\n`;
  if (t.properties.length > 0) out += `TBLPROPERTIES (\n${propertyList(t.properties)})\n`;
  return out;
}

/**
 * Spark 4's default schema binding of a view (spark.sql.legacy.viewSchemaCompensation): a view
 * keeps reading its columns by name, casting them when the tables beneath change type.
 */
export const VIEW_SCHEMA_MODE = "COMPENSATION";

/**
 * `SHOW CREATE TABLE v` of a persistent view, as Spark's ShowCreateTableCommand prints one: its
 * columns without types (with their comments), COMMENT, the user's TBLPROPERTIES, the schema
 * binding, then `AS` and the view's text.
 */
function showCreateView(t: CatalogTable): string {
  const comments = new Map(t.columnComments);
  const cols = t.schema.fields.map((f) => {
    const c = comments.get(f.name.toLowerCase());
    return `  ${quoteIfNeeded(f.name)}${c === undefined ? "" : ` COMMENT '${c.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`}`;
  });
  let out = `CREATE VIEW ${t.database}.${t.name} `;
  if (cols.length > 0) out += `(\n${cols.join(",\n")})\n`;
  if (t.comment !== undefined) out += `COMMENT '${t.comment}'\n`;
  if (t.properties.length > 0) out += `TBLPROPERTIES (\n${propertyList(t.properties)})\n`;
  out += `WITH SCHEMA ${VIEW_SCHEMA_MODE}\n`;
  return `${out}AS ${t.viewText ?? ""}\n`;
}
