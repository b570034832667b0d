import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { sliceBatch } from "../../columnar/rows.js";
import type { Vector } from "../../columnar/vector.js";
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
    const ectx = evalContextOf(ctx);
    const k = this.groupBy.length;
    const keyTypes = this.groupBy.map(exprType);
    const table = new GroupHashTable(keyTypes);
    const accs: Accumulator[] = this.calls.map((c) => makeAccumulator(c.call, ectx.ansi));
    if (k === 0) {
      table.findOrInsert([], 1);
      for (const a of accs) a.ensure(1);
    }
    const args = this.calls.map((c) => updateArgs(c.call).map(stripAlias));
    let count = 0;
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      const n = b.numRows;
      if (n === 0) continue;
      let groups: Int32Array;
      if (k === 0) groups = singleGroupIds(n);
      else {
        const keys: Vector[] = this.groupBy.map((g) => (g.kind === "BoundRef" ? b.columns[g.ordinal]! : evaluate(g, b, ectx)));
        groups = table.findOrInsert(keys, n);
      }
      for (let a = 0; a < accs.length; a++) {
        const acc = accs[a]!;
        const c = this.calls[a]!;
        acc.ensure(table.size);
        if (c.input === "merge") acc.merge(groups, n, b.columns.slice(c.offset, c.offset + acc.partialTypes.length));
        else acc.update(groups, n, args[a]!.map((e) => evaluate(e, b, ectx)));
      }
      if (++count % 8 === 0) await yieldToEventLoop();
    }
    yield* this.emit(table, accs, ectx);
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
