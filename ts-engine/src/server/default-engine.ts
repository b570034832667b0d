import { availableParallelism } from "node:os";
import { InternalError } from "../errors/spark-exception.js";
import { createPythonRunner } from "../python/default-runner.js";
import { decodeRddPlan } from "../rdd/decode-rdd.js";
import { executeRdd } from "../rdd/execute-rdd.js";
import type { ServerEngine } from "./engine-port.js";

function unavailable(what: string): () => never {
  return () => {
    throw new InternalError(`${what} is not available in this build yet`);
  };
}

/**
 * The engine the CLI serves: RDD execution from rdd/ (H5). The query entries are stand-ins
 * until engine/query-engine.ts (H3) lands; then this file wires them in and nothing else in
 * the server changes.
 */
export const defaultServerEngine: ServerEngine = {
  executeQuery: unavailable("the query engine (engine/query-engine.ts)"),
  analyzeSchema: unavailable("the query engine (engine/query-engine.ts)"),
  explainQuery: unavailable("the query engine (engine/query-engine.ts)"),
  showQuery: unavailable("the query engine (engine/query-engine.ts)"),
  treeStringQuery: unavailable("the query engine (engine/query-engine.ts)"),
  runRdd: (raw, ctx) => executeRdd(decodeRddPlan(raw), ctx),
  createServices: () => ({ parallelism: availableParallelism(), python: createPythonRunner() }),
};
