import type { ColumnBatch } from "../columnar/batch.js";
import { makeBatch } from "../columnar/batch.js";
import { batchToRows } from "../columnar/rows.js";
import type { PhysicalPlan } from "../exec/physical-plan.js";
import { planPhysical } from "../exec/planner.js";
import { runPhysical } from "../exec/scheduler/dag-scheduler.js";
import { showString } from "../format/show-string.js";
import { treeString } from "../format/tree-string.js";
import { optimize } from "../optimizer/optimizer.js";
import { analyze } from "../plan/analyzer/analyzer.js";
import { explainPhysical } from "../exec/explain.js";
import { explainLogical } from "../plan/explain-logical.js";
import type { LogicalPlan } from "../plan/logical-plan.js";
import type { ParsedPlan } from "../plan/parsed-plan.js";
import { schemaOf } from "../plan/output.js";
import type { StructType } from "../types/data-type.js";
import type { ExecContext } from "../exec/exec-context.js";

/** An executing query: its schema, and its result batches in order, produced as they are pulled. */
export interface QueryResult {
  readonly schema: StructType;
  readonly batches: AsyncIterable<ColumnBatch>;
}

/** Explain modes of `df.explain(mode)`. */
export type ExplainMode = "simple" | "extended" | "formatted" | "cost" | "codegen";

interface Prepared {
  readonly analyzed: LogicalPlan;
  readonly optimized: LogicalPlan;
  readonly physical: PhysicalPlan;
}

function prepare(plan: ParsedPlan, ctx: ExecContext): Prepared {
  const analyzed = analyze(plan, { conf: ctx.conf });
  const optimized = optimize(analyzed, ctx.conf);
  return { analyzed, optimized, physical: planPhysical(optimized, ctx) };
}

async function* relabel(schema: StructType, src: AsyncIterable<ColumnBatch>): AsyncGenerator<ColumnBatch> {
  for await (const b of src) yield makeBatch(schema, b.columns, b.numRows);
}

/**
 * Runs a plan: analyze → optimize → physical plan → stages cut at the exchanges, every
 * operator in tasks on the worker pool (dag-scheduler). Batches come back in partition
 * order, so Sort and Limit order is kept; nothing runs until `batches` is iterated.
 */
export async function executeQuery(plan: ParsedPlan, ctx: ExecContext): Promise<QueryResult> {
  const { analyzed, physical } = prepare(plan, ctx);
  const schema = schemaOf(analyzed);
  return { schema, batches: relabel(schema, runPhysical(physical, ctx)) };
}

/** The schema of a plan (df.schema / df.columns), analysis only. */
export function analyzeSchema(plan: ParsedPlan, ctx: ExecContext): StructType {
  return schemaOf(analyze(plan, { conf: ctx.conf }));
}

/** `df.explain(mode)` text. */
export function explainQuery(plan: ParsedPlan, mode: ExplainMode, ctx: ExecContext): string {
  const p = prepare(plan, ctx);
  const physical = explainPhysical(p.physical);
  // Spark's simple explain string ends with a blank line; extended ends after the physical plan.
  if (mode !== "extended") return `${physical}\n`;
  return explainLogical(plan, p.analyzed, p.optimized) + physical;
}

/** `df.show(n, truncate, vertical)` text: runs the plan with a limit of n + 1 to know whether more rows exist. */
export async function showQuery(
  plan: ParsedPlan,
  numRows: number,
  truncate: number,
  vertical: boolean,
  ctx: ExecContext,
): Promise<string> {
  const limited: ParsedPlan = { kind: "Limit", input: plan, n: Math.max(0, numRows) + 1 };
  const res = await executeQuery(limited, ctx);
  const rows: unknown[][] = [];
  for await (const b of res.batches) {
    for (const row of batchToRows(b)) rows.push(row); // not push(...rows): show(n) has no bound on n
  }
  const hasMore = rows.length > numRows;
  const tz = ctx.conf.get("spark.sql.session.timeZone") ?? "UTC";
  return showString(res.schema, rows.slice(0, numRows), hasMore, numRows, truncate, vertical, tz);
}

/** `df.printSchema()` text. */
export function treeStringQuery(plan: ParsedPlan, ctx: ExecContext): string {
  return treeString(analyzeSchema(plan, ctx));
}
