import { bindReferences } from "../expr/bind.js";
import { exprSemanticEquals } from "../expr/expr-equals.js";
import { exprToString } from "../expr/expr-string.js";
import { exprType } from "../expr/expr-type.js";
import type { AggCall } from "../expr/expr.js";
import type { CollectMetrics } from "../plan/logical-plan.js";
import { outputOf } from "../plan/output.js";
import { transformExprDown } from "../plan/transform.js";
import { structField, structType } from "../types/data-type.js";
import type { CollectMetricsP, PhysicalPlan } from "./physical-plan.js";

/**
 * A CollectMetrics node's physical form: its metrics' aggregate calls bound to the input
 * (each distinct call once), and each metric as an expression over the calls' results.
 */
export function planCollectMetrics(p: CollectMetrics, input: PhysicalPlan, metricsId: number): CollectMetricsP {
  const attrs = outputOf(p.input);
  const calls: AggCall[] = [];
  const results = p.metrics.map((m) =>
    transformExprDown(m.child, (e) => {
      if (e.kind !== "AggCall") return undefined;
      const bound = { ...e, args: e.args.map((a) => bindReferences(a, attrs)) };
      let ci = calls.findIndex((c) => exprSemanticEquals(c, bound));
      if (ci < 0) ci = calls.push(bound) - 1;
      return { kind: "BoundRef", ordinal: ci, dataType: e.dataType, nullable: e.nullable, name: `_a${ci}` };
    }),
  );
  const metricsSchema = structType(p.metrics.map((m) => structField(m.name, exprType(m.child), true)));
  return {
    kind: "CollectMetrics",
    input,
    metricsId,
    name: p.name,
    ...(p.observationId === undefined ? {} : { observationId: p.observationId }),
    calls,
    results,
    metricsSchema,
    // Spark's CollectMetricsExec prints its name and metrics (not the Dataset id)
    detail: ` ${p.name}, [${p.metrics.map(exprToString).join(", ")}]`,
  };
}
