import { mkdirSync } from "node:fs";
import type { CatalogTable } from "../catalog/catalog-table.js";
import { dataColumns } from "../catalog/catalog-table.js";
import { alreadyExists } from "../catalog/warehouse.js";
import { AnalysisException, SparkException } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import { localPath } from "../io/file-index.js";
import { resolveFileSource } from "../io/file-source.js";
import { fileFormat } from "../io/formats.js";
import { quoteParts } from "../plan/analyzer/scope.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import type { CreateTableStatement } from "../sql/statement.js";
import type { BucketSpec } from "../plan/bucket-spec.js";
import { structField, structType, type StructField, type StructType } from "../types/data-type.js";
import { catalogOf } from "./catalog-commands.js";
import { analyzeSchema } from "./query-engine.js";
import { writeTableFiles } from "./table-files-write.js";

function timeZone(ctx: ExecContext): string {
  return ctx.conf.get("spark.sql.session.timeZone") ?? "UTC";
}

/** A table's name parts in `spark_catalog`, or the error Spark gives for a name no table can have. */
export function tableNameOf(nameParts: readonly string[], ctx: ExecContext): { readonly database: string; readonly name: string } {
  const n = catalogOf(ctx).tableName(nameParts);
  if (n === undefined) throw new AnalysisException("REQUIRES_SINGLE_PART_NAMESPACE", { sessionCatalog: "spark_catalog", namespace: quoteParts(nameParts.slice(0, -1)) });
  return n;
}

function checkUniqueNames(fields: readonly StructField[]): void {
  const seen = new Set<string>();
  for (const f of fields) {
    const k = f.name.toLowerCase();
    if (seen.has(k)) throw new AnalysisException("COLUMN_ALREADY_EXISTS", { columnName: quoteParts([k]) });
    seen.add(k);
  }
}

/**
 * The table's schema with its partition columns moved to the end, in PARTITIONED BY order
 * (Spark's data source tables keep partition columns last); a partition column the schema
 * does not have is an error.
 */
function withPartitionsLast(schema: StructType, partitionColumns: readonly string[], tableName: string): StructType {
  const parts = partitionColumns.map((c) => {
    const f = schema.fields.find((x) => x.name.toLowerCase() === c.toLowerCase());
    if (f === undefined) {
      throw new AnalysisException("COLUMN_NOT_DEFINED_IN_TABLE", { colType: "partition", colName: quoteParts([c]), tableName, tableCols: schema.fields.map((x) => quoteParts([x.name])).join(", ") });
    }
    return f;
  });
  const isPart = new Set(parts.map((p) => p.name.toLowerCase()));
  return structType([...schema.fields.filter((f) => !isPart.has(f.name.toLowerCase())), ...parts]);
}

/** A legacy AnalysisException (Spark's _LEGACY_ERROR_TEMP_*: the message alone, no SQLSTATE). */
function legacy(errorClass: string, message: string): SparkException {
  return new SparkException("AnalysisException", errorClass, {}, { rawMessage: message, sqlState: "" });
}

/**
 * A bucket spec checked against the table as Spark checks one (BucketSpec's bucket count
 * against spark.sql.sources.bucketing.maxBuckets, then PreprocessTableCreation): every bucket and
 * sort column is a column of the table, none is a partition column; names take the schema's case.
 */
function checkedBucketSpec(spec: BucketSpec, schema: StructType, partitionColumns: readonly string[], tableName: string, ctx: ExecContext): BucketSpec {
  const max = Number(ctx.conf.get("spark.sql.sources.bucketing.maxBuckets") ?? "100000");
  if (!(spec.numBuckets > 0 && spec.numBuckets <= max)) {
    throw legacy("_LEGACY_ERROR_TEMP_1083", `Number of buckets should be greater than 0 but less than or equal to bucketing.maxBuckets (\`${max}\`). Got \`${spec.numBuckets}\`.`);
  }
  const resolve = (c: string, colType: string): string => {
    const f = schema.fields.find((x) => x.name.toLowerCase() === c.toLowerCase());
    if (f === undefined) throw new AnalysisException("COLUMN_NOT_DEFINED_IN_TABLE", { colType, colName: quoteParts([c]), tableName, tableCols: schema.fields.map((x) => quoteParts([x.name])).join(", ") });
    return f.name;
  };
  const bucketColumns = spec.bucketColumns.map((c) => resolve(c, "bucket"));
  const sortColumns = spec.sortColumns.map((c) => resolve(c, "sort"));
  const parts = new Set(partitionColumns.map((c) => c.toLowerCase()));
  const partList = `'${partitionColumns.join(", ")}'`;
  for (const c of bucketColumns) if (parts.has(c.toLowerCase())) throw legacy("_LEGACY_ERROR_TEMP_1166", `Bucketing column '${c}' should not be part of partition columns ${partList}.`);
  for (const c of sortColumns) if (parts.has(c.toLowerCase())) throw legacy("_LEGACY_ERROR_TEMP_1167", `Bucket sorting column '${c}' should not be part of partition columns ${partList}.`);
  return { numBuckets: spec.numBuckets, bucketColumns, sortColumns };
}

/** The schema and partitioning `CREATE TABLE t LIKE src` copies: a table's, or a view's columns. */
function likeSource(like: readonly string[], ctx: ExecContext): { schema: StructType; partitionColumns: readonly string[]; provider?: string; options: readonly (readonly [string, string])[]; comments: CatalogTable["columnComments"]; bucketSpec?: BucketSpec } {
  const catalog = catalogOf(ctx);
  if (like.length === 1 && catalog.tempViews.has(like[0]!)) return { schema: analyzeSchema({ kind: "UnresolvedRelation", nameParts: like }, ctx), partitionColumns: [], options: [], comments: [] };
  const src = catalog.requireTable(like);
  return { schema: src.schema, partitionColumns: src.partitionColumns, provider: src.provider, options: src.options, comments: src.columnComments, ...(src.bucketSpec === undefined ? {} : { bucketSpec: src.bucketSpec }) };
}

