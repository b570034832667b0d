import type { ColumnBatch } from "../../columnar/batch.js";
import { batchToRows } from "../../columnar/rows.js";
import type { ExecContext } from "../../exec/exec-context.js";
import type { ParsedPlan } from "../../plan/parsed-plan.js";
import type { StructType } from "../../types/data-type.js";
import type { OutputMode } from "../output-mode.js";
import type { StreamSink } from "./stream-sink.js";

/** Registers (or replaces) the session temp view `name` over `plan`. */
export type ViewRegistrar = (name: string, plan: ParsedPlan, ctx: ExecContext) => void;

/** Runs a plan to its rows (vector convention) and schema. */
export type RowCollector = (plan: ParsedPlan, ctx: ExecContext) => Promise<{ readonly schema: StructType; readonly rows: unknown[][] }>;

/**
 * `format("memory").queryName(n)`: the rows so far kept in the engine and shown as the temp view
 * `n` (Spark's MemorySink), which `spark.sql`/`spark.table` read. Append and update add each
 * batch's rows; complete replaces them with the batch's.
 */
export class MemorySink implements StreamSink {
  readonly description = "MemorySink";
  private rows: unknown[][] = [];
  private committed = -1;

  constructor(private readonly viewName: string, private readonly schema: StructType, private readonly register: ViewRegistrar, private readonly collect: RowCollector) {}

  supports(): boolean {
    return true;
  }

  /** Creates the (empty) view at the query's start, as Spark does. */
  start(ctx: ExecContext): void {
    this.publish(ctx);
  }

  async addBatch(batchId: number, plan: ParsedPlan, mode: OutputMode, ctx: ExecContext): Promise<number> {
    if (batchId <= this.committed) return 0;
    const { rows } = await this.collect(plan, ctx);
    this.rows = mode === "complete" ? rows : this.rows.concat(rows);
    this.committed = batchId;
    this.publish(ctx);
    return rows.length;
  }

  private publish(ctx: ExecContext): void {
    this.register(this.viewName, { kind: "LocalRelation", schema: this.schema, rows: this.rows }, ctx);
  }
}

/** Collects a plan's rows with `execute` (engine/query-engine's executeQuery). */
export function rowCollector(execute: (plan: ParsedPlan, ctx: ExecContext) => Promise<{ readonly schema: StructType; readonly batches: AsyncIterable<ColumnBatch> }>): RowCollector {
  return async (plan, ctx) => {
    const res = await execute(plan, ctx);
    const rows: unknown[][] = [];
    for await (const b of res.batches) for (const r of batchToRows(b)) rows.push(r);
    return { schema: res.schema, rows };
  };
}
