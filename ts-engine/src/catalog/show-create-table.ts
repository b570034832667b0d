import { quoteParts } from "../plan/analyzer/scope.js";
import type { CatalogTable } from "./catalog-table.js";
import { columnDDL, quoteIfNeeded } from "./table-ddl.js";

function propertyList(ps: readonly (readonly [string, string])[]): string {
  return ps.map(([k, v]) => `  '${k}' = '${v}'`).join(",\n");
}

/**
 * `SHOW CREATE TABLE t` as Spark's ShowCreateTableCommand prints a data source table: the
 * columns, USING, OPTIONS, PARTITIONED BY, LOCATION (external tables only), COMMENT and
 * TBLPROPERTIES.
 */
export function showCreateTable(t: CatalogTable): string {
  const comments = new Map(t.columnComments);
  const cols = t.schema.fields.map((f) => `  ${columnDDL(f, comments.get(f.name.toLowerCase()))}`).join(",\n");
  let out = `CREATE TABLE ${quoteParts(["spark_catalog", t.database, t.name]).replace(/`/g, "")} (\n${cols})\nUSING ${t.provider}\n`;
  if (t.options.length > 0) out += `OPTIONS (\n${propertyList(t.options)})\n`;
  if (t.partitionColumns.length > 0) out += `PARTITIONED BY (${t.partitionColumns.map(quoteIfNeeded).join(", ")})\n`;
  if (t.comment !== undefined) out += `COMMENT '${t.comment}'\n`;
  if (t.tableType === "EXTERNAL") out += `LOCATION 'file:${t.location}'\n`;
  if (t.properties.length > 0) out += `TBLPROPERTIES (\n${propertyList(t.properties)})\n`;
  return out;
}
