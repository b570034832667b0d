import { InternalError } from "../errors/spark-exception.js";
import type { QueryEnginePort } from "./query-engine-port.js";

function unavailable(): never {
  throw new InternalError("the query engine is not built yet (engine/query-engine.ts)");
}

/** The in-process engine (temporary stand-in until engine/query-engine.ts lands). */
export const defaultEngine: QueryEnginePort = {
  executeQuery: unavailable,
  analyzeSchema: unavailable,
  showQuery: unavailable,
  treeStringQuery: unavailable,
  explainQuery: unavailable,
  createServices: () => ({ parallelism: 1 }),
};
