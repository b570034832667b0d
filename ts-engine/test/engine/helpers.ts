import { SqlConf } from "../../src/conf/sql-conf.js";
import type { EngineServices, ExecContext } from "../../src/exec/exec-context.js";
import { executeQuery } from "../../src/engine/query-engine.js";
import { batchToRows } from "../../src/columnar/rows.js";
import type { Expr } from "../../src/expr/expr.js";
import type { LogicalPlan } from "../../src/plan/logical-plan.js";
import type { ParsedPlan } from "../../src/plan/parsed-plan.js";
import type { DataType, StructType } from "../../src/types/data-type.js";

/** An ExecContext for tests (in-process, no worker pool unless given). */
export function testCtx(services: EngineServices = { parallelism: 2 }, conf = new SqlConf()): ExecContext {
  return { conf, pythonExec: "python3", signal: new AbortController().signal, services };
}

/** Runs a plan and returns all rows. */
export async function collectRows(plan: ParsedPlan, ctx = testCtx()): Promise<unknown[][]> {
  const r = await executeQuery(plan, ctx);
  const rows: unknown[][] = [];
  for await (const b of r.batches) rows.push(...batchToRows(b));
  return rows;
}

export const col = (name: string): Expr => ({ kind: "UnresolvedAttribute", nameParts: [name] });
export const lit = (value: unknown, dataType: DataType): Expr => ({ kind: "Literal", value, dataType });
export const fn = (name: string, ...args: Expr[]): Expr => ({ kind: "UnresolvedFunction", name, args, isDistinct: false });
export const alias = (child: Expr, name: string): Expr => ({ kind: "Alias", child, name });
export const range = (start: number, end: number, step = 1, numPartitions?: number): LogicalPlan =>
  numPartitions === undefined ? { kind: "Range", start, end, step } : { kind: "Range", start, end, step, numPartitions };
export const local = (schema: StructType, rows: unknown[][]): LogicalPlan => ({ kind: "LocalRelation", schema, rows });
