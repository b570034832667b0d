import type { ColumnBatch } from "../../columnar/batch.js";
import type { Expr, SortOrder } from "../../expr/expr.js";
import type { HashedRelation } from "../join/hashed-relation.js";
import type { PhysicalPlan } from "../physical-plan.js";
import type { PythonPartitionTask } from "../python-partition-task.js";
import type { TaskOperatorMetrics } from "../metrics/operator-metrics.js";

/**
 * What a task does with its partition's rows: stream them back (`rows`), split them by
 * hash of `keys`, by range `bounds` or round robin into shuffle blocks, return a sample of its
 * sort keys (the first pass of a range exchange, as Spark's RangePartitioner samples), or
 * stream them back copied into shared memory (`cache`: materialising a cached relation).
 */
export type TaskOutput =
  | { readonly kind: "rows" }
  | { readonly kind: "hash"; readonly keys: readonly Expr[]; readonly numPartitions: number; readonly sparkHash?: boolean }
  | { readonly kind: "roundRobin"; readonly numPartitions: number }
  | { readonly kind: "range"; readonly orders: readonly SortOrder[]; readonly bounds: ColumnBatch }
  | { readonly kind: "sample"; readonly orders: readonly SortOrder[]; readonly size: number }
  | { readonly kind: "cache" }
  | { readonly kind: "hashed"; readonly keys: readonly Expr[] };

/** A shuffle's partition as one task reads it; other partitions of the same read are empty here. */
export interface TaskShuffleInput {
  readonly shuffleId: number;
  readonly numPartitions: number;
  /** The read partition this task's `batches` are (-1: none, the task reads another branch). */
  readonly partition: number;
  readonly batches: readonly ColumnBatch[];
}

/** A cached relation's partition as one task reads it (its batches live in shared memory). */
export interface TaskCacheInput {
  readonly cacheId: number;
  readonly numPartitions: number;
  /** The partition `batches` are (-1: none, the task reads another branch). */
  readonly partition: number;
  readonly batches: readonly ColumnBatch[];
}

/** A broadcast's rows, whole, with its shared hash index when it was hashed (`relation.batch` is then the rows). */
export interface TaskBroadcastInput {
  readonly broadcastId: number;
  readonly batches: readonly ColumnBatch[];
  readonly relation?: HashedRelation;
}

/**
 * One partition of one stage, as plain structured-clonable data: the stage's plan (local
 * rows cut to this partition), the shuffle blocks and broadcasts it reads, and where its
 * output goes. The same task runs on a worker thread or, without a pool, in-process.
 */
export interface StageTask {
  readonly stageId: number;
  readonly plan: PhysicalPlan;
  readonly partition: number;
  readonly output: TaskOutput;
  readonly shuffles: readonly TaskShuffleInput[];
  readonly broadcasts: readonly TaskBroadcastInput[];
  readonly cached: readonly TaskCacheInput[];
  /**
   * The task may run again (a retried Python task): its shuffle blocks are copied to the
   * worker, not moved, so the main thread still holds them for the next attempt.
   */
  readonly retryable?: boolean;
  /** Which attempt this is (0 first, absent too): a task whose worker thread died runs again (task-retry.ts). */
  readonly attempt?: number;
  /** Take the task's per-operator metrics (exec/metrics) and send them back with its end. */
  readonly profile?: boolean;
}

/**
 * One output item of a task: a batch (`bucket` -1), an RDD step's output tagged with its
 * reduce partition (`bucket`), or a shuffle map task's chunk of rows grouped by reduce
 * partition (`offsets`: partition p is rows [offsets[p], offsets[p + 1])).
 * A `hashed` task's one item also carries the relation (its batch is the rows).
 */
export interface TaskItem {
  readonly bucket: number;
  readonly batch: ColumnBatch;
  readonly offsets?: Int32Array;
  readonly relation?: HashedRelation;
  /** A CollectMetrics operator's partial states (one row), not output rows: the operator's metricsId. */
  readonly metricsId?: number;
}

/**
 * Test hook (fault tests only): a worker thread dies, as a crash would, on a task that reads a
 * shuffle, so that the pool's replacement and the task's retry are tested. "true" or "exit":
 * process.exit in the thread on every attempt; "exit:N": on the first N attempts only; "throw"
 * and "throw:N": an uncaught error in the thread instead (worker-main.ts).
 */
export const CRASH_TEST_CONF = "spark.tspark.test.workerExitOnShuffleRead";

/**
 * The message that starts a task on a worker, with the session's conf and the client's
 * interpreter (ExecContext.pythonExec: the worker's own Python processes run its UDFs).
 */
export interface WorkerTask {
  readonly type: "run";
  readonly taskId: number;
  readonly task: StageTask;
  readonly conf: readonly (readonly [string, string])[];
  readonly pythonExec: string;
}

/** The message that starts an RDD partition's Python step on a worker; its blobs stream back as binary batches. */
export interface WorkerPythonTask {
  readonly type: "runPython";
  readonly taskId: number;
  readonly task: PythonPartitionTask;
  readonly pythonExec: string;
  /** RunOptions.workerMemoryMb of the session (spark.executor.pyspark.memory); absent: no limit. */
  readonly workerMemoryMb?: number;
}

/** Messages a worker sends back. Errors carry the SparkException's fields. */
export type WorkerReply =
  | {
      readonly type: "batch";
      readonly taskId: number;
      readonly bucket: number;
      readonly batch: ColumnBatch;
      readonly offsets?: Int32Array;
      readonly relation?: HashedRelation;
      readonly metricsId?: number;
    }
  | { readonly type: "done"; readonly taskId: number; readonly operatorMetrics?: TaskOperatorMetrics }
  | {
      readonly type: "error";
      readonly taskId: number;
      readonly exceptionName: string;
      readonly errorClass: string;
      readonly params: Readonly<Record<string, string>>;
      readonly sqlState: string;
      readonly message: string;
      readonly pythonTraceback?: string;
    }
  | { readonly type: "closed" };

/**
 * Messages the main thread sends besides tasks. `close`: the pool is stopping; the worker
 * stops its Python processes (killing any still busy) and answers `closed`.
 */
export type WorkerControl =
  | { readonly type: "ack"; readonly taskId: number }
  | { readonly type: "cancel"; readonly taskId: number }
  | { readonly type: "close" };
