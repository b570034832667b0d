import { availableParallelism } from "node:os";
import { CacheManager } from "../exec/cache/cache-manager.js";
import { WorkerPool } from "../exec/scheduler/worker-pool.js";
import { createPythonRunner } from "../python/default-runner.js";
import type { EngineServices } from "../exec/exec-context.js";

/**
 * The environment variable that limits the engine to N worker threads (and N partitions
 * run at once), as `local[N]` does for Spark; unset means one per core. Read once, when
 * the process-wide services are created, so it must be set before the first query (the
 * Python client's engine inherits the client's environment). The benchmark runs every
 * workload with 1 and with all cores to report the parallel speed-up.
 */
export const WORKER_THREADS_ENV = "TSPARK_WORKER_THREADS";

/** The worker-thread count TSPARK_WORKER_THREADS asks for, undefined when unset; throws on a non-positive-integer value. */
export function workerThreadsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number | undefined {
  const raw = env[WORKER_THREADS_ENV];
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${WORKER_THREADS_ENV} must be a positive integer, got '${raw}'`);
  }
  return n;
}

/**
 * The process-wide services: a worker-thread pool sized to the cores, or to
 * TSPARK_WORKER_THREADS (used when the compiled worker script is present, i.e. when
 * running from dist/), the cache of persisted queries, and a Python runner for tasks that run in-process (without the
 * compiled worker script); pool tasks use their worker thread's own Python process.
 */
export function createEngineServices(opts: { readonly parallelism?: number } = {}): EngineServices {
  const parallelism = Math.max(1, opts.parallelism ?? workerThreadsFromEnv() ?? availableParallelism());
  const workerPool = new WorkerPool({ size: parallelism });
  // The threads load their modules now, while the client connects, not at the first query.
  workerPool.warm();
  return { parallelism, workerPool, python: createPythonRunner(parallelism), cache: new CacheManager() };
}
