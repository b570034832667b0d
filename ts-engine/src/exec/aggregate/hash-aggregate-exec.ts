import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { sliceBatch } from "../../columnar/rows.js";
import { vectorByteSize, type Vector } from "../../columnar/vector.js";
import type { ExecContext } from "../exec-context.js";
import { evaluate, type EvalContext } from "../../expr/eval/evaluate.js";
import type { AggCall, Expr } from "../../expr/expr.js";
import { exprType } from "../../expr/expr-type.js";
import { structField, structType, type DataType, type StructType } from "../../types/data-type.js";
import type { ExecutionPlan } from "../execution-plan.js";
import { evalContextOf, stripAlias, throwIfAborted, yieldToEventLoop } from "../util.js";
import { singleGroupIds, type Accumulator } from "../../expr/functions/aggregate/accumulator.js";
import { makeAccumulator, updateArgs } from "./agg-spec.js";
import { GroupHashTable } from "./group-hash-table.js";
import type { AggCallPlan } from "../physical-plan.js";
import { AggregateSpill } from "./agg-spill.js";
import { executionMemory } from "../memory/memory-size.js";
import { MEMORY_POOL, type MemoryReservation } from "../memory/memory-pool.js";

/** When a partial aggregation gives up grouping (Spark's spark.sql.aggregate.skipPartialAggregate*), or null when it never does. */
function skipPolicy(ctx: ExecContext): { readonly minRows: number; readonly ratio: number } | null {
  const c = ctx.conf;
  if (!c.getBoolean("spark.sql.aggregate.skipPartialAggregate")) return null;
  return { minRows: c.getNumber("spark.sql.aggregate.skipPartialAggregateMinNumRows"), ratio: c.getNumber("spark.sql.aggregate.skipPartialAggregateAggregateRatio") };
}

/** The batch schema of a partial aggregation's output: [keys…, each call's partial state…]. */
export function partialSchema(groupBy: readonly Expr[], calls: readonly AggCall[], ansi: boolean): StructType {
  const fields = groupBy.map((g, i) => structField(`_k${i}`, exprType(g), true));
  calls.forEach((c, ci) =>
    makeAccumulator(c, ansi).partialTypes.forEach((t: DataType, j) => fields.push(structField(`_a${ci}_${j}`, t, true))),
  );
  return structType(fields);
}

/**
 * Hash aggregation of one partition over an open-addressing table of typed arrays.
 * `groupBy` is bound to the input's columns; each call either updates from raw rows or
 * merges partial states (AggCallPlan), so one operator covers Spark's Partial,
 * PartialMerge, Final and Complete modes. `output` partial yields [keys…, states…];
 * final evaluates `results`, bound to [keys…, aggregate results…]. With no grouping
 * there is always exactly one group, so an empty input still gives one row (count 0,
 * sum null), as in Spark.
 */