/** The schema a CREATE TABLE without columns or query reads from its location's files, as Spark infers it. */
async function inferredSchema(provider: string, location: string | undefined, options: readonly (readonly [string, string])[], ctx: ExecContext): Promise<StructType> {
  if (location === undefined) throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", { format: fileFormat(provider).displayName });
  const rel = await resolveFileSource({ format: provider, paths: [location], options }, { conf: ctx.conf, timeZone: timeZone(ctx), signal: ctx.signal });
  return structType([...rel.dataSchema.fields, ...rel.partitionSchema.fields]);
}

/**
 * CREATE TABLE / CTAS / CREATE OR REPLACE / REPLACE / CREATE TABLE LIKE, and what
 * saveAsTable and writeTo(…).create() run (Spark's CreateDataSourceTableCommand and
 * CreateDataSourceTableAsSelectCommand): the metadata is registered first, which claims the
 * name (one creator wins across engines), then the query's rows are written; a failed write
 * drops the table again, so a CTAS either makes the whole table or none.
 */
export async function createTable(s: CreateTableStatement, ctx: ExecContext): Promise<void> {
  const catalog = catalogOf(ctx);
  const n = tableNameOf(s.nameParts, ctx);
  if (!catalog.databaseExists(n.database)) throw new AnalysisException("SCHEMA_NOT_FOUND", { schemaName: quoteParts(["spark_catalog", n.database]) });
  const existing = catalog.getTable(s.nameParts);
  if (existing !== undefined) {
    if (s.ifNotExists) return;
    if (!s.replace) throw alreadyExists(n.database, n.name);
  } else if (s.replaceOnly === true) {
    throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", { relationName: quoteParts(["spark_catalog", n.database, n.name]) });
  }
  const like = s.like === undefined ? undefined : likeSource(s.like, ctx);
  const provider = (s.provider ?? like?.provider ?? ctx.conf.get("spark.sql.sources.default") ?? "parquet").toLowerCase();
  fileFormat(provider); // DATA_SOURCE_NOT_FOUND for an unknown one, before anything is made
  const options = s.options.length > 0 ? s.options : (like?.options ?? []);
  const location = s.location === undefined ? undefined : localPath(s.location);
  let schema: StructType;
  let partitionColumns = s.partitionColumns;
  if (like !== undefined) {
    schema = like.schema;
    partitionColumns = like.partitionColumns;
  } else if (s.plan !== undefined) {
    if (s.columns !== undefined) throw new SparkException("ParseException", "_LEGACY_ERROR_TEMP_0035", {}, { rawMessage: "\nOperation not allowed: Schema may not be specified in a Create Table As Select (CTAS) statement.", sqlState: "" });
    // CTAS: the query's columns, all nullable (Spark's query.schema.asNullable)
    schema = structType(analyzeSchema(s.plan, ctx).fields.map((f) => structField(f.name, f.dataType, true)));
  } else if (s.columns !== undefined) {
    schema = structType([...s.columns.map((c) => c.field), ...(s.partitionDefinitions ?? []).map((c) => c.field)]);
  } else {
    schema = await inferredSchema(provider, location, options, ctx);
  }
  checkUniqueNames(schema.fields);
  schema = withPartitionsLast(schema, partitionColumns, quoteParts(["spark_catalog", n.database, n.name]));
  const bucketSource = like !== undefined ? like.bucketSpec : s.bucketSpec;
  const bucketSpec = bucketSource === undefined ? undefined : checkedBucketSpec(bucketSource, schema, partitionColumns, quoteParts(["spark_catalog", n.database, n.name]), ctx);
  const w = catalog.warehouse;
  const managed = location === undefined;
  const dir = location ?? w.managedLocation(n.database, n.name);
  if (existing !== undefined) catalog.dropTable(existing);
  else if (managed && w.exists(dir)) {
    throw new AnalysisException("LOCATION_ALREADY_EXISTS", { identifier: quoteParts(["spark_catalog", n.database, n.name]), location: `'file:${dir}'` });
  }
  const comments = like?.comments ?? [...(s.columns ?? []), ...(s.partitionDefinitions ?? [])].flatMap((c) => (c.comment === undefined ? [] : [[c.field.name.toLowerCase(), c.comment] as const]));
  const table: CatalogTable = {
    database: n.database,
    name: n.name,
    tableType: managed ? "MANAGED" : "EXTERNAL",
    provider,
    location: dir,
    schema,
    partitionColumns: partitionColumns.map((c) => schema.fields.find((f) => f.name.toLowerCase() === c.toLowerCase())!.name),
    options,
    properties: s.properties,
    columnComments: comments,
    ...(s.comment === undefined ? {} : { comment: s.comment }),
    createdTime: Date.now(),
    ...(bucketSpec === undefined ? {} : { bucketSpec }),
  };
  catalog.createTable(table);
  try {
    if (s.plan === undefined) {
      mkdirSync(dir, { recursive: true });
      return;
    }
    const ordered: ParsedPlan = { kind: "Project", input: s.plan, exprs: [...dataColumns(table), ...table.partitionColumns.map((c) => ({ name: c }))].map((f) => ({ kind: "UnresolvedAttribute", nameParts: [f.name] })) };
    await writeTableFiles(table, ordered, { overwrite: !managed, partitionBy: table.partitionColumns }, ctx);
  } catch (e) {
    catalog.dropTable(table);
    throw e;
  }
}
