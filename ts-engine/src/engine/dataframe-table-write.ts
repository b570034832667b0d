import { AnalysisException, InvalidPlanInput, SparkException } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { parseTableName } from "../sql/parse-table-name.js";
import type { CreateTableStatement, InsertIntoStatement } from "../sql/statement.js";
import { catalogOf } from "./catalog-commands.js";
import { createTable } from "./create-table.js";
import { insertInto } from "./insert-into-table.js";
import { alreadyExists } from "../catalog/warehouse.js";
import { quoteParts } from "../plan/analyzer/scope.js";
import type { BucketSpec } from "../plan/bucket-spec.js";
import { transformPartitioning, type PartitionTransform } from "../plan/partition-transform.js";

/**
 * How a DataFrame is written to a table: df.write.saveAsTable / insertInto (Spark Connect's
 * WriteOperation with a table) and df.writeTo(t).create / replace / createOrReplace / append /
 * overwritePartitions / overwrite(condition) (WriteOperationV2).
 */
export type TableWriteMethod = "saveAsTable" | "insertInto" | "create" | "replace" | "createOrReplace" | "append" | "overwritePartitions" | "overwrite";

export type { PartitionTransform };

/** The table write a client asked for. */
export interface TableWriteSpec {
  readonly tableName: string;
  readonly method: TableWriteMethod;
  /** saveAsTable's save mode (error/errorifexists, append, overwrite, ignore). */
  readonly mode?: string;
  /** insertInto(overwrite=True). */
  readonly overwrite?: boolean;
  readonly format?: string;
  readonly options: readonly (readonly [string, string])[];
  readonly partitionBy: readonly string[];
  readonly properties: readonly (readonly [string, string])[];
  /** saveAsTable's bucketBy / sortBy (numBuckets absent: sortBy alone, which Spark refuses). */
  readonly bucketBy?: { readonly numBuckets?: number; readonly bucketColumns: readonly string[]; readonly sortColumns: readonly string[] };
  /** writeTo's partitionedBy transforms (years, months, days, hours, bucket), in order with the plain columns of partitionBy. */
  readonly transforms?: readonly PartitionTransform[];
}


const METHODS: readonly TableWriteMethod[] = ["saveAsTable", "insertInto", "create", "replace", "createOrReplace", "append", "overwritePartitions", "overwrite"];

/** The method named `m`, or InvalidPlanInput. */
export function tableWriteMethod(m: string): TableWriteMethod {
  const hit = METHODS.find((x) => x === m);
  if (hit === undefined) throw new InvalidPlanInput(`unknown table write method ${JSON.stringify(m)}`);
  return hit;
}

/** saveAsTable's bucketBy / sortBy as a BucketSpec; sortBy without bucketBy is Spark's error. */
function bucketSpecOf(w: TableWriteSpec): BucketSpec | undefined {
  if (w.transforms !== undefined) return transformPartitioning(w.transforms).bucketSpec;
  const b = w.bucketBy;
  if (b === undefined) return undefined;
  if (b.numBuckets === undefined) throw new AnalysisException("SORT_BY_WITHOUT_BUCKETING", {});
  return { numBuckets: b.numBuckets, bucketColumns: b.bucketColumns, sortColumns: b.sortColumns };
}

/** How Spark's error describes a bucketing: `3 buckets, bucket columns: [id], sort columns: [s]` or `not bucketed`. */
function bucketingText(b: BucketSpec | undefined): string {
  if (b === undefined) return "not bucketed";
  return `${b.numBuckets} buckets, bucket columns: [${b.bucketColumns.join(", ")}]${b.sortColumns.length > 0 ? `, sort columns: [${b.sortColumns.join(", ")}]` : ""}`;
}

/** saveAsTable in append mode: the writer's bucketing (or none) must be the table's, as Spark's PreprocessTableCreation checks. */
function checkSameBucketing(existing: BucketSpec | undefined, specified: BucketSpec | undefined, tableName: string): void {
  const same = existing === undefined || specified === undefined
    ? existing === specified
    : existing.numBuckets === specified.numBuckets && sameNames(existing.bucketColumns, specified.bucketColumns) && sameNames(existing.sortColumns, specified.sortColumns);
  if (same) return;
  const message = `Specified bucketing does not match that of the existing table ${tableName}.\nSpecified bucketing: ${bucketingText(specified)}.\nExisting bucketing: ${bucketingText(existing)}.`;
  throw new SparkException("AnalysisException", "_LEGACY_ERROR_TEMP_1164", {}, { rawMessage: message, sqlState: "" });
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i]!.toLowerCase());
}

