import type { SqlConf } from "../conf/sql-conf.js";
import type { LogicalPlan } from "../plan/logical-plan.js";
import type { OptimizerRule } from "./rule.js";
import { COMPUTE_CURRENT_TIME, computeCurrentTime } from "./rules/compute-current-time.js";
import { collapseProject } from "./rules/collapse-project.js";
import { collapseWindow } from "./rules/collapse-window.js";
import { extractPythonUdfs } from "./rules/extract-python-udfs.js";
import { constantFolding } from "./rules/constant-folding.js";
import { booleanSimplification } from "./rules/boolean-simplification.js";
import { pruneColumns } from "./rules/prune-columns.js";
import { pushDownFilter } from "./rules/push-down-filter.js";
import { collapseRepartition } from "./rules/collapse-repartition.js";
import { combineFilters } from "./rules/combine-filters.js";
import { inferFiltersFromConstraints } from "./rules/infer-filters-from-constraints.js";
import { reorderJoin } from "./rules/reorder-join.js";

/**
 * The optimizer's rules, in the order they run. ExtractPythonUDFs comes last, as in Spark,
 * so that it sees the final projections and filters.
 */
export const OPTIMIZER_RULES: readonly OptimizerRule[] = [
  constantFolding,
  booleanSimplification,
  reorderJoin,
  pushDownFilter,
  combineFilters,
  inferFiltersFromConstraints,
  collapseRepartition,
  collapseProject,
  collapseWindow,
  pruneColumns,
  extractPythonUdfs,
];

const MAX_ITERATIONS = 10;

/** Rule names listed in `spark.sql.optimizer.excludedRules` (comma-separated). */
export function excludedRules(conf: SqlConf): Set<string> {
  const raw = conf.get("spark.sql.optimizer.excludedRules") ?? "";
  return new Set(
    raw
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.length > 0)
      .map((s) => s.replace(/^.*\./, "")),
  );
}

/** Runs the rules in order, repeatedly, until none changes the plan (or an iteration cap). */
export function optimize(plan: LogicalPlan, conf: SqlConf, rules: readonly OptimizerRule[] = OPTIMIZER_RULES): LogicalPlan {
  const skip = excludedRules(conf);
  const active = rules.filter((r) => !skip.has(r.name));
  let cur = skip.has(COMPUTE_CURRENT_TIME) ? plan : computeCurrentTime(plan, Date.now() * 1000, conf.get("spark.sql.session.timeZone") ?? "UTC");
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    let next = cur;
    for (const r of active) next = r.apply(next, conf);
    if (next === cur) break;
    cur = next;
  }
  return cur;
}
