import { AnalysisException } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import { valueAt } from "../expr/eval/vectors.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";
import { analyze, type AnalyzeOptions } from "../plan/analyzer/analyzer.js";
import { outputOf } from "../plan/output.js";
import { mapParsedChildren, parsedChildren } from "../plan/parsed-children.js";
import type { ParsedPlan, Transpose } from "../plan/parsed-plan.js";
import { planChildren } from "../plan/transform.js";
import { widerType } from "../types/coercion.js";
import { StringType, type DataType } from "../types/data-type.js";
import { scalaTypeString, sqlTypeName } from "../types/type-names.js";
import type { RunQuery } from "./pivot-values.js";

const POS = "__transpose_pos";

/** spark.sql.transposeMaxValues. */
function maxValues(ctx: ExecContext): number {
  const n = ctx.conf.getNumber("spark.sql.transposeMaxValues");
  return Number.isInteger(n) && n > 0 ? n : 500;
}

function fn(name: string, ...args: ParsedExpr[]): ParsedExpr {
  return { kind: "UnresolvedFunction", name, args, isDistinct: false };
}

function attr(name: string): ParsedExpr {
  return { kind: "UnresolvedAttribute", nameParts: [name] };
}

/**
 * Spark's findTightestCommonType, which Transpose casts the value columns to: equal types,
 * null with anything, numbers up the byte…double ladder, dates with timestamps; decimals only
 * with the same decimal, strings only with strings.
 */
function tightest(a: DataType, b: DataType): DataType | null {
  if ((a.kind === "decimal") !== (b.kind === "decimal") && a.kind !== "null" && b.kind !== "null") return null;
  if (a.kind === "decimal" && b.kind === "decimal" && (a.precision !== b.precision || a.scale !== b.scale)) return null;
  if ((a.kind === "float" || a.kind === "double") !== (b.kind === "float" || b.kind === "double") && (a.kind === "decimal" || b.kind === "decimal")) return null;
  return widerType(a, b);
}

/** Scala's DataType.toString, nested types included (`ArrayType(LongType,true)`), as Spark's message prints the index type. */
function scalaType(t: DataType): string {
  switch (t.kind) {
    case "array":
      return `ArrayType(${scalaType(t.elementType)},${t.containsNull})`;
    case "map":
      return `MapType(${scalaType(t.keyType)},${scalaType(t.valueType)},${t.valueContainsNull})`;
    case "struct":
      return `StructType(${t.fields.map((f) => `StructField(${f.name},${scalaType(f.dataType)},${f.nullable})`).join(",")})`;
    default:
      return scalaTypeString(t);
  }
}

/** The input's columns, which one is the index (by position) and its expression. */
function indexOf(t: Transpose, options: AnalyzeOptions): { columns: { name: string; dataType: DataType }[]; index: number; indexType: DataType; expr: ParsedExpr } {
  const input = analyze(t.input, options);
  const columns = outputOf(input).map((a) => ({ name: a.name, dataType: a.dataType }));
  if (t.indexColumn === undefined) return { columns, index: 0, indexType: columns[0]!.dataType, expr: attr(columns[0]!.name) };
  const projected = analyze({ kind: "Project", input: t.input, exprs: [t.indexColumn] }, options);
  const e = projected.kind === "Project" ? projected.exprs[0] : undefined;
  const childOut = outputOf(planChildren(projected)[0] ?? projected);
  const index = e?.kind === "AttributeRef" ? childOut.findIndex((a) => a.exprId === e.exprId) : -1;
  return { columns, index, indexType: outputOf(projected)[0]!.dataType, expr: t.indexColumn };
}

/**
 * Rewrites one Transpose as Spark's Transpose gives it: the index values are the non-null
 * index values in ascending order (at most spark.sql.transposeMaxValues, else
 * TRANSPOSE_EXCEED_ROW_LIMIT); each other column becomes one row — `key` its name, then its
 * value in each index row, cast to the columns' tightest common type — built as one global
 * aggregate per column over the rows numbered by the index, unioned in column order.
 */
