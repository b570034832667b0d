import type { Alias } from "../../expr/expr.js";
import type { CollectMetrics, LogicalPlan } from "../logical-plan.js";
import { invariant } from "./check.js";

/** A CollectMetrics node; the analyzer has checked its metrics (INVALID_OBSERVED_METRICS). */
export function collectMetrics(input: LogicalPlan, name: string, metrics: readonly Alias[], observationId?: string): CollectMetrics {
  invariant(metrics.length > 0, "CollectMetrics", () => "no metrics");
  return Object.freeze({ kind: "CollectMetrics", input, name, metrics, ...(observationId === undefined ? {} : { observationId }) });
}
