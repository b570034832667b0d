import type { SqlConf } from "../conf/sql-conf.js";
import type { ColumnBatch } from "../columnar/batch.js";
import type { ObservationStore } from "./observation-store.js";
import type { WorkerPool } from "./scheduler/worker-pool.js";
import type { PythonRunner } from "../python/python-runner.js";
import type { CacheManager } from "./cache/cache-manager.js";
import type { SessionCheckpoints } from "./cache/session-checkpoints.js";
import type { SessionCatalog } from "../catalog/session-catalog.js";
import type { TaskMetricsRecorder } from "./metrics/operator-metrics.js";
import type { QueryProfile } from "./metrics/query-profile.js";
import type { ProfileStore } from "./metrics/profile-store.js";

/**
 * What a running query may use: the session's conf, the Python interpreter that runs
 * its UDFs and lambdas (the client's own), and a signal that fires on interrupt.
 * Services (worker pool, Python runner) are looked up through `services` so that the
 * exec layer does not import the server.
 */
export interface ExecContext {
  readonly conf: SqlConf;
  readonly pythonExec: string;
  readonly signal: AbortSignal;
  readonly services: EngineServices;
  /** The session's catalog (temp views, global_temp); absent = no named relations. */
  readonly catalog?: SessionCatalog;
  /** Where a task's CollectMetrics operators report their partial states (run-task.ts); absent = nobody gathers them. */
  readonly reportMetrics?: (metricsId: number, partial: ColumnBatch) => void;
  /** The session's observed metrics (df.observe), which each finished action records; absent = not kept. */
  readonly observations?: ObservationStore;
  /** The session's checkpoints (df.checkpoint), freed with it; absent = checkpoints cannot be made. */
  readonly checkpoints?: SessionCheckpoints;
  /** The session's last profiled runs (explain formatted shows their metrics); absent = none kept. */
  readonly profiles?: ProfileStore;
  /** The running query's per-operator metrics, gathered as its tasks end; absent = not taken. */
  readonly profile?: QueryProfile;
  /** The running task's operator meters (exec/metrics/metered-exec.ts); absent = not metered. */
  readonly operatorMetrics?: TaskMetricsRecorder;
}

/** Long-lived, process-wide services shared by all sessions. */
export interface EngineServices {
  /** Number of partitions to run at once (cores). */
  readonly parallelism: number;
  /** Worker threads that run narrow pipelines per partition; absent = everything in-process. */
  readonly workerPool?: WorkerPool;
  /**
   * Runs user Python code (UDFs, RDD lambdas) for tasks that run on this thread: with a
   * worker pool that is none (each worker thread has a Python process of its own), without
   * one (tests on TS sources) every task. Absent → the process-wide default runner.
   */
  readonly python?: PythonRunner;
  /**
   * The cache of persisted queries (df.cache / persist), shared by every session; absent =
   * no caching (a cached relation then cannot run).
   */
  readonly cache?: CacheManager;
  /** Told where each finished task ran (tests and tracing); absent = nobody listens. */
  readonly onTask?: (event: TaskEvent) => void;
}

/** One finished task: its stage, partition, the operator kinds it ran and its thread (0 = main). */
export interface TaskEvent {
  readonly stageId: number;
  readonly partition: number;
  readonly kinds: readonly string[];
  readonly threadId: number;
}
