import { describe, expect, it } from "vitest";
import type { EngineServices, TaskEvent } from "../../src/exec/exec-context.js";
import { executeQuery } from "../../src/engine/query-engine.js";
import { BATCH_SIZE } from "../../src/columnar/batch.js";
import { range, testCtx } from "./helpers.js";

// df.toLocalIterator (issue 9 §9): the result partitions run in order, one at a time (two with
// prefetchPartitions), so a slow reader holds the engine to them; a collect runs them all at once.
const PARTS = 6;
const plan = range(0, PARTS * 3 * BATCH_SIZE, 1, PARTS);

/** Reads the first batch, waits as a slow reader would, then counts the finished tasks; then reads the rest. */
async function slowRead(partitionsAtOnce: number | undefined): Promise<{ finishedWhileWaiting: number; finished: readonly number[]; ids: number }> {
  const tasks: TaskEvent[] = [];
  const services: EngineServices = { parallelism: 2, onTask: (e) => tasks.push(e) };
  const r = await executeQuery(plan, testCtx(services), partitionsAtOnce === undefined ? {} : { partitionsAtOnce });
  const it = r.batches[Symbol.asyncIterator]();
  let ids = (await it.next()).value?.numRows ?? 0;
  await new Promise((res) => setTimeout(res, 50));
  const finished = tasks.map((t) => t.partition);
  for (let b = await it.next(); b.done !== true; b = await it.next()) ids += b.value.numRows;
  return { finishedWhileWaiting: finished.length, finished, ids };
}

describe("toLocalIterator's bounded run", () => {
  it("runs no partition past the one being read; with prefetch, one more", async () => {
    const one = await slowRead(1);
    expect(one.ids).toBe(PARTS * 3 * BATCH_SIZE);
    expect(one.finishedWhileWaiting).toBe(0);
    const two = await slowRead(2);
    expect(two.ids).toBe(PARTS * 3 * BATCH_SIZE);
    // partitions 0 and 1 may finish into their buffers; nothing after them runs
    expect([...two.finished].sort()).toEqual([0, 1]);
  });

  it("a collect's run is not bounded: every partition finishes while the reader waits", async () => {
    const all = await slowRead(undefined);
    expect(all.ids).toBe(PARTS * 3 * BATCH_SIZE);
    expect(all.finishedWhileWaiting).toBeGreaterThanOrEqual(PARTS - 1);
  });
});
