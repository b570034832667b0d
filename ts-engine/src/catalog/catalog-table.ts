import { InternalError } from "../errors/spark-exception.js";
import { parseDDL } from "../types/ddl.js";
import { structType, type StructField, type StructType } from "../types/data-type.js";
import { schemaDDL } from "./table-ddl.js";
import type { BucketSpec } from "../plan/bucket-spec.js";

/**
 * A persistent table as the catalog keeps it (Spark's CatalogTable): where its files are, in
 * which format, its schema (data columns, then partition columns, as Spark orders a
 * partitioned table's columns), and what CREATE TABLE gave it.
 */
export interface CatalogTable {
  readonly database: string;
  /** Lower-cased, as Spark's session catalog stores names. */
  readonly name: string;
  /**
   * MANAGED: the warehouse owns the files (DROP deletes them); EXTERNAL: `LOCATION`/`path`
   * given; VIEW: a persistent view (no files; `viewText` is its query).
   */
  readonly tableType: "MANAGED" | "EXTERNAL" | "VIEW";
  /** The data source: parquet, csv, json, text. */
  readonly provider: string;
  /** The table's directory, local and absolute. */
  readonly location: string;
  readonly schema: StructType;
  readonly partitionColumns: readonly string[];
  /** `OPTIONS (...)` of CREATE TABLE (csv header, sep …), passed to every read and write. */
  readonly options: readonly (readonly [string, string])[];
  /** `TBLPROPERTIES (...)`, in the order given. */
  readonly properties: readonly (readonly [string, string])[];
  /** Column comments by lower-cased column name. */
  readonly columnComments: readonly (readonly [string, string])[];
  readonly comment?: string;
  /** Creation time, ms since the epoch. */
  readonly createdTime: number;
  /** A view's query, as the user wrote it (Spark's View Text), read again each time the view is. */
  readonly viewText?: string;
  /** The database a view's one-part relation names mean (the current one when it was created: Spark's View Catalog and Namespace). */
  readonly viewDatabase?: string;
  /** A view query's own column names (Spark's View Query Output Columns), which the view's columns rename. */
  readonly viewQueryColumns?: readonly string[];
  /** `CLUSTERED BY … [SORTED BY …] INTO n BUCKETS` / bucketBy: how the table's files are bucketed (Spark's BucketSpec). */
  readonly bucketSpec?: BucketSpec;
}


/** Whether the catalog entry is a persistent view rather than a table. */
export function isView(t: CatalogTable): boolean {
  return t.tableType === "VIEW";
}

/** The table's data columns (the schema without its partition columns). */
export function dataColumns(t: CatalogTable): StructField[] {
  const parts = new Set(t.partitionColumns.map((c) => c.toLowerCase()));
  return t.schema.fields.filter((f) => !parts.has(f.name.toLowerCase()));
}

/** The table's partition columns, in PARTITIONED BY order. */
export function partitionFields(t: CatalogTable): StructField[] {
  return t.partitionColumns.map((c) => {
    const f = t.schema.fields.find((x) => x.name.toLowerCase() === c.toLowerCase());
    if (f === undefined) throw new InternalError(`partition column ${c} is not in the schema of ${t.name}`);
    return f;
  });
}

/** The metadata file's format marker and version: a reader refuses what it does not know. */
const FORMAT = "tspark-table";
const VERSION = 1;

/**
 * The table's metadata file: JSON, one per table, beside its data directory (see
 * catalog/warehouse.ts). The schema is kept as a DDL string (`a INT, b STRING`), readable by
 * people and by the engine's DDL parser; a managed table's location is relative to its
 * database directory, so a warehouse can be moved as a whole.
 */