async function transposed(t: Transpose, ctx: ExecContext, options: AnalyzeOptions, run: RunQuery): Promise<ParsedPlan> {
  const { columns, index, indexType, expr } = indexOf(t, options);
  if (indexType.kind === "array" || indexType.kind === "map" || indexType.kind === "struct") {
    throw new AnalysisException("TRANSPOSE_INVALID_INDEX_COLUMN", { reason: `Index column must be of atomic type, but found: ${scalaType(indexType)}` });
  }
  const values = columns.filter((_, i) => i !== index);
  let common: DataType | null = values.length === 0 ? StringType : values[0]!.dataType;
  for (const v of values.slice(1)) {
    const next: DataType | null = tightest(common!, v.dataType);
    if (next === null) throw new AnalysisException("TRANSPOSE_NO_LEAST_COMMON_TYPE", { dt1: `"${sqlTypeName(common!)}"`, dt2: `"${sqlTypeName(v.dataType)}"` });
    common = next;
  }
  const max = maxValues(ctx);
  const present: ParsedPlan = { kind: "Filter", input: t.input, condition: fn("isnotnull", expr) };
  const ascending = { kind: "SortOrder", child: expr, ascending: true, nullsFirst: true } as const;
  const sorted: ParsedPlan = { kind: "Limit", input: { kind: "Sort", input: present, orders: [ascending], global: true }, n: max + 1 };
  const result = await run({ kind: "Project", input: sorted, exprs: [{ kind: "Alias", child: { kind: "Cast", child: expr, dataType: StringType }, name: "name" }] }, ctx);
  const names: string[] = [];
  for await (const b of result.batches) for (let i = 0; i < b.numRows; i++) names.push(String(valueAt(b.columns[0]!, i)));
  if (names.length > max) throw new AnalysisException("TRANSPOSE_EXCEED_ROW_LIMIT", { maxValues: String(max), config: "spark.sql.transposeMaxValues" });
  if (values.length === 0) {
    const fields = [{ name: "key", dataType: StringType, nullable: false }, ...names.map((n) => ({ name: n, dataType: StringType, nullable: true }))];
    return { kind: "LocalRelation", schema: { kind: "struct", fields }, rows: [] };
  }
  const numbered: ParsedPlan = { kind: "WithColumns", input: present, names: [POS], exprs: [{ kind: "Window", windowFunction: fn("row_number"), partitionSpec: [], orderSpec: [ascending] }] };
  const rows = values.map((v): ParsedPlan => {
    const cells = names.map((n, i): ParsedExpr => {
      const hit = fn("==", attr(POS), { kind: "Literal", value: i + 1, dataType: { kind: "integer" } });
      const value: ParsedExpr = { kind: "Cast", child: attr(v.name), dataType: common! };
      return { kind: "Alias", child: fn("max", { kind: "CaseWhen", branches: [[hit, value]] }), name: n };
    });
    const key: ParsedExpr = { kind: "Alias", child: { kind: "Literal", value: v.name, dataType: StringType }, name: "key" };
    return { kind: "Aggregate", input: numbered, groupBy: [], aggs: [key, ...cells] };
  });
  return rows.length === 1 ? rows[0]! : { kind: "Union", inputs: rows, byName: false, allowMissingColumns: false };
}

/** The plan with every Transpose rewritten (engine/query-engine's resolveSources calls it). */
export async function resolveTransposes(plan: ParsedPlan, ctx: ExecContext, options: AnalyzeOptions, run: RunQuery): Promise<ParsedPlan> {
  const kids = parsedChildren(plan);
  let p = plan;
  if (kids.length > 0) {
    const done = new Map<ParsedPlan, ParsedPlan>();
    for (const k of kids) done.set(k, await resolveTransposes(k, ctx, options, run));
    p = mapParsedChildren(plan, (c) => done.get(c) ?? c);
  }
  if (p.kind !== "Transpose") return p;
  const out = await transposed(p, ctx, options, run);
  return p.planId === undefined ? out : { ...out, planId: p.planId };
}
