import { makeBatch, type ColumnBatch } from "../columnar/batch.js";
import { evaluate } from "../expr/eval/evaluate.js";
import type { AggCall } from "../expr/expr.js";
import { singleGroupIds } from "../expr/functions/aggregate/accumulator.js";
import { structField, structType, type StructType } from "../types/data-type.js";
import { makeAccumulator, updateArgs } from "./aggregate/agg-spec.js";
import type { ExecContext } from "./exec-context.js";
import type { ExecutionPlan } from "./execution-plan.js";
import { evalContextOf, throwIfAborted } from "./util.js";

/** The schema of the partial states of `calls`, one column per accumulator partial. */
export function metricsPartialSchema(calls: readonly AggCall[], ansi: boolean): StructType {
  const fields = calls.flatMap((c, i) => makeAccumulator(c, ansi).partialTypes.map((t, j) => structField(`_m${i}_${j}`, t, true)));
  return structType(fields);
}

/**
 * Spark's CollectMetricsExec: passes its input's batches on unchanged while folding every row
 * into one accumulator per metric aggregate (a single group), then reports the partial
 * states through `ctx.reportMetrics` when its partition ends, to be merged by the query (a
 * partition that is cut short, as a limit does, reports nothing, as a Spark task that does
 * not finish adds nothing to the metrics' accumulators).
 */
export class CollectMetricsExec implements ExecutionPlan {
  readonly name = "CollectMetrics";
  readonly children: readonly ExecutionPlan[];

  constructor(
    readonly child: ExecutionPlan,
    private readonly metricsId: number,
    private readonly calls: readonly AggCall[],
    private readonly detail: string,
  ) {
    this.children = [child];
  }

  get schema(): StructType {
    return this.child.schema;
  }

  numPartitions(ctx: ExecContext): number {
    return this.child.numPartitions(ctx);
  }

  explainDetail(): string {
    return this.detail;
  }

  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const ansi = ctx.conf.ansi;
    const ectx = evalContextOf(ctx);
    const accs = this.calls.map((c) => makeAccumulator(c, ansi));
    for (const a of accs) a.ensure(1);
    for await (const b of this.child.execute(partition, ctx)) {
      throwIfAborted(ctx);
      if (b.numRows > 0) {
        const groups = singleGroupIds(b.numRows);
        this.calls.forEach((c, i) => accs[i]!.update(groups, b.numRows, updateArgs(c).map((a) => evaluate(a, b, ectx))));
      }
      yield b;
    }
    const partial = accs.flatMap((a) => a.partial(1));
    ctx.reportMetrics?.(this.metricsId, makeBatch(metricsPartialSchema(this.calls, ansi), partial, 1));
  }
}
