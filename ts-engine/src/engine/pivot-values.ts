import { AnalysisException } from "../errors/spark-exception.js";
import type { ExecContext } from "../exec/exec-context.js";
import { valueAt } from "../expr/eval/vectors.js";
import type { ParsedExpr } from "../expr/parsed-expr.js";
import { exprToString } from "../expr/expr-string.js";
import type { ColumnBatch } from "../columnar/batch.js";
import { mapParsedChildren, parsedChildren } from "../plan/parsed-children.js";
import type { ParsedAggregate, ParsedPlan } from "../plan/parsed-plan.js";
import type { DataType } from "../types/data-type.js";

/** Runs a query (query-engine's executeQuery, passed in so the two modules need no cycle). */
export type RunQuery = (plan: ParsedPlan, ctx: ExecContext) => Promise<{ readonly schema: { readonly fields: readonly { readonly dataType: DataType }[] }; readonly batches: AsyncIterable<ColumnBatch> }>;

/** spark.sql.pivotMaxValues. */
function maxValues(ctx: ExecContext): number {
  const n = ctx.conf.getNumber("spark.sql.pivotMaxValues");
  return Number.isInteger(n) && n > 0 ? n : 10000;
}

/**
 * A pivot without values takes its column's distinct values, sorted (ascending, nulls
 * first), as Spark's RelationalGroupedDataset.pivot finds them with
 * `select(col).distinct().limit(max + 1).sort(col)`; more than spark.sql.pivotMaxValues
 * raise _LEGACY_ERROR_TEMP_1324.
 */
async function findValues(p: ParsedAggregate & { pivot: { column: ParsedExpr } }, ctx: ExecContext, run: RunQuery): Promise<ParsedExpr[]> {
  const max = maxValues(ctx);
  const column = p.pivot.column;
  // named, so the sort can refer to it whatever expression the column is
  const distinct: ParsedPlan = { kind: "Distinct", input: { kind: "Project", input: p.input, exprs: [{ kind: "Alias", child: column, name: "pivot" }] } };
  const sorted: ParsedPlan = { kind: "Sort", input: { kind: "Limit", input: distinct, n: max + 1 }, orders: [{ kind: "SortOrder", child: { kind: "UnresolvedAttribute", nameParts: ["pivot"] }, ascending: true, nullsFirst: true }], global: true };
  const result = await run(sorted, ctx);
  const dataType = result.schema.fields[0]!.dataType;
  const values: ParsedExpr[] = [];
  for await (const b of result.batches) {
    const c = b.columns[0]!;
    for (let i = 0; i < b.numRows; i++) values.push({ kind: "Literal", value: valueAt(c, i), dataType });
  }
  if (values.length > max) {
    throw new AnalysisException("_LEGACY_ERROR_TEMP_1324", { pivotColumn: exprToString(column), maxValues: String(max), config: "spark.sql.pivotMaxValues" });
  }
  return values;
}

/** The plan with every pivot's values filled in; the same plan when none lacks them. */
export async function resolvePivotValues(plan: ParsedPlan, ctx: ExecContext, run: RunQuery): Promise<ParsedPlan> {
  const kids = parsedChildren(plan);
  let p = plan;
  if (kids.length > 0) {
    const done = new Map<ParsedPlan, ParsedPlan>();
    for (const k of kids) done.set(k, await resolvePivotValues(k, ctx, run));
    p = mapParsedChildren(plan, (c) => done.get(c) ?? c);
  }
  if (p.kind !== "Aggregate" || p.pivot === undefined || p.pivot.values !== undefined) return p;
  const pivot = p.pivot;
  return { ...p, pivot: { column: pivot.column, values: await findValues({ ...p, pivot }, ctx, run) } };
}
