import { makeBatch, type ColumnBatch } from "../columnar/batch.js";
import { batchToRows } from "../columnar/rows.js";
import type { Vector } from "../columnar/vector.js";
import { evaluate } from "../expr/eval/evaluate.js";
import type { Accumulator } from "../expr/functions/aggregate/accumulator.js";
import { structField, structType } from "../types/data-type.js";
import { makeAccumulator } from "./aggregate/agg-spec.js";
import type { ExecContext } from "./exec-context.js";
import type { CollectMetricsP, PhysicalPlan } from "./physical-plan.js";
import { childrenOf } from "./physical-plan.js";
import { evalContextOf } from "./util.js";
import type { ObservedMetrics } from "./observation-store.js";

/** The plan's CollectMetrics nodes, each once. */
export function collectMetricsNodes(plan: PhysicalPlan): CollectMetricsP[] {
  const out: CollectMetricsP[] = [];
  const visit = (p: PhysicalPlan): void => {
    if (p.kind === "CollectMetrics") out.push(p);
    const kids = p.kind === "ShuffleRead" || p.kind === "BroadcastRead" ? [p.exchange.input] : childrenOf(p);
    for (const c of kids) visit(c);
  };
  visit(plan);
  return out;
}

/**
 * Merges the partial states that one query's tasks report for each of its CollectMetrics
 * nodes (Spark's AggregatingAccumulator merged on the driver), and gives their values when
 * the query ends.
 */
export class MetricsCollector {
  private readonly accs = new Map<number, { readonly node: CollectMetricsP; readonly accs: readonly Accumulator[] }>();

  constructor(
    nodes: readonly CollectMetricsP[],
    private readonly ansi: boolean,
  ) {
    for (const node of nodes) {
      const accs = node.calls.map((c) => makeAccumulator(c, ansi));
      for (const a of accs) a.ensure(1);
      this.accs.set(node.metricsId, { node, accs });
    }
  }

  /** Folds one task's partial row for node `metricsId` (its columns: each call's partial columns in turn). */
  merge(metricsId: number, partial: ColumnBatch): void {
    const e = this.accs.get(metricsId);
    if (e === undefined) return;
    const groups = new Int32Array(1);
    let at = 0;
    for (const a of e.accs) {
      const cols = partial.columns.slice(at, at + a.partialTypes.length);
      at += a.partialTypes.length;
      a.merge(groups, 1, cols);
    }
  }

  /** Every node's metric values, from what was merged (no rows: each aggregate's empty result). */
  results(ctx: ExecContext): ObservedMetrics[] {
    const ectx = evalContextOf(ctx);
    return [...this.accs.values()].map(({ node, accs }) => {
      const cols: Vector[] = accs.map((a) => a.result(1));
      const inSchema = structType(cols.map((c, i) => structField(`_a${i}`, c.type, true)));
      const callRow = makeBatch(inSchema, cols, 1);
      const out = node.results.map((r) => evaluate(r, callRow, ectx));
      const row = batchToRows(makeBatch(node.metricsSchema, out, 1))[0] ?? [];
      return { name: node.name, ...(node.observationId === undefined ? {} : { observationId: node.observationId }), schema: node.metricsSchema, values: row };
    });
  }
}