export class HashAggregateExec implements ExecutionPlan {
  readonly name = "HashAggregate";
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    readonly groupBy: readonly Expr[],
    readonly calls: readonly AggCallPlan[],
    readonly output: "partial" | "final",
    readonly results: readonly Expr[],
    readonly schema: StructType,
    private readonly detail: string,
  ) {
    this.children = [child];
  }

  numPartitions(ctx: ExecContext): number {
    return this.child.numPartitions(ctx);
  }

  explainDetail(): string {
    return this.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const memory = MEMORY_POOL.register("HashAggregate", executionMemory(ctx.conf));
    const spill = this.output === "final" && this.groupBy.length > 0 ? new AggregateSpill(ctx.conf, this.groupBy.length) : null;
    try {
      yield* this.aggregate(this.child.execute(partition, ctx), this.groupBy, this.calls, ctx, memory, spill);
    } finally {
      // Ends, fails or is cancelled: no spill file outlives the task.
      await spill?.close();
      memory.close();
    }
  }

  /**
   * Aggregates `input` within the task's budget. The table's groups are accounted as they
   * appear; when the budget has no room, a partial aggregation emits what it has (the
   * final one downstream merges it), a final one spills its groups as partial rows into
   * hash partitions and starts over, then re-aggregates each partition on its own (merging
   * states; `spill` null there, so a partition that still does not fit fails with
   * UNABLE_TO_ACQUIRE_MEMORY).
   */
  private async *aggregate(
    input: AsyncIterable<ColumnBatch>,
    groupBy: readonly Expr[],
    calls: readonly AggCallPlan[],
    ctx: ExecContext,
    memory: MemoryReservation,
    spill: AggregateSpill | null,
  ): AsyncIterable<ColumnBatch> {
    const ectx = evalContextOf(ctx);
    const k = groupBy.length;
    const keyTypes = groupBy.map(exprType);
    let table = new GroupHashTable(keyTypes);
    let accs: Accumulator[] = calls.map((c) => makeAccumulator(c.call, ectx.ansi));
    if (k === 0) {
      table.findOrInsert([], 1);
      for (const a of accs) a.ensure(1);
    }
    const args = calls.map((c) => updateArgs(c.call).map(stripAlias));
    // Heap bytes per group beyond its keys: hash slots and stored hash (~16), a state
    // array slot per partial column (8 each), and the tables' doubling slack.
    const stateBytes = 16 + 8 * accs.reduce((s, a) => s + a.partialTypes.length, 0);
    let accounted = table.size;
    let count = 0;
    const skip = this.output === "partial" && k > 0 ? skipPolicy(ctx) : null;
    let seen = 0;
    /** Rows the current table has grouped (since it was last emitted). */
    let tableRows = 0;
    let passThrough = false;
    for await (const b of input) {
      throwIfAborted(ctx);
      const n = b.numRows;
      if (n === 0) continue;
      if (passThrough) {
        yield this.rowsAsPartials(b, groupBy, calls, args, ectx);
        if (++count % 8 === 0) await yieldToEventLoop();
        continue;
      }
      seen += n;
      tableRows += n;
      let groups: Int32Array;
      let keys: Vector[] = [];
      if (k === 0) groups = singleGroupIds(n);
      else {
        keys = groupBy.map((g) => (g.kind === "BoundRef" ? b.columns[g.ordinal]! : evaluate(g, b, ectx)));
        // the table's own array, read by the accumulators below before the next batch
        groups = table.findOrInsert(keys, n, true);
      }
      for (let a = 0; a < accs.length; a++) {
        const acc = accs[a]!;
        const c = calls[a]!;
        acc.ensure(table.size);
        if (c.input === "merge") acc.merge(groups, n, b.columns.slice(c.offset, c.offset + acc.partialTypes.length));
        else acc.update(groups, n, args[a]!.map((e) => evaluate(e, b, ectx)));
      }
      if (table.size > accounted) {
        const keyBytes = keys.reduce((s, v) => s + vectorByteSize(v), 0) / n;
        const bytes = Math.ceil((table.size - accounted) * (keyBytes + stateBytes) * 1.5);
        if (!memory.tryGrow(bytes)) {
          // Spark's skipping partial aggregation: when the table is full and grouping has kept
          // nearly every row, it is wasted work (the final aggregation groups again): from
          // here rows pass on as their own partial states instead of filling a new table
          if (skip !== null && seen >= skip.minRows && table.size > skip.ratio * tableRows) passThrough = true;
          if (this.output === "partial") yield* this.emit(table, accs, ectx);
          else if (spill !== null) await spill.write(this.partialRows(table, accs));
          else memory.grow(bytes);
          table = new GroupHashTable(keyTypes);
          accs = calls.map((c) => makeAccumulator(c.call, ectx.ansi));
          memory.free();
          tableRows = 0;
        }
        accounted = table.size;
      }
      if (++count % 8 === 0) await yieldToEventLoop();
    }
    if (passThrough) return;
    if (spill === null || spill.spills === 0) {
      yield* this.emit(table, accs, ectx);
      return;
    }
    await spill.write(this.partialRows(table, accs));
    memory.free();
    // Re-aggregate each partition from its partial rows: keys first, then every state.
    const keyRefs: Expr[] = keyTypes.map((dataType, i) => ({ kind: "BoundRef", ordinal: i, dataType, nullable: true, name: `_k${i}` }));
    let offset = k;
    const merges: AggCallPlan[] = calls.map((c, a) => {
      const m: AggCallPlan = { call: c.call, input: "merge", offset };
      offset += accs[a]!.partialTypes.length;
      return m;
    });
    for (const part of await spill.partitions()) {
      yield* this.aggregate(part, keyRefs, merges, ctx, memory, null);
      memory.free();
    }
  }

  /** Each row of `b` as its own group's partial state [keys…, states…] (a skipped partial aggregation). */
  private rowsAsPartials(b: ColumnBatch, groupBy: readonly Expr[], calls: readonly AggCallPlan[], args: readonly (readonly Expr[])[], ectx: EvalContext): ColumnBatch {
    const n = b.numRows;
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) ids[i] = i;
    const keys = groupBy.map((g) => (g.kind === "BoundRef" ? b.columns[g.ordinal]! : evaluate(g, b, ectx)));
    const states = calls.flatMap((c, a) => {
      const acc = makeAccumulator(c.call, ectx.ansi);
      acc.ensure(n);
      if (c.input === "merge") acc.merge(ids, n, b.columns.slice(c.offset, c.offset + acc.partialTypes.length));
      else acc.update(ids, n, args[a]!.map((e) => evaluate(e, b, ectx)));
      return acc.partial(n);
    });
    return makeBatch(this.schema, [...keys, ...states], n);
  }

  /** The table's groups as partial rows [keys…, states…], in batches. */
  private *partialRows(table: GroupHashTable, accs: readonly Accumulator[]): Iterable<ColumnBatch> {
    const g = table.size;
    for (const a of accs) a.ensure(g);
    const cols = [...table.keyVectors(), ...accs.flatMap((a) => a.partial(g))];
    const out = makeBatch(structType(cols.map((v, i) => structField(`_c${i}`, v.type, true))), cols, g);
    for (let s = 0; s < g; s += BATCH_SIZE) yield sliceBatch(out, s, s + BATCH_SIZE);
  }

  private *emit(table: GroupHashTable, accs: readonly Accumulator[], ectx: EvalContext): Iterable<ColumnBatch> {
    const g = table.size;
    const keys = table.keyVectors();
    for (const a of accs) a.ensure(g);
    if (this.output === "partial") {
      const cols = [...keys, ...accs.flatMap((a) => a.partial(g))];
      const out = makeBatch(this.schema, cols, g);
      for (let s = 0; s < g || s === 0; s += BATCH_SIZE) {
        yield sliceBatch(out, s, s + BATCH_SIZE);
        if (g === 0) break;
      }
      return;
    }
    const inner = [...keys, ...accs.map((a) => a.result(g))];
    const innerSchema = structType(inner.map((v, i) => structField(`_c${i}`, v.type, true)));
    const row = makeBatch(innerSchema, inner, g);
    const cols = this.results.map((e) => {
      const x = stripAlias(e);
      return x.kind === "BoundRef" ? inner[x.ordinal]! : evaluate(x, row, ectx);
    });
    const out = makeBatch(this.schema, cols, g);
    for (let s = 0; s < g; s += BATCH_SIZE) yield sliceBatch(out, s, s + BATCH_SIZE);
  }
}
