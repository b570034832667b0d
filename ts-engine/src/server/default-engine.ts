import { InternalError } from "../errors/spark-exception.js";
import type { ServerEngine } from "./engine-port.js";

function unavailable(what: string): () => never {
  return () => {
    throw new InternalError(`${what} is not available in this build yet`);
  };
}

/**
 * The engine the CLI serves. Stand-in entries until engine/query-engine.ts (H3) and
 * rdd/ (H5) land; then this file wires them in and nothing else in the server changes.
 */
export const defaultServerEngine: ServerEngine = {
  executeQuery: unavailable("the query engine (engine/query-engine.ts)"),
  analyzeSchema: unavailable("the query engine (engine/query-engine.ts)"),
  explainQuery: unavailable("the query engine (engine/query-engine.ts)"),
  showQuery: unavailable("the query engine (engine/query-engine.ts)"),
  treeStringQuery: unavailable("the query engine (engine/query-engine.ts)"),
  runRdd: unavailable("RDD execution (rdd/)"),
  createServices: () => ({ parallelism: 1 }),
};
