import { partitionFields, type CatalogTable } from "../catalog/catalog-table.js";
import { batchToRows } from "../columnar/rows.js";
import { AnalysisException } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";
import { DEFAULT_PARTITION_NAME, escapePathName } from "../io/partition-values.js";
import { quoteParts } from "../plan/analyzer/scope.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import type { InsertIntoStatement } from "../sql/statement.js";
import { isNumeric, NullType, StringType, type DataType, type StructField } from "../types/data-type.js";
import { simpleString } from "../types/type-names.js";
import { atName, catalogOf } from "./catalog-commands.js";
import { analyzeSchema, executeQuery } from "./query-engine.js";
import { writeTableFiles } from "./table-files-write.js";

const DATETIME = new Set(["date", "timestamp", "timestamp_ntz"]);

/**
 * Spark's ANSI store assignment (Cast.canANSIStoreAssign, spark.sql.storeAssignmentPolicy's
 * default): which values a column of type `to` accepts from `from`. Numbers into numbers and
 * anything atomic into a string are cast; a string is never cast into a number or a date.
 */
function canStoreAssign(from: DataType, to: DataType): boolean {
  if (from.kind === "null" || from.kind === to.kind && from.kind !== "array" && from.kind !== "map" && from.kind !== "struct") return true;
  if (isNumeric(from) && isNumeric(to)) return true;
  if (to.kind === "string" && from.kind !== "array" && from.kind !== "map" && from.kind !== "struct") return true;
  if (DATETIME.has(from.kind) && DATETIME.has(to.kind)) return true;
  if (from.kind === "array" && to.kind === "array") return canStoreAssign(from.elementType, to.elementType);
  if (from.kind === "map" && to.kind === "map") return canStoreAssign(from.keyType, to.keyType) && canStoreAssign(from.valueType, to.valueType);
  if (from.kind === "struct" && to.kind === "struct") return from.fields.length === to.fields.length && from.fields.every((f, i) => canStoreAssign(f.dataType, to.fields[i]!.dataType));
  return false;
}

const cols = (fs: readonly { readonly name: string }[]): string => fs.map((f) => quoteParts([f.name])).join(", ");

/** The table's name as Spark's insert errors print it. */
function tableIdent(t: CatalogTable): string {
  return quoteParts(["spark_catalog", t.database, t.name]);
}

/** A static partition value as its directory name's value: cast to the column's type, escaped; null or empty is Spark's default partition. */
export async function staticValue(e: ParsedExpr, f: StructField, ctx: ExecContext): Promise<string> {
  const plan: ParsedPlan = {
    kind: "Project",
    input: { kind: "Range", start: 0, end: 1, step: 1, numPartitions: 1 },
    exprs: [{ kind: "Cast", child: { kind: "Cast", child: e, dataType: f.dataType }, dataType: StringType }],
  };
  const res = await executeQuery(plan, ctx);
  let value: unknown = null;
  for await (const b of res.batches) for (const row of batchToRows(b)) value = row[0];
  return value === null || value === undefined || value === "" ? DEFAULT_PARTITION_NAME : escapePathName(String(value));
}

/**
 * The rows to write, in the table's column order without the static partition columns: each
 * target column takes its input column (by position, by name with BY NAME, or through the
 * INSERT's column list, where columns left out get null), cast by Spark's store assignment.
 */
