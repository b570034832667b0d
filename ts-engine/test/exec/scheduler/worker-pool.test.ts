import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import { batchToRows } from "../../../src/columnar/rows.js";
import { WorkerPool } from "../../../src/exec/scheduler/worker-pool.js";
import type { ExecContext, TaskEvent } from "../../../src/exec/exec-context.js";
import { CRASH_TEST_CONF } from "../../../src/exec/scheduler/task.js";
import { executeQuery } from "../../../src/engine/query-engine.js";
import { analyze } from "../../../src/plan/analyzer/analyzer.js";
import { planPhysical } from "../../../src/exec/planner.js";
import type { StageTask } from "../../../src/exec/scheduler/task.js";
import type { LogicalPlan } from "../../../src/plan/logical-plan.js";
import type { ParsedPlan } from "../../../src/plan/parsed-plan.js";
import { LongType, StringType } from "../../../src/types/data-type.js";
import { alias, col, fn, lit } from "../../engine/helpers.js";

const script = fileURLToPath(new URL("../../../dist/exec/scheduler/worker-main.js", import.meta.url));
const built = existsSync(script);
const pool = new WorkerPool({ size: 2, script });

function ctxWith(signal = new AbortController().signal): ExecContext {
  return { conf: new SqlConf(), pythonExec: "", signal, services: { parallelism: 2, workerPool: pool } };
}

afterAll(() => pool.close());

describe.skipIf(!built)("WorkerPool (needs `npm run build`: dist/exec/scheduler/worker-main.js)", () => {
  it("runs a stage task on a worker thread and streams its batches back", async () => {
    const conf = new SqlConf();
    const plan = planPhysical(analyze({ kind: "Range", start: 0, end: 100_000, step: 1, numPartitions: 2 }, { conf }), ctxWith());
    const task: StageTask = { stageId: 0, plan, partition: 1, output: { kind: "rows" }, shuffles: [], broadcasts: [] };
    let n = 0;
    let last = -1;
    for await (const item of pool.run(task, ctxWith())) {
      n += item.batch.numRows;
      last = Number(batchToRows(item.batch).at(-1)![0]);
    }
    expect(n).toBe(50_000);
    expect(last).toBe(99_999);
  });

  it("runs a whole query with partial aggregation in the workers", async () => {
    const plan: LogicalPlan = {
      kind: "Aggregate",
      input: { kind: "Range", start: 0, end: 1_000_000, step: 1, numPartitions: 4 },
      groupBy: [],
      aggs: [alias(fn("sum", col("id")), "s"), alias(fn("count", lit(1, LongType)), "c")],
    };
    const res = await executeQuery(plan, ctxWith());
    const rows: unknown[][] = [];
    for await (const b of res.batches) rows.push(...batchToRows(b));
    expect(rows).toEqual([[499_999_500_000, 1_000_000]]);
  });

  it("streams literal columns over many batches: the literal's reused vector is copied to the main thread, never moved", async () => {
    const plan: LogicalPlan = {
      kind: "Project",
      input: { kind: "Range", start: 0, end: 50_000, step: 1, numPartitions: 2 },
      exprs: [col("id"), alias(lit("x".repeat(40), StringType), "pad"), alias(lit(7, LongType), "seven"), alias(lit(null, LongType), "none")],
    };
    for (const partitionsAtOnce of [undefined, 1]) {
      const res = await executeQuery(plan, ctxWith(), partitionsAtOnce === undefined ? {} : { partitionsAtOnce });
      let n = 0;
      for await (const b of res.batches) {
        for (const r of batchToRows(b)) {
          expect([Number(r[0]), r[1], Number(r[2]), r[3]]).toEqual([n, "x".repeat(40), 7, null]);
          n++;
        }
      }
      expect(n).toBe(50_000);
    }
  });

  it("reports a worker-side error as the same Spark error", async () => {
    const plan: LogicalPlan = {
      kind: "Project",
      input: { kind: "Range", start: 0, end: 200_000, step: 1, numPartitions: 2 },
      exprs: [alias(fn("/", col("id"), lit(0, LongType)), "x")],
    };
    const res = await executeQuery(plan, ctxWith());
    await expect(
      (async () => {
        for await (const b of res.batches) void b;
      })(),
    ).rejects.toMatchObject({ errorClass: "DIVIDE_BY_ZERO" });
  });

  it("cancels a running task when the signal fires", async () => {
    const ac = new AbortController();
    const plan: LogicalPlan = { kind: "Range", start: 0, end: 1e9, step: 1, numPartitions: 2 };
    const res = await executeQuery(plan, ctxWith(ac.signal));
    let n = 0;
    await expect(
      (async () => {
        for await (const b of res.batches) {
          n += b.numRows;
          if (n > 100_000) ac.abort();
        }
      })(),
    ).rejects.toMatchObject({ errorClass: "OPERATION_CANCELED" });
  });
});

