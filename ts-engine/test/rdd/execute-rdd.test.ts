import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqlConf } from "../../src/conf/sql-conf.js";
import type { ExecContext } from "../../src/exec/exec-context.js";
import { PythonException } from "../../src/errors/spark-exception.js";
import { ProcessPythonRunner } from "../../src/python/worker-process/process-runner.js";
import { executeRdd, rddNumPartitions, unpersistRdd } from "../../src/rdd/execute-rdd.js";
import type { RddPlan } from "../../src/rdd/rdd-plan.js";
import { pickled, pickledList, testPython, unpickleRepr } from "../python/python-env.js";
import { tempDir } from "../temp-dir.js";

async function collect(plan: RddPlan, ctx: ExecContext): Promise<string> {
  const blobs: Uint8Array[] = [];
  for await (const b of executeRdd(plan, ctx)) blobs.push(b);
  return unpickleRepr(blobs);
}

// The client's reduceByKey: local combine → PythonShuffle → merge (python/tspark/rdd/_pairs.py combineByKey).
const COMBINE = `(lambda f: lambda i, it: (lambda acc: [acc.__setitem__(k, f(acc[k], v) if k in acc else v) for k, v in it] and acc.items() or acc.items())({}))(lambda a, b: a + b)`;

describe.skipIf(testPython.skipReason !== null)(`executeRdd (${testPython.skipReason ?? testPython.exe})`, () => {
  const runner = new ProcessPythonRunner(2);
  const ctx: ExecContext = {
    conf: new SqlConf(),
    pythonExec: testPython.exe,
    signal: new AbortController().signal,
    services: { parallelism: 2, python: runner },
  };
  afterAll(() => runner.close());

  it("collects parallelized partitions in partition order", async () => {
    const plan: RddPlan = { kind: "Parallelize", partitions: [pickledList("[1, 2]"), pickledList("[3]")] };
    expect(await collect(plan, ctx)).toBe("[1, 2, 3]");
  });

  it("maps partitions with their split index", async () => {
    const plan: RddPlan = {
      kind: "PythonMapPartitions",
      input: { kind: "Parallelize", partitions: [pickledList("[1, 2]"), pickledList("[3]")] },
      func: pickled("lambda i, it: ((i, x * x) for x in it)"),
    };
    expect(await collect(plan, ctx)).toBe("[(0, 1), (0, 4), (1, 9)]");
  });

  it("runs a word count from a text file through a shuffle", async () => {
    const dir = tempDir("tspark-rdd-");
    const file = path.join(dir, "words.txt");
    writeFileSync(file, "the quick brown fox\r\njumps over the lazy dog\nthe end\n");
    const words: RddPlan = {
      kind: "PythonMapPartitions",
      input: { kind: "TextFile", path: file, minPartitions: 2 },
      func: pickled("lambda i, it: ((w, 1) for line in it for w in line.split())"),
    };
    const combined: RddPlan = { kind: "PythonMapPartitions", input: words, func: pickled(COMBINE) };
    const shuffled: RddPlan = { kind: "PythonShuffle", input: combined, numPartitions: 3, partitionFunc: null };
    const merged: RddPlan = { kind: "PythonMapPartitions", input: shuffled, func: pickled(COMBINE) };
    const sorted: RddPlan = { kind: "PythonMapPartitions", input: merged, func: pickled("lambda i, it: [sorted(it)]") };
    const perPartition = await collect(sorted, ctx);
    const all = perPartition.match(/\('(\w+)', (\d+)\)/g)!.sort().join(", ");
    expect(all).toBe(
      "('brown', 1), ('dog', 1), ('end', 1), ('fox', 1), ('jumps', 1), ('lazy', 1), ('over', 1), ('quick', 1), ('the', 3)",
    );
  });

  it("collects a text file's lines as str", async () => {
    const dir = tempDir("tspark-rdd-");
    writeFileSync(path.join(dir, "a.txt"), "x\ny\n");
    writeFileSync(path.join(dir, "b.txt"), "z");
    // A directory's files come in readdir order, as Spark's Hadoop listing gives them (not sorted by name).
    const got = await collect({ kind: "TextFile", path: dir, minPartitions: 3 }, ctx);
    expect(got === "['x', 'y', 'z']" || got === "['z', 'x', 'y']", got).toBe(true);
  });

  it("gives one path-start-length element per Hadoop split, at least the minimum split size", async () => {
    const dir = tempDir("tspark-rdd-");
    const file = path.join(dir, "data");
    writeFileSync(file, Buffer.alloc(1000));
    const plan = (minSplitSize: number): RddPlan => ({ kind: "HadoopSplits", path: file, minPartitions: 4, minSplitSize });
    expect(await rddNumPartitions(plan(1))).toBe(4);
    expect(await collect(plan(1), ctx)).toBe(`['${file}\\t0\\t250', '${file}\\t250\\t250', '${file}\\t500\\t250', '${file}\\t750\\t250']`);
    // SequenceFileInputFormat's smallest split (its sync interval) keeps a small file whole
    expect(await rddNumPartitions(plan(102400))).toBe(1);
    expect(await collect(plan(102400), ctx)).toBe(`['${file}\\t0\\t1000']`);
  });

  it("raises PythonException from a failing lambda, and the next job runs", async () => {
    const bad: RddPlan = {
      kind: "PythonMapPartitions",
      input: { kind: "Parallelize", partitions: [pickledList("[1, 2, 0]")] },
      func: pickled("lambda i, it: (10 // x for x in it)"),
    };
    const err = await collect(bad, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PythonException);
    expect((err as PythonException).pythonTraceback).toContain("ZeroDivisionError");
    const ok: RddPlan = { ...bad, input: { kind: "Parallelize", partitions: [pickledList("[1, 2]")] } };
    expect(await collect(ok, ctx)).toBe("[10, 5]");
  });

  it("concatenates a union's partitions and regroups partitions without a shuffle", async () => {
    const a: RddPlan = { kind: "Parallelize", partitions: [pickledList("[1, 2]"), pickledList("[3]")] };
    const b: RddPlan = { kind: "Parallelize", partitions: [pickledList("['x']")] };
    const glom = (input: RddPlan): RddPlan => ({ kind: "PythonMapPartitions", input, func: pickled("lambda i, it: [(i, list(it))]") });
    expect(await collect(glom({ kind: "Union", inputs: [a, b] }), ctx)).toBe("[(0, [1, 2]), (1, [3]), (2, ['x'])]");
    const groups: RddPlan = { kind: "CoalescePartitions", input: { kind: "Union", inputs: [a, b] }, groups: [[2, 0], [], [1, 1]] };
    expect(await collect(glom(groups), ctx)).toBe("[(0, ['x', 1, 2]), (1, []), (2, [3, 3])]");
    const bad: RddPlan = { kind: "CoalescePartitions", input: a, groups: [[5]] };
    await expect(collect(bad, ctx)).rejects.toThrow(/partition 5 of an RDD with 2 partitions/);
  });

  it("routes pairs by the shuffle's partition function", async () => {
    const pairs: RddPlan = { kind: "Parallelize", partitions: [pickledList("[(1, 'a'), (2, 'b')]"), pickledList("[(3, 'c'), (4, 'd')]")] };
    const shuffled: RddPlan = { kind: "PythonShuffle", input: pairs, numPartitions: 2, partitionFunc: pickled("lambda k: 0 if k < 3 else 1") };
    const glom: RddPlan = { kind: "PythonMapPartitions", input: shuffled, func: pickled("lambda i, it: [list(it)]") };
    expect(await collect(glom, ctx)).toBe("[[(1, 'a'), (2, 'b')], [(3, 'c'), (4, 'd')]]");
  });

  it("keeps a persisted RDD's partitions for later jobs until it is unpersisted", async () => {
    const input: RddPlan = { kind: "Parallelize", partitions: [pickledList("[1, 2]"), pickledList("[3]")] };
    const cached: RddPlan = { kind: "Cached", id: "test-cache-1", input: { kind: "PythonMapPartitions", input, func: pickled("lambda i, it: (x * 10 for x in it)") } };
    expect(await collect(cached, ctx)).toBe("[10, 20, 30]");
    // the same id over other data: the kept partitions answer, the lineage is not run
    const other: RddPlan = { kind: "Cached", id: "test-cache-1", input: { kind: "Parallelize", partitions: [pickledList("[7]")] } };
    expect(await collect(other, ctx)).toBe("[10, 20, 30]");
    expect(await rddNumPartitions(other)).toBe(2);
    expect(unpersistRdd(other)).toBe(true);
    expect(await collect(other, ctx)).toBe("[7]");
    expect(unpersistRdd(other)).toBe(true);
  });
});
