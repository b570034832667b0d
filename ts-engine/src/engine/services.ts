import { availableParallelism } from "node:os";
import { WorkerPool } from "../exec/scheduler/worker-pool.js";
import type { EngineServices } from "./exec-context.js";

/**
 * The process-wide services: a worker-thread pool sized to the cores (used when the
 * compiled worker script is present, i.e. when running from dist/).
 */
export function createEngineServices(opts: { readonly parallelism?: number } = {}): EngineServices {
  const parallelism = Math.max(1, opts.parallelism ?? availableParallelism());
  return { parallelism, workerPool: new WorkerPool({ size: parallelism }) };
}
