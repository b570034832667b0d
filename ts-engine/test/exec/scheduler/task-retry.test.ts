import { describe, expect, it } from "vitest";
import { batchToRows, rowsToBatch } from "../../../src/columnar/rows.js";
import { closing, retriedOnThreadLoss, threadLostError, type RetryScope } from "../../../src/exec/scheduler/task-retry.js";
import type { TaskItem } from "../../../src/exec/scheduler/task.js";
import { InternalError } from "../../../src/errors/spark-exception.js";
import { LongType } from "../../../src/types/data-type.js";

const schema = { kind: "struct" as const, fields: [{ name: "v", dataType: LongType, nullable: true }] };

function item(...values: number[]): TaskItem {
  return { bucket: -1, batch: rowsToBatch(schema, values.map((v) => [v])) };
}

/** An attempt that yields `items` and then, when `dies`, loses its thread. */
async function* attemptOf(items: readonly TaskItem[], dies: boolean): AsyncGenerator<TaskItem> {
  for (const i of items) yield i;
  if (dies) throw threadLostError(7, "exited with code 70");
}

const scope = (maxFailures = 4, cancelled = () => false): RetryScope => ({ stageId: 3, partition: 1, maxFailures, cancelled });

async function values(items: AsyncIterable<TaskItem>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const i of items) out.push(...batchToRows(i.batch).map((r) => r[0]));
  return out;
}

describe("a task retried when its worker thread dies (task-retry.ts)", () => {
  const all = [item(1, 2), item(3), item(4, 5, 6)];

  it("gives each item once: a later attempt's items that were given already are skipped", async () => {
    const attempts: number[] = [];
    const out = await values(
      retriedOnThreadLoss(async (n) => {
        attempts.push(n);
        return n === 0 ? attemptOf(all.slice(0, 2), true) : n === 1 ? attemptOf(all.slice(0, 1), true) : attemptOf(all, false);
      }, scope()),
    );
    expect(out).toEqual([1, 2, 3, 4, 5, 6]);
    expect(attempts).toEqual([0, 1, 2]);
  });

  it("fails the job after maxFailures attempts, as Spark's stage failure words it", async () => {
    let n = 0;
    const run = values(retriedOnThreadLoss(async () => (n++, attemptOf(all.slice(0, 1), true)), scope(3)));
    await expect(run).rejects.toMatchObject({
      errorClass: "WORKER_THREAD_EXITED_UNEXPECTEDLY",
      message: expect.stringMatching(/^Job aborted due to stage failure: Task 1 in stage 3\.0 failed 3 times, most recent failure: Lost task 1\.2 in stage 3\.0: \[WORKER_THREAD_EXITED_UNEXPECTEDLY\] ExecutorLostFailure \(worker thread 7 exited/),
    });
    expect(n).toBe(3);
  });

  it("does not retry other errors, or a cancelled query", async () => {
    let n = 0;
    await expect(
      values(retriedOnThreadLoss(async () => {
        n++;
        // eslint-disable-next-line require-yield
        return (async function* () {
          throw new InternalError("boom");
        })();
      }, scope())),
    ).rejects.toMatchObject({ errorClass: "INTERNAL_ERROR" });
    expect(n).toBe(1);
    await expect(values(retriedOnThreadLoss(async () => (n++, attemptOf([], true)), scope(4, () => true)))).rejects.toMatchObject({
      message: expect.stringMatching(/^\[WORKER_THREAD_EXITED_UNEXPECTEDLY\]/),
    });
    expect(n).toBe(2);
  });

  it("refuses to resume from an attempt whose output differs from what was given", async () => {
    const run = values(retriedOnThreadLoss(async (n) => (n === 0 ? attemptOf(all.slice(0, 2), true) : attemptOf([item(1, 2), item(9, 9)], false)), scope()));
    await expect(run).rejects.toThrow(/lost its worker thread after returning part of its output, and cannot be resumed: its next attempt made different output/);
  });

  it("closing() runs its cleanup however the items end", async () => {
    let closed = 0;
    await values(closing(attemptOf(all, false), () => closed++));
    await expect(values(closing(attemptOf(all, true), () => closed++))).rejects.toThrow();
    expect(closed).toBe(2);
  });
});