function alignRows(table: CatalogTable, targets: readonly StructField[], s: InsertIntoStatement, ctx: ExecContext): ParsedPlan {
  const input = analyzeSchema(s.plan, ctx).fields;
  const names = input.map((_f, i) => `__tspark_insert_${i}`);
  const source: (number | undefined)[] = [];
  if (s.columns !== undefined || s.byName) {
    const given = s.columns ?? input.map((f) => f.name);
    if (s.columns !== undefined && given.length !== input.length) {
      const reason = given.length > input.length ? "NOT_ENOUGH_DATA_COLUMNS" : "TOO_MANY_DATA_COLUMNS";
      throw new AnalysisException(`INSERT_COLUMN_ARITY_MISMATCH.${reason}`, { tableName: tableIdent(table), tableColumns: cols(given.map((name) => ({ name }))), dataColumns: cols(input) });
    }
    for (const g of given) {
      if (!targets.some((t) => t.name.toLowerCase() === g.toLowerCase())) {
        if (s.byName) throw new AnalysisException("INCOMPATIBLE_DATA_FOR_TABLE.EXTRA_COLUMNS", { tableName: tableIdent(table), extraColumns: quoteParts([g]) });
        throw new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", { objectName: quoteParts([g]), proposal: cols(targets) });
      }
    }
    for (const t of targets) {
      const j = given.findIndex((g) => g.toLowerCase() === t.name.toLowerCase());
      if (j < 0 && s.byName) throw new AnalysisException("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_FIND_DATA", { tableName: tableIdent(table), colName: quoteParts([t.name]) });
      source.push(j < 0 ? undefined : j);
    }
  } else {
    if (input.length !== targets.length) {
      const reason = input.length < targets.length ? "NOT_ENOUGH_DATA_COLUMNS" : "TOO_MANY_DATA_COLUMNS";
      throw new AnalysisException(`INSERT_COLUMN_ARITY_MISMATCH.${reason}`, { tableName: tableIdent(table), tableColumns: cols(targets), dataColumns: cols(input) });
    }
    targets.forEach((_t, i) => source.push(i));
  }
  const exprs: ParsedExpr[] = targets.map((t, i) => {
    const j = source[i];
    const from = j === undefined ? NullType : input[j]!.dataType;
    if (!canStoreAssign(from, t.dataType)) {
      throw new AnalysisException("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST", { tableName: tableIdent(table), colName: quoteParts([t.name]), srcType: `"${simpleString(from).toUpperCase()}"`, targetType: `"${simpleString(t.dataType).toUpperCase()}"` });
    }
    const value: ParsedExpr = j === undefined ? { kind: "Literal", value: null, dataType: NullType } : { kind: "UnresolvedAttribute", nameParts: [names[j]!] };
    return { kind: "Alias", child: { kind: "Cast", child: value, dataType: t.dataType }, name: t.name };
  });
  return { kind: "Project", input: { kind: "ToDF", input: s.plan, names }, exprs };
}

/**
 * INSERT INTO / INSERT OVERWRITE (Spark's InsertIntoHadoopFsRelationCommand over a catalog
 * table), and df.write.insertInto / saveAsTable(mode="append") / writeTo(t).append(): the
 * rows are aligned to the table's columns and written through the file writer. A static
 * PARTITION (k=v) writes into that partition's directory (overwrite replaces just it);
 * dynamic partition columns become directories by their values.
 */
export async function insertInto(s: InsertIntoStatement, ctx: ExecContext): Promise<void> {
  const catalog = catalogOf(ctx);
  if (s.nameParts.length === 1 && catalog.tempViews.has(s.nameParts[0]!)) {
    throw new AnalysisException("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", { operation: "INSERT", viewName: quoteParts(s.nameParts) });
  }
  const table = catalog.getTable(s.nameParts);
  if (table === undefined) throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", { relationName: quoteParts(s.nameParts) });
  if (table.tableType === "VIEW") throw atName(new AnalysisException("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", { operation: "INSERT", viewName: tableIdent(table) }), s.nameOrigin);
  const parts = partitionFields(table);
  const isPart = (name: string): StructField | undefined => parts.find((p) => p.name.toLowerCase() === name.toLowerCase());
  // a PARTITION key that is no partition column of the table (Spark checks every key, partitioned table or not)
  for (const [k] of s.partitionSpec) if (isPart(k) === undefined) throw new AnalysisException("PARTITIONS_NOT_FOUND", { partitionList: quoteParts([k]), tableName: tableIdent(table) });
  const statics = new Map<string, ParsedExpr>();
  for (const [k, v] of s.partitionSpec) if (v !== undefined) statics.set(isPart(k)!.name.toLowerCase(), v);
  // static values name directories from the top: only a leading run of partition columns can be static
  let leading = 0;
  while (leading < parts.length && statics.has(parts[leading]!.name.toLowerCase())) leading++;
  if (leading !== statics.size) throw new AnalysisException("NOT_IMPLEMENTED", { feature: "INSERT with a static partition after a dynamic one" });
  const targets = table.schema.fields.filter((f) => !statics.has(f.name.toLowerCase()));
  const rows = alignRows(table, targets, s, ctx);
  const dirs: string[] = [];
  for (const p of parts.slice(0, leading)) dirs.push(`${escapePathName(p.name)}=${await staticValue(statics.get(p.name.toLowerCase())!, p, ctx)}`);
  const dynamic = parts.slice(leading).map((p) => p.name);
  await writeTableFiles(table, rows, { subdir: dirs.join("/"), overwrite: s.overwrite, partitionBy: dynamic }, ctx);
}
