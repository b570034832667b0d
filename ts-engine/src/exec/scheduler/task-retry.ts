import { SparkException } from "../../errors/spark-exception.js";
import { stageFailure } from "../../python/worker-errors.js";
import type { TaskItem } from "./task.js";

/** The error class of a task whose worker thread died under it (not a Spark class: Spark says ExecutorLostFailure). */
export const THREAD_LOST = "WORKER_THREAD_EXITED_UNEXPECTEDLY";

/**
 * A task's worker thread died while running it (process.exit in the thread, a fatal error,
 * its heap out of memory), worded as Spark words a lost executor.
 */
export function threadLostError(threadId: number, why: string): SparkException {
  return new SparkException("SparkException", THREAD_LOST, {
    message: `ExecutorLostFailure (worker thread ${threadId} exited caused by one of the running tasks) Reason: ${why}`,
  });
}

/** Whether `e` says a task's worker thread died (the task may run again on a fresh thread). */
export function threadLost(e: unknown): e is SparkException {
  return e instanceof SparkException && e.errorClass === THREAD_LOST;
}

/** Which task a retry loop runs, how often it may, and whether its query was cancelled meanwhile. */
export interface RetryScope {
  readonly stageId: number;
  readonly partition: number;
  /** spark.task.maxFailures. */
  readonly maxFailures: number;
  readonly cancelled: () => boolean;
}

/**
 * A task's items, streamed as its attempt makes them; when the attempt's worker thread dies, the
 * task runs again (`attempt(n)`, n = 1, 2, …) up to `maxFailures` attempts in all, as Spark
 * retries a task whose executor was lost, and then the job fails naming the task. Items the
 * consumer already has are not given twice: a task reads the same input in the same order (a
 * shuffle's chunks come in map partition order, even when their stage ran again) and runs the
 * same operators, so its next attempt makes the same items, and the first ones are skipped.
 * Each skipped item is checked against the one given (its bucket and row count); an attempt
 * that differs (a spilled block read back in other pieces) cannot be resumed, and the job fails.
 */
export async function* retriedOnThreadLoss(attempt: (n: number) => Promise<AsyncIterable<TaskItem>>, scope: RetryScope): AsyncGenerator<TaskItem> {
  /** bucket and row count of every item given so far, in pairs */
  const given: number[] = [];
  for (let n = 0; ; n++) {
    let seen = 0;
    let diverged = false;
    try {
      for await (const item of await attempt(n)) {
        if (seen < given.length) {
          if (given[seen] !== item.bucket || given[seen + 1] !== item.batch.numRows) {
            diverged = true;
            break;
          }
          seen += 2;
          continue;
        }
        given.push(item.bucket, item.batch.numRows);
        seen += 2;
        yield item;
      }
      if (!diverged) return;
    } catch (e) {
      if (!threadLost(e) || scope.cancelled()) throw e;
      if (n + 1 >= scope.maxFailures) throw stageFailure(e, scope.partition, scope.stageId, n + 1);
      continue;
    }
    throw new SparkException("SparkException", THREAD_LOST, {
      message: `Task ${scope.partition} in stage ${scope.stageId}.0 lost its worker thread after returning part of its output, and cannot be resumed: its next attempt made different output`,
    });
  }
}

/** `items`, then `cleanup()` however they end. */
export async function* closing<T>(items: AsyncIterable<T>, cleanup: () => void): AsyncGenerator<T> {
  try {
    yield* items;
  } finally {
    cleanup();
  }
}
