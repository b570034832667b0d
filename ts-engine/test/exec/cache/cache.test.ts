import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import { batchToRows } from "../../../src/columnar/rows.js";
import { CacheManager } from "../../../src/exec/cache/cache-manager.js";
import { samePlan } from "../../../src/exec/cache/same-plan.js";
import type { EngineServices, ExecContext, TaskEvent } from "../../../src/exec/exec-context.js";
import { WorkerPool } from "../../../src/exec/scheduler/worker-pool.js";
import { executeQuery, explainQuery, persistQuery, storageLevelQuery, unpersistQuery } from "../../../src/engine/query-engine.js";
import type { ParsedPlan } from "../../../src/plan/parsed-plan.js";
import { StorageLevel } from "../../../src/plan/storage-level.js";
import { LongType } from "../../../src/types/data-type.js";
import { alias, col, fn, lit } from "../../engine/helpers.js";

function ctxOf(services: EngineServices, conf = new SqlConf()): ExecContext {
  return { conf, pythonExec: "python3", signal: new AbortController().signal, services };
}

async function rows(plan: ParsedPlan, ctx: ExecContext): Promise<unknown[][]> {
  const r = await executeQuery(plan, ctx);
  const out: unknown[][] = [];
  for await (const b of r.batches) for (const row of batchToRows(b)) out.push(row);
  return out;
}

/** id, k = id % 7, v = id * 2 over [0, n), in 3 partitions. */
const base = (n: number, planId?: number): ParsedPlan => ({
  kind: "Project",
  input: { kind: "Range", start: 0, end: n, step: 1, numPartitions: 3, ...(planId === undefined ? {} : { planId }) },
  exprs: [col("id"), alias(fn("%", col("id"), lit(7, LongType)), "k"), alias(fn("*", col("id"), lit(2, LongType)), "v")],
});

const sumByK = (input: ParsedPlan): ParsedPlan => ({
  kind: "Aggregate",
  input,
  groupBy: [col("k")],
  aggs: [alias(fn("sum", col("v")), "s"), alias(fn("count", lit(1, LongType)), "c")],
});

const sorted = (r: unknown[][]): unknown[][] => [...r].sort((a, b) => Number(a[0]) - Number(b[0]));

/** Tasks that ran a Range: the cached plan computing its rows. */
function rangeTasks(events: TaskEvent[]): number {
  return events.filter((e) => e.kinds.includes("Range")).length;
}

