import { afterAll, describe, expect, it } from "vitest";
import { SqlConf } from "../../src/conf/sql-conf.js";
import type { ExecContext } from "../../src/exec/exec-context.js";
import { spillStats } from "../../src/exec/memory/spill-file.js";
import { ProcessPythonRunner } from "../../src/python/worker-process/process-runner.js";
import { executeRdd } from "../../src/rdd/execute-rdd.js";
import type { RddPlan } from "../../src/rdd/rdd-plan.js";
import { pickled, pickledList, testPython, unpickleRepr } from "../python/python-env.js";

// An RDD run keeps the partitions between its stages within the execution memory: past it a
// shuffle's reduce partitions and a step's outputs are written to spark.local.dir and each task
// reads its own back (rdd/rdd-spill.ts), with the same results.
describe.skipIf(testPython.skipReason !== null)(`RDD spill (${testPython.skipReason ?? testPython.exe})`, () => {
  const runner = new ProcessPythonRunner(2);
  afterAll(() => runner.close());
  const ctxWith = (memory?: string): ExecContext => {
    const conf = new SqlConf();
    if (memory !== undefined) conf.set("spark.executor.memory", memory);
    return { conf, pythonExec: testPython.exe, signal: new AbortController().signal, services: { parallelism: 2, python: runner } };
  };

  async function collect(plan: RddPlan, ctx: ExecContext): Promise<string> {
    const blobs: Uint8Array[] = [];
    for await (const b of executeRdd(plan, ctx)) blobs.push(b);
    return unpickleRepr(blobs);
  }

  // groupByKey of 40,000 pairs (a 200-byte value each) into 4 partitions, then the sizes per key, sorted
  const pairs: RddPlan = {
    kind: "PythonMapPartitions",
    input: { kind: "Parallelize", partitions: [pickledList("list(range(0, 20000))"), pickledList("list(range(20000, 40000))")] },
    func: pickled("lambda i, it: ((x % 500, 'v%0200d' % x) for x in it)"),
  };
  const grouped: RddPlan = {
    kind: "PythonMapPartitions",
    input: { kind: "PythonShuffle", input: pairs, numPartitions: 4, partitionFunc: null },
    func: pickled("lambda i, it: (lambda d: sorted((k, len(v)) for k, v in d.items()))(__import__('functools').reduce(lambda d, kv: d.setdefault(kv[0], []).append(kv[1]) or d, it, {}))"),
  };

  it("spills a shuffle bigger than the execution memory and gives the same rows", async () => {
    const inMemory = await collect(grouped, ctxWith());
    const before = spillStats();
    const spilled = await collect(grouped, ctxWith("2m"));
    const after = spillStats();
    expect(spilled).toBe(inMemory);
    expect(inMemory.startsWith("[(0, 80), (4, 80)")).toBe(true);
    expect(after.files).toBeGreaterThan(before.files);
    // every file is deleted when its partition has been read, or when the run ends
    expect(after.live).toBe(before.live);
  });
});

describe("JS RDD spill", () => {
  it("spills a Node API groupByKey bigger than the execution memory with the same groups", async () => {
    const { SparkSession } = await import("../../src/index.js");
    const spark = SparkSession.builder.appName("rdd-spill").config("spark.executor.memory", "2m").getOrCreate();
    try {
      const before = spillStats();
      const groups = await spark.sparkContext
        .range(0, 8000, 1, 2)
        .map((x: number) => [x % 500, `v${String(x).padStart(600, "0")}`] as [number, string])
        .groupByKey(4)
        .mapValues((vs: string[]) => vs.length)
        .collect();
      const after = spillStats();
      expect(groups.length).toBe(500);
      expect(groups.every(([, n]) => n === 16)).toBe(true);
      expect(after.files).toBeGreaterThan(before.files);
      expect(after.live).toBe(before.live);
    } finally {
      await spark.stop();
    }
  });
});