export function encodeCatalogTable(t: CatalogTable, dbDir: string): string {
  const relative = t.tableType === "MANAGED" && t.location.startsWith(`${dbDir}/`) ? t.location.slice(dbDir.length + 1) : undefined;
  return `${JSON.stringify(
    {
      format: FORMAT,
      version: VERSION,
      database: t.database,
      name: t.name,
      tableType: t.tableType,
      provider: t.provider,
      ...(relative === undefined ? { location: t.location } : { relativeLocation: relative }),
      schema: schemaDDL(t.schema),
      partitionColumns: t.partitionColumns,
      options: t.options,
      properties: t.properties,
      columnComments: t.columnComments,
      ...(t.comment === undefined ? {} : { comment: t.comment }),
      createdTime: t.createdTime,
      ...(t.viewText === undefined ? {} : { viewText: t.viewText, viewDatabase: t.viewDatabase ?? t.database }),
      ...(t.viewQueryColumns === undefined ? {} : { viewQueryColumns: t.viewQueryColumns }),
      ...(t.bucketSpec === undefined ? {} : { bucketSpec: t.bucketSpec }),
    },
    null,
    2,
  )}\n`;
}

function pairs(v: unknown, what: string): [string, string][] {
  if (!Array.isArray(v)) throw new InternalError(`table metadata: ${what} is not a list`);
  return v.map((p) => {
    if (!Array.isArray(p) || typeof p[0] !== "string" || typeof p[1] !== "string") throw new InternalError(`table metadata: bad ${what} entry`);
    return [p[0], p[1]];
  });
}

function str(m: Record<string, unknown>, key: string): string {
  const v = m[key];
  if (typeof v !== "string") throw new InternalError(`table metadata: ${key} is not a string`);
  return v;
}

/** Reads a metadata file's text (encodeCatalogTable's form); InternalError names what is wrong. */
export function decodeCatalogTable(text: string, dbDir: string): CatalogTable {
  const raw: unknown = JSON.parse(text);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new InternalError("table metadata is not an object");
  const m = raw as Record<string, unknown>;
  if (m["format"] !== FORMAT || m["version"] !== VERSION) throw new InternalError(`table metadata of an unknown format: ${String(m["format"])} ${String(m["version"])}`);
  const tableType = str(m, "tableType");
  if (tableType !== "MANAGED" && tableType !== "EXTERNAL" && tableType !== "VIEW") throw new InternalError(`table metadata: tableType ${tableType}`);
  const parts = m["partitionColumns"];
  if (!Array.isArray(parts) || !parts.every((p): p is string => typeof p === "string")) throw new InternalError("table metadata: partitionColumns");
  const created = m["createdTime"];
  const comment = m["comment"];
  const viewText = m["viewText"];
  const viewDatabase = m["viewDatabase"];
  const queryColumns = m["viewQueryColumns"];
  const schemaText = str(m, "schema");
  const bucketSpec = m["bucketSpec"] === undefined ? undefined : decodeBucketSpec(m["bucketSpec"]);
  return {
    database: str(m, "database"),
    name: str(m, "name"),
    tableType,
    provider: str(m, "provider"),
    location: typeof m["relativeLocation"] === "string" ? `${dbDir}/${m["relativeLocation"]}` : str(m, "location"),
    schema: schemaText === "" ? structType([]) : parseDDL(schemaText),
    partitionColumns: parts,
    options: pairs(m["options"], "options"),
    properties: pairs(m["properties"], "properties"),
    columnComments: pairs(m["columnComments"] ?? [], "columnComments"),
    ...(typeof comment === "string" ? { comment } : {}),
    createdTime: typeof created === "number" ? created : 0,
    ...(typeof viewText === "string" ? { viewText, viewDatabase: typeof viewDatabase === "string" ? viewDatabase : str(m, "database") } : {}),
    ...(Array.isArray(queryColumns) && queryColumns.every((c): c is string => typeof c === "string") ? { viewQueryColumns: queryColumns } : {}),
    ...(bucketSpec === undefined ? {} : { bucketSpec }),
  };
}

function stringList(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || !v.every((c): c is string => typeof c === "string")) throw new InternalError(`table metadata: ${what} is not a list of strings`);
  return v;
}

function decodeBucketSpec(v: unknown): BucketSpec {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new InternalError("table metadata: bucketSpec is not an object");
  const m = v as Record<string, unknown>;
  const n = m["numBuckets"];
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) throw new InternalError("table metadata: bucketSpec.numBuckets");
  return { numBuckets: n, bucketColumns: stringList(m["bucketColumns"], "bucketSpec.bucketColumns"), sortColumns: stringList(m["sortColumns"], "bucketSpec.sortColumns") };
}