describe("samePlan", () => {
  it("matches a plan built again, whatever its planIds", () => {
    expect(samePlan(base(10, 1), base(10, 2))).toBe(true);
    expect(samePlan(base(10), base(11))).toBe(false);
    expect(samePlan({ kind: "Range", start: 0, end: 5, step: 1, numPartitions: undefined }, { kind: "Range", start: 0, end: 5, step: 1 })).toBe(true);
    expect(samePlan(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
  });
});

describe("df.cache() / persist() in the engine (in-process tasks)", () => {
  it("computes the cached rows once and answers later queries from them", async () => {
    const events: TaskEvent[] = [];
    const services: EngineServices = { parallelism: 2, cache: new CacheManager(), onTask: (e) => events.push(e) };
    const ctx = ctxOf(services);
    const expected = sorted(await rows(sumByK(base(20_000)), ctx));
    persistQuery(base(20_000), StorageLevel.MEMORY_AND_DISK_DESER, ctx);
    events.length = 0;
    expect(sorted(await rows(sumByK(base(20_000)), ctx))).toEqual(expected);
    expect(rangeTasks(events)).toBe(3);
    events.length = 0;
    expect(sorted(await rows(sumByK(base(20_000, 99)), ctx))).toEqual(expected);
    expect(await rows(base(20_000), ctx)).toHaveLength(20_000);
    expect(rangeTasks(events)).toBe(0);
    expect(services.cache!.stats().blocksInMemory).toBe(3);
    await unpersistQuery(base(20_000), ctx);
    expect(storageLevelQuery(base(20_000), ctx)).toEqual(StorageLevel.NONE);
    expect(services.cache!.stats().blocksInMemory).toBe(0);
    events.length = 0;
    expect(sorted(await rows(sumByK(base(20_000)), ctx))).toEqual(expected);
    expect(rangeTasks(events)).toBe(3);
  });

  it("keeps the first level when a cached plan is persisted again", () => {
    const ctx = ctxOf({ parallelism: 2, cache: new CacheManager() });
    persistQuery(base(10), StorageLevel.MEMORY_ONLY, ctx);
    persistQuery(base(10, 5), StorageLevel.DISK_ONLY, ctx);
    expect(storageLevelQuery(base(10, 7), ctx)).toEqual(StorageLevel.MEMORY_ONLY);
  });

  it("explains a cached scan as Spark does, with the pruned columns and the cached plan under it", () => {
    const ctx = ctxOf({ parallelism: 2, cache: new CacheManager() });
    persistQuery(base(100), StorageLevel.MEMORY_AND_DISK_DESER, ctx);
    const text = explainQuery(sumByK(base(100)), "simple", ctx).replace(/#\d+/g, "#N").replace(/plan_id=\d+/g, "plan_id=N");
    expect(text).toBe(
      [
        "== Physical Plan ==",
        "AdaptiveSparkPlan isFinalPlan=false",
        "+- HashAggregate(keys=[k#NL], functions=[sum(v#NL), count(1)])",
        "   +- Exchange hashpartitioning(k#NL, 200), ENSURE_REQUIREMENTS, [plan_id=N]",
        "      +- HashAggregate(keys=[k#NL], functions=[partial_sum(v#NL), partial_count(1)])",
        "         +- InMemoryTableScan [k#NL, v#NL]",
        "               +- InMemoryRelation [id#NL, k#NL, v#NL], StorageLevel(disk, memory, deserialized, 1 replicas)",
        "                     +- *(1) Project [id#NL, (id#NL % 7) AS k#NL, (id#NL * 2) AS v#NL]",
        "                        +- *(1) Range (0, 100, step=1, splits=3)",
        "",
        "",
      ].join("\n"),
    );
  });

  it("reads only the columns a filter and the projection above it use", async () => {
    const ctx = ctxOf({ parallelism: 2, cache: new CacheManager() });
    persistQuery(base(100), StorageLevel.MEMORY_AND_DISK_DESER, ctx);
    const q: ParsedPlan = {
      kind: "Project",
      input: { kind: "Filter", input: base(100), condition: fn(">", col("k"), lit(4, LongType)) },
      exprs: [alias(fn("*", col("v"), lit(2, LongType)), "w")],
    };
    const text = explainQuery(q, "simple", ctx).replace(/#\d+/g, "#N");
    expect(text).toContain("   +- InMemoryTableScan [k#NL, v#NL]\n");
    const got = await rows(q, ctx);
    expect(got.length).toBe(28);
    expect(got.reduce((s, r) => s + Number(r[0]), 0)).toBe(4 * [...Array(100).keys()].filter((i) => i % 7 > 4).reduce((a, b) => a + b, 0));
  });

  it("spills MEMORY_AND_DISK blocks past the budget and reads them back", async () => {
    const conf = new SqlConf();
    // a 1 MiB budget: the unified pool of a 2 MiB executor, half of which is reserved
    conf.set("spark.executor.memory", "2m");
    conf.set("spark.memory.fraction", "1");
    const services: EngineServices = { parallelism: 2, cache: new CacheManager() };
    const ctx = ctxOf(services, conf);
    const expected = sorted(await rows(sumByK(base(200_000)), ctx));
    persistQuery(base(200_000), StorageLevel.MEMORY_AND_DISK, ctx);
    expect(sorted(await rows(sumByK(base(200_000)), ctx))).toEqual(expected);
    const st = services.cache!.stats();
    expect(st.blocksOnDisk).toBeGreaterThan(0);
    expect(st.memoryBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(sorted(await rows(sumByK(base(200_000)), ctx))).toEqual(expected);
    await unpersistQuery(base(200_000), ctx);
    expect(services.cache!.stats().blocksOnDisk).toBe(0);
  });

  it("evicts MEMORY_ONLY blocks past the budget and computes them again when read", async () => {
    const conf = new SqlConf();
    conf.set("spark.executor.memory", "2m");
    conf.set("spark.memory.fraction", "1");
    const events: TaskEvent[] = [];
    const services: EngineServices = { parallelism: 2, cache: new CacheManager(), onTask: (e) => events.push(e) };
    const ctx = ctxOf(services, conf);
    const expected = sorted(await rows(sumByK(base(200_000)), ctx));
    persistQuery(base(200_000), StorageLevel.MEMORY_ONLY, ctx);
    expect(sorted(await rows(sumByK(base(200_000)), ctx))).toEqual(expected);
    expect(services.cache!.stats().evicted).toBeGreaterThan(0);
    events.length = 0;
    expect(sorted(await rows(sumByK(base(200_000)), ctx))).toEqual(expected);
    expect(rangeTasks(events)).toBe(3);
  });

  it("writes DISK_ONLY blocks to disk at once", async () => {
    const services: EngineServices = { parallelism: 2, cache: new CacheManager() };
    const ctx = ctxOf(services);
    persistQuery(base(1000), StorageLevel.DISK_ONLY, ctx);
    expect(await rows(base(1000), ctx)).toHaveLength(1000);
    expect(services.cache!.stats()).toMatchObject({ blocksInMemory: 0, blocksOnDisk: 3 });
    await unpersistQuery(base(1000), ctx);
  });

  it("reads a cached plan that is built on another cached plan", async () => {
    const ctx = ctxOf({ parallelism: 2, cache: new CacheManager() });
    const filtered: ParsedPlan = { kind: "Filter", input: base(1000), condition: fn(">", col("k"), lit(4, LongType)) };
    persistQuery(base(1000), StorageLevel.MEMORY_AND_DISK_DESER, ctx);
    persistQuery(filtered, StorageLevel.MEMORY_AND_DISK_DESER, ctx);
    expect(explainQuery(filtered, "simple", ctx)).toContain("+- InMemoryTableScan");
    const got = sorted(await rows(sumByK(filtered), ctx));
    expect(got.map((r) => r[0])).toEqual([5, 6]);
    expect(got.map((r) => r[2])).toEqual([143, 142]);
  });
});

const script = fileURLToPath(new URL("../../../dist/exec/scheduler/worker-main.js", import.meta.url));
const built = existsSync(script);
const pool = new WorkerPool({ size: 2, script });
afterAll(() => pool.close());

describe.skipIf(!built)("cached relations on worker threads (needs `npm run build`)", () => {
  it("materialises on the workers into shared memory that every later task reads", async () => {
    const events: TaskEvent[] = [];
    const services: EngineServices = { parallelism: 2, workerPool: pool, cache: new CacheManager(), onTask: (e) => events.push(e) };
    const conf = new SqlConf();
    conf.set("spark.sql.shuffle.partitions", "4");
    const ctx = ctxOf(services, conf);
    const expected = sorted(await rows(sumByK(base(100_000)), ctx));
    persistQuery(base(100_000), StorageLevel.MEMORY_AND_DISK_DESER, ctx);
    for (let i = 0; i < 3; i++) expect(sorted(await rows(sumByK(base(100_000)), ctx))).toEqual(expected);
    const sortedIds: ParsedPlan = { kind: "Sort", input: base(100_000), orders: [{ kind: "SortOrder", child: col("v"), ascending: false, nullsFirst: false }], global: true };
    const top = await rows({ kind: "Limit", input: sortedIds, n: 2 }, ctx);
    expect(top.map((r) => r[0])).toEqual([99_999, 99_998]);
    // the cached data is intact after a sort read it
    expect(sorted(await rows(sumByK(base(100_000)), ctx))).toEqual(expected);
    expect(events.filter((e) => e.kinds.includes("InMemoryTableScan")).every((e) => e.threadId !== 0)).toBe(true);
    await unpersistQuery(base(100_000), ctx);
  });
});