function create(plan: ParsedPlan, nameParts: readonly string[], w: TableWriteSpec, how: { readonly replace: boolean; readonly replaceOnly?: boolean; readonly ifNotExists?: boolean }): CreateTableStatement {
  const bucketSpec = bucketSpecOf(w);
  return {
    kind: "CreateTable",
    nameParts,
    ifNotExists: how.ifNotExists ?? false,
    replace: how.replace,
    ...(how.replaceOnly === true ? { replaceOnly: true } : {}),
    ...(w.format === undefined ? {} : { provider: w.format }),
    partitionColumns: w.transforms === undefined ? w.partitionBy : transformPartitioning(w.transforms).partitionColumns,
    options: w.options.filter(([k]) => k.toLowerCase() !== "path"),
    properties: w.properties,
    ...(w.options.find(([k]) => k.toLowerCase() === "path") === undefined ? {} : { location: w.options.find(([k]) => k.toLowerCase() === "path")![1] }),
    ...(bucketSpec === undefined ? {} : { bucketSpec }),
    plan,
  };
}

function insert(plan: ParsedPlan, nameParts: readonly string[], overwrite: boolean, byName: boolean): InsertIntoStatement {
  return { kind: "InsertInto", nameParts, overwrite, partitionSpec: [], byName, plan };
}

/**
 * Runs a DataFrame table write as the SQL statement Spark runs for it: saveAsTable creates the
 * table (CTAS) or, when it exists, raises (error mode), does nothing (ignore), replaces it
 * (overwrite) or appends by column name (append); insertInto inserts by position;
 * writeTo's create is CREATE TABLE … AS (its partitionedBy transforms as Spark's session
 * catalog converts them); replace, createOrReplace, append, overwritePartitions and
 * overwrite(condition) raise Spark's errors for a session catalog's (v1) file tables.
 */
export async function writeTable(plan: ParsedPlan, w: TableWriteSpec, ctx: ExecContext): Promise<void> {
  const nameParts = parseTableName(w.tableName);
  const catalog = catalogOf(ctx);
  const exists = (nameParts.length === 1 && catalog.tempViews.has(nameParts[0]!)) || catalog.getTable(nameParts) !== undefined;
  switch (w.method) {
    case "saveAsTable": {
      const mode = (w.mode ?? "errorifexists").toLowerCase();
      if (!exists) return createTable(create(plan, nameParts, w, { replace: false }), ctx);
      if (mode === "ignore") return;
      if (mode === "append") {
        checkSameBucketing(catalog.getTable(nameParts)?.bucketSpec, bucketSpecOf(w), quoteParts(catalog.qualifiedName(nameParts)).replace(/`/g, ""));
        return insertInto(insert(plan, nameParts, false, true), ctx);
      }
      if (mode === "overwrite") return createTable(create(plan, nameParts, w, { replace: true }), ctx);
      const n = catalog.qualifiedName(nameParts);
      throw alreadyExists(n[1] ?? "default", n[2] ?? nameParts[nameParts.length - 1]!);
    }
    case "insertInto":
      return insertInto(insert(plan, nameParts, w.overwrite === true, false), ctx);
    case "create":
      return createTable(create(plan, nameParts, w, { replace: false }), ctx);
    case "replace":
    case "createOrReplace":
      // Spark's session catalog cannot replace a data source table (a v2 catalog's feature), existing or not
      throw new AnalysisException("UNSUPPORTED_FEATURE.TABLE_OPERATION", { tableName: quoteParts(catalog.qualifiedName(nameParts)), operation: "REPLACE TABLE AS SELECT" });
    case "append":
    case "overwritePartitions":
    case "overwrite":
      // v2 appends and overwrites need a v2 table; the session catalog's file tables are v1
      if (!exists) throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", { relationName: quoteParts(nameParts) });
      throw new SparkException("AnalysisException", "_LEGACY_ERROR_TEMP_1012", {}, { rawMessage: `Cannot write into v1 table: ${quoteParts(catalog.qualifiedName(nameParts))}.`, sqlState: "" });
  }
}