describe.skipIf(!built)("tasks over local rows", () => {
  it("sends each worker only its partition's rows and keeps their order", async () => {
    const n = 120_000;
    const rows = Array.from({ length: n }, (_, i) => [i]);
    const plan: LogicalPlan = {
      kind: "Project",
      input: { kind: "LocalRelation", schema: { kind: "struct", fields: [{ name: "a", dataType: LongType, nullable: true }] }, rows, numPartitions: 3 },
      exprs: [alias(fn("+", col("a"), lit(1, LongType)), "b")],
    };
    const res = await executeQuery(plan, ctxWith());
    const out: unknown[][] = [];
    for await (const b of res.batches) out.push(...batchToRows(b));
    expect(out.length).toBe(n);
    expect(out[0]).toEqual([1]);
    expect(out[n - 1]).toEqual([n]);
    expect(out.every((r, i) => r[0] === i + 1)).toBe(true);
  });
});

describe.skipIf(!built)("stages on the pool", () => {
  const keyed = (n: number, mod: number, k: string, v: string): LogicalPlan => ({
    kind: "Project",
    input: { kind: "Range", start: 0, end: n, step: 1, numPartitions: 2 },
    exprs: [alias(fn("%", col("id"), lit(mod, LongType)), k), alias(col("id"), v)],
  });
  const grouped: LogicalPlan = { kind: "Aggregate", input: keyed(50_000, 97, "k", "v"), groupBy: [col("k")], aggs: [alias(fn("sum", col("v")), "s")] };

  async function run(plan: ParsedPlan, conf = new SqlConf(), onTask?: (e: TaskEvent) => void): Promise<unknown[][]> {
    const ctx: ExecContext = { ...ctxWith(), conf, services: { parallelism: 2, workerPool: pool, ...(onTask === undefined ? {} : { onTask }) } };
    const res = await executeQuery(plan, ctx);
    const rows: unknown[][] = [];
    for await (const b of res.batches) rows.push(...batchToRows(b));
    return rows;
  }

  it("runs every operator above an exchange in worker threads, never on the main thread", async () => {
    const tasks: TaskEvent[] = [];
    const conf = new SqlConf();
    conf.set("spark.sql.autoBroadcastJoinThreshold", "-1");
    conf.set("spark.sql.shuffle.partitions", "4");
    conf.set("spark.sql.adaptive.enabled", "false");
    const right: LogicalPlan = { kind: "Project", input: { kind: "Range", start: 0, end: 500, step: 1, numPartitions: 2 }, exprs: [alias(col("id"), "k2")] };
    const hinted = (name: string): ParsedPlan => ({ kind: "Join", left: keyed(20_000, 1000, "k", "v"), right: { kind: "Hint", input: right, name, parameters: [] }, joinType: "inner", condition: fn("==", col("k"), col("k2")) });
    const join = hinted("shuffle_hash");
    const merged = hinted("merge");
    const sort: LogicalPlan = { kind: "Sort", global: true, input: keyed(20_000, 1000, "k", "v"), orders: [{ kind: "SortOrder", child: col("k"), ascending: true, nullsFirst: true }] };
    const limited: LogicalPlan = { kind: "Aggregate", input: { kind: "Limit", n: 10, input: keyed(1000, 3, "k", "v") }, groupBy: [col("k")], aggs: [alias(fn("count", lit(1, LongType)), "c")] };
    expect((await run(grouped, conf, (e) => tasks.push(e))).length).toBe(97);
    expect((await run(join, conf, (e) => tasks.push(e))).length).toBe(10_000);
    expect((await run(merged, conf, (e) => tasks.push(e))).length).toBe(10_000);
    const sorted = await run(sort, conf, (e) => tasks.push(e));
    expect(sorted.every((r, i) => i === 0 || (sorted[i - 1]![0] as number) <= (r[0] as number))).toBe(true);
    expect((await run(limited, conf, (e) => tasks.push(e))).length).toBe(3);
    expect(tasks.length).toBeGreaterThan(10);
    expect(tasks.filter((t) => t.threadId === 0)).toEqual([]);
    const above = (kind: string): TaskEvent[] => tasks.filter((t) => t.kinds.includes(kind) && t.kinds.includes("ShuffleRead"));
    expect(above("HashAggregate").length).toBeGreaterThanOrEqual(4);
    expect(above("HashJoin").length).toBe(4);
    expect(above("SortMergeJoin").length).toBe(4);
    expect(above("Sort").length).toBeGreaterThan(1);
    expect(above("Limit").length).toBe(1);
    expect(new Set(tasks.map((t) => t.threadId)).size).toBe(2);
  });

  it("hashes a broadcast join's build side once per query, on a worker, and every join task shares it", async () => {
    const tasks: TaskEvent[] = [];
    const conf = new SqlConf();
    conf.set("spark.default.parallelism", "6");
    const fact: LogicalPlan = { ...keyed(30_000, 700, "k", "v"), input: { kind: "Range", start: 0, end: 30_000, step: 1, numPartitions: 6 } };
    const dim: LogicalPlan = { kind: "Project", input: { kind: "Range", start: 0, end: 500, step: 1, numPartitions: 2 }, exprs: [alias(col("id"), "k2"), alias(fn("*", col("id"), lit(2, LongType)), "w")] };
    const join: LogicalPlan = { kind: "Join", left: fact, right: dim, joinType: "left", condition: fn("==", col("k"), col("k2")) };
    const rows = await run(join, conf, (e) => tasks.push(e));
    expect(rows.length).toBe(30_000);
    // keys 500…699 have no dimension row: those fact rows keep nulls (left outer)
    expect(rows.filter((r) => r[2] === null).length).toBe(Array.from({ length: 30_000 }, (_, i) => i % 700).filter((k) => k >= 500).length);
    expect(rows.every((r) => r[2] === null || r[3] === 2 * (r[0] as number))).toBe(true);
    const hashing = tasks.filter((t) => t.kinds.length === 1 && t.kinds[0] === "BroadcastRead");
    expect(hashing.length).toBe(1);
    expect(hashing[0]!.threadId).not.toBe(0);
    expect(tasks.filter((t) => t.kinds.includes("HashJoin")).length).toBe(6);
  });

  it("retries a task whose worker thread exits, on a fresh thread, re-running the stage whose blocks it lost", async () => {
    await run(grouped);
    const before = pool.threadIds();
    const crash = new SqlConf();
    crash.set(CRASH_TEST_CONF, "exit:1");
    const rows = await run(grouped, crash);
    expect(rows.length).toBe(97);
    expect(rows.reduce((s, r) => s + (r[1] as number), 0)).toBe((50_000 * 49_999) / 2);
    const after = pool.threadIds();
    expect(after.length).toBe(2);
    expect(after.some((id) => !before.includes(id))).toBe(true);
  });

  it("retries after an uncaught error in the thread too, and keeps a range shuffle's partitions", async () => {
    const crash = new SqlConf();
    crash.set(CRASH_TEST_CONF, "throw:1");
    crash.set("spark.sql.shuffle.partitions", "3");
    const sorted: LogicalPlan = { kind: "Sort", global: true, input: grouped, orders: [{ kind: "SortOrder", child: col("s"), ascending: false, nullsFirst: false }] };
    const rows = await run(sorted, crash);
    expect(rows.length).toBe(97);
    expect(rows.every((r, i) => i === 0 || (rows[i - 1]![1] as number) >= (r[1] as number))).toBe(true);
    expect(rows.reduce((s, r) => s + (r[1] as number), 0)).toBe((50_000 * 49_999) / 2);
  });

  it("fails the job after spark.task.maxFailures lost threads, naming the task, and the next query runs", async () => {
    const crash = new SqlConf();
    crash.set(CRASH_TEST_CONF, "true");
    crash.set("spark.task.maxFailures", "2");
    await expect(run(grouped, crash)).rejects.toMatchObject({
      errorClass: "WORKER_THREAD_EXITED_UNEXPECTEDLY",
      exceptionName: "SparkException",
      message: expect.stringMatching(/^Job aborted due to stage failure: Task \d+ in stage \d+\.0 failed 2 times, most recent failure: Lost task \d+\.1 in stage \d+\.0: .*ExecutorLostFailure \(worker thread \d+ exited caused by one of the running tasks\) Reason: exited with code 70/),
    });
    const rows = await run(grouped);
    expect(rows.length).toBe(97);
    expect(pool.threadIds().length).toBe(2);
  });
});
