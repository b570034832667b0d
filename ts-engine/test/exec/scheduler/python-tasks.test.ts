import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import { batchToRows } from "../../../src/columnar/rows.js";
import { WorkerPool } from "../../../src/exec/scheduler/worker-pool.js";
import type { ExecContext, TaskEvent } from "../../../src/exec/exec-context.js";
import { executeQuery } from "../../../src/engine/query-engine.js";
import type { Expr } from "../../../src/expr/expr.js";
import type { LogicalPlan } from "../../../src/plan/logical-plan.js";
import { executeRdd } from "../../../src/rdd/execute-rdd.js";
import type { RddPlan } from "../../../src/rdd/rdd-plan.js";
import { LongType, type DataType } from "../../../src/types/data-type.js";
import { alias, col, fn, lit } from "../../engine/helpers.js";
import { pickled, pickledList, testPython, unpickleRepr } from "../../python/python-env.js";
import { tempDir } from "../../temp-dir.js";

const script = fileURLToPath(new URL("../../../dist/exec/scheduler/worker-main.js", import.meta.url));
const skip = !existsSync(script) ? "needs `npm run build` (dist/exec/scheduler/worker-main.js)" : testPython.skipReason;

function udf(src: string, returnType: DataType, args: readonly Expr[]): Expr {
  return { kind: "PythonUDF", name: "<lambda>", func: pickled(src), returnType, args, evalType: 100, deterministic: true };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(pred: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (pred()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return pred();
}

describe.skipIf(skip !== null)(`Python work as worker-thread tasks (${skip ?? testPython.exe})`, () => {
  const pool = new WorkerPool({ size: 2, script });
  afterAll(() => pool.close());

  function ctxOf(tasks: TaskEvent[] = [], signal = new AbortController().signal, p = pool): ExecContext {
    return { conf: new SqlConf(), pythonExec: testPython.exe, signal, services: { parallelism: 2, workerPool: p, onTask: (e) => tasks.push(e) } };
  }

  async function rows(plan: LogicalPlan, ctx: ExecContext): Promise<unknown[][]> {
    const res = await executeQuery(plan, ctx);
    const out: unknown[][] = [];
    for await (const b of res.batches) out.push(...batchToRows(b));
    return out;
  }

  const source = (n: number): LogicalPlan => ({ kind: "Range", start: 0, end: n, step: 1, numPartitions: 2 });
  const withUdf = (n: number, src: string): LogicalPlan => ({ kind: "Project", input: source(n), exprs: [col("id"), alias(udf(src, LongType, [col("id")]), "y")] });

  it("runs the BatchEvalPython stage's tasks on worker threads, the main thread none", async () => {
    const tasks: TaskEvent[] = [];
    const plan: LogicalPlan = {
      kind: "Aggregate",
      input: withUdf(40_000, "lambda x: x + 1"),
      groupBy: [alias(fn("%", col("id"), lit(3, LongType)), "k")],
      aggs: [alias(fn("sum", col("y")), "s")],
    };
    const out = (await rows(plan, ctxOf(tasks))).sort((a, b) => (a[0] as number) - (b[0] as number));
    const expected = [0, 1, 2].map((k) => [k, Array.from({ length: 40_000 }, (_, i) => i).filter((i) => i % 3 === k).reduce((s, i) => s + i + 1, 0)]);
    expect(out).toEqual(expected);
    const udfTasks = tasks.filter((t) => t.kinds.includes("BatchEvalPython"));
    expect(udfTasks.length).toBe(2);
    expect(tasks.filter((t) => t.threadId === 0)).toEqual([]);
    expect(udfTasks.every((t) => pool.threadIds().includes(t.threadId))).toBe(true);
  });

  it("gives each worker thread a Python process of its own", async () => {
    const pids = await rows(withUdf(20, "lambda x: __import__('time').sleep(0.05) or __import__('os').getpid()"), ctxOf());
    // two partitions running at once on two threads: two processes, none of them this thread's
    expect(new Set(pids.map((r) => r[1])).size).toBe(2);
  });

  it("keeps a UDF's Python traceback across the thread boundary, and the pool serves on", async () => {
    const err = await rows(withUdf(10, "lambda x: {}[x]"), ctxOf()).catch((e: unknown) => e);
    expect(err).toMatchObject({ exceptionName: "PythonException", errorClass: "PYTHON_EXCEPTION" });
    const tb = (err as { pythonTraceback?: string }).pythonTraceback ?? "";
    expect(tb).toMatch(/^Traceback \(most recent call last\):/);
    expect(tb).toMatch(/KeyError: \d+/);
    expect((err as Error).message).toContain("An exception was thrown from the Python worker");
    expect((await rows(withUdf(10, "lambda x: x * 2"), ctxOf())).map((r) => r[1])).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });

  it("fails the query of a Python worker that dies, and the next query gets a fresh one", async () => {
    const err = await rows(withUdf(10, "lambda x: __import__('os')._exit(3)"), ctxOf()).catch((e: unknown) => e);
    expect(err).toMatchObject({ exceptionName: "SparkRuntimeException", errorClass: "PYTHON_WORKER_EXITED_UNEXPECTEDLY" });
    expect((err as Error).message).toContain("exit code 3");
    expect((await rows(withUdf(4, "lambda x: -x"), ctxOf())).map((r) => r[1])).toEqual([0, -1, -2, -3]);
  });

  it("cancels a running UDF by killing the thread's Python process", async () => {
    const dir = tempDir("tspark-cancel-");
    const pidFile = path.join(dir, "pid");
    const ac = new AbortController();
    const slow = `lambda x: open(${JSON.stringify(pidFile)}, 'w').write(str(__import__('os').getpid())) and __import__('time').sleep(60)`;
    const q = rows({ kind: "Project", input: { kind: "Range", start: 0, end: 1, step: 1, numPartitions: 1 }, exprs: [alias(udf(slow, LongType, [col("id")]), "y")] }, ctxOf([], ac.signal));
    q.catch(() => undefined);
    expect(await until(() => existsSync(pidFile) && readFileSync(pidFile, "utf8") !== "", 10_000)).toBe(true);
    const pid = Number(readFileSync(pidFile, "utf8"));
    const t0 = Date.now();
    ac.abort();
    await expect(q).rejects.toMatchObject({ errorClass: "OPERATION_CANCELED" });
    expect(await until(() => !alive(pid), 5000)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect((await rows(withUdf(2, "lambda x: x"), ctxOf())).length).toBe(2);
  });

  it("runs RDD steps (map side of a shuffle, then the reduce side) as worker-thread tasks", async () => {
    const dir = tempDir("tspark-rdd-");
    const file = path.join(dir, "words.txt");
    writeFileSync(file, "a b a\nc a\n\nb\n");
    const words: RddPlan = { kind: "PythonMapPartitions", input: { kind: "TextFile", path: file, minPartitions: 2 }, func: pickled("lambda i, it: ((w, 1) for l in it for w in l.split())") };
    const shuffled: RddPlan = { kind: "PythonShuffle", input: words, numPartitions: 3, partitionFunc: null };
    const counted: RddPlan = { kind: "PythonMapPartitions", input: shuffled, func: pickled("lambda i, it: [(k, len(list(g))) for k, g in __import__('itertools').groupby(sorted(it), key=lambda p: p[0])]") };
    const tasks: TaskEvent[] = [];
    const blobs: Uint8Array[] = [];
    for await (const b of executeRdd(counted, ctxOf(tasks))) blobs.push(b);
    expect(unpickleRepr(blobs).match(/\('\w', \d\)/g)!.sort()).toEqual(["('a', 3)", "('b', 2)", "('c', 1)"]);
    // 13 bytes, minPartitions 2: Hadoop's getSplits cuts 6 + 6 + 1 bytes (1.1 slop), so 3 map tasks, as Spark makes
    expect(tasks.filter((t) => t.kinds.includes("PythonShuffleWrite")).length).toBe(3);
    expect(tasks.filter((t) => t.kinds.includes("PythonMapPartitions")).length).toBe(3);
    expect(tasks.filter((t) => t.threadId === 0)).toEqual([]);
    const plain: RddPlan = { kind: "Parallelize", partitions: [pickledList("[1, 2]"), pickledList("[3]")] };
    const again: Uint8Array[] = [];
    for await (const b of executeRdd({ kind: "PythonMapPartitions", input: plain, func: pickled("lambda i, it: (x * 10 + i for x in it)") }, ctxOf())) again.push(b);
    expect(unpickleRepr(again)).toBe("[10, 20, 31]");
  });

  it("leaves no Python process behind when the pool closes, idle or busy", async () => {
    const own = new WorkerPool({ size: 2, script });
    const idle = await rows(withUdf(4, "lambda x: __import__('os').getpid()"), ctxOf([], new AbortController().signal, own));
    const idlePids = [...new Set(idle.map((r) => r[1] as number))];
    const dir = tempDir("tspark-close-");
    const pidFile = path.join(dir, "pid");
    const slow = `lambda x: open(${JSON.stringify(pidFile)}, 'w').write(str(__import__('os').getpid())) and __import__('time').sleep(60)`;
    const q = rows({ kind: "Project", input: { kind: "Range", start: 0, end: 1, step: 1, numPartitions: 1 }, exprs: [alias(udf(slow, LongType, [col("id")]), "y")] }, ctxOf([], new AbortController().signal, own));
    q.catch(() => undefined);
    expect(await until(() => existsSync(pidFile) && readFileSync(pidFile, "utf8") !== "", 10_000)).toBe(true);
    const busy = Number(readFileSync(pidFile, "utf8"));
    expect([...idlePids, busy].every(alive)).toBe(true);
    await own.close();
    expect(await until(() => ![...idlePids, busy].some(alive), 3000)).toBe(true);
  });
});
