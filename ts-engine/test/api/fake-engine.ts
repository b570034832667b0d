import type { QueryEnginePort } from "../../src/api/query-engine-port.js";
import { InternalError } from "../../src/errors/spark-exception.js";
import type { LogicalPlan } from "../../src/plan/logical-plan.js";

/** An engine that only records plans: for tests of what the API builds. */
export function recordingEngine(): QueryEnginePort & { readonly plans: LogicalPlan[] } {
  const plans: LogicalPlan[] = [];
  const record = (plan: LogicalPlan): never => {
    plans.push(plan);
    throw new InternalError("recording engine does not execute");
  };
  return {
    plans,
    executeQuery: async (p) => record(p),
    analyzeSchema: (p) => record(p),
    showQuery: async (p) => record(p),
    treeStringQuery: (p) => record(p),
    explainQuery: (p) => record(p),
    persistQuery: (p) => record(p),
    unpersistQuery: async (p) => record(p),
    storageLevelQuery: (p) => record(p),
    runSql: async (p) => record(p),
    writeTable: async (p) => record(p),
    createTempView: (_name, p) => record(p),
    catalogOp: () => undefined,
    createServices: () => ({ parallelism: 1 }),
  };
}
