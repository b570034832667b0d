import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { defaultEngine } from "../../src/api/default-engine.js";
import type { TaskEvent } from "../../src/exec/exec-context.js";
import { WorkerPool } from "../../src/exec/scheduler/worker-pool.js";
import { createEngineServices } from "../../src/engine/services.js";
import { functions as F, SparkSession } from "../../src/index.js";

// The Node API's JavaScript RDD steps and UDFs on the engine's worker threads (the compiled
// worker script of `npm run build`): functions travel as source, run on the threads in
// parallel, and their errors come back with their stacks.
const script = fileURLToPath(new URL("../../dist/exec/scheduler/worker-main.js", import.meta.url));
const built = existsSync(script);
const events: TaskEvent[] = [];
const pool = new WorkerPool({ size: 2, script });
const spark = new SparkSession({
  engine: { ...defaultEngine, createServices: () => ({ ...createEngineServices({ parallelism: 2 }), workerPool: pool, onTask: (e) => events.push(e) }) },
});
afterAll(async () => {
  spark.stop();
  await pool.close();
});

describe.skipIf(!built)("JavaScript functions on worker threads (needs `npm run build`)", () => {
  it("runs each partition's fused steps as a task on a worker thread", async () => {
    events.length = 0;
    const sc = spark.sparkContext;
    const k = 3;
    const n = await sc.range(0, 100_000, 1, 4).map((x) => x * k, { k }).filter((x) => x % 2 === 0).count();
    expect(n).toBe(50_000);
    const tasks = events.filter((e) => e.kinds.includes("JsMapPartitions"));
    expect(tasks.length).toBe(4);
    expect(tasks.every((e) => e.threadId !== 0)).toBe(true);
    expect(new Set(tasks.map((e) => e.threadId)).size).toBe(2);
  });

  it("shuffles pairs between threads for reduceByKey and sortByKey", async () => {
    const sc = spark.sparkContext;
    const pairs = sc.range(0, 10_000, 1, 4).map((x) => [x % 100, 1] as [number, number]);
    const counts = await pairs.reduceByKey((a, b) => a + b, 3).collect();
    expect(counts.length).toBe(100);
    expect(counts.every(([, c]) => c === 100)).toBe(true);
    const sorted = await sc.parallelize(counts, 3).sortByKey(false, 2);
    expect(await sorted.keys().collect()).toEqual(Array.from({ length: 100 }, (_, i) => 99 - i));
  });

  it("returns a worker's error with the function's stack", async () => {
    const err = (await spark.sparkContext
      .parallelize([1, 2, 3], 3)
      .map(function failsOnTwo(x: number) {
        if (x === 2) throw new TypeError("no twos");
        return x;
      })
      .collect()
      .catch((e: unknown) => e)) as Error & { exceptionName?: string };
    expect(err.exceptionName).toBe("JsFunctionException");
    expect(err.message).toContain("TypeError: no twos");
    expect(err.message).toMatch(/at failsOnTwo \(tspark-fn:failsOnTwo:\d+:\d+\)/);
  });

  it("evaluates a DataFrame udf inside the stage's tasks on the threads", async () => {
    events.length = 0;
    const plusOne = F.udf((x: number) => x + 1, "long");
    const rows = await spark.range(0, 1000, 1, 4).select(plusOne("id").alias("y")).agg(F.sum("y").alias("s")).collect();
    expect(rows[0]!.s).toBe(500_500);
    const udfTasks = events.filter((e) => e.kinds.includes("BatchEvalPython"));
    expect(udfTasks.length).toBeGreaterThan(0);
    expect(udfTasks.every((e) => e.threadId !== 0)).toBe(true);
  });
});
