import { availableParallelism } from "node:os";
import { WorkerPool } from "../exec/scheduler/worker-pool.js";
import { createPythonRunner } from "../python/default-runner.js";
import type { EngineServices } from "../exec/exec-context.js";

/**
 * The process-wide services: a worker-thread pool sized to the cores (used when the
 * compiled worker script is present, i.e. when running from dist/), and the Python
 * runner (worker processes, one per core, per interpreter) for UDFs and RDD lambdas.
 */
export function createEngineServices(opts: { readonly parallelism?: number } = {}): EngineServices {
  const parallelism = Math.max(1, opts.parallelism ?? availableParallelism());
  return { parallelism, workerPool: new WorkerPool({ size: parallelism }), python: createPythonRunner(parallelism) };
}
