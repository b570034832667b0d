import { describe, expect, it } from "vitest";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import type { EngineServices, TaskEvent } from "../../../src/exec/exec-context.js";
import { explainQuery } from "../../../src/engine/query-engine.js";
import { coalescePartitions } from "../../../src/exec/exchange/coalesce-partitions.js";
import { hashPartitionIds } from "../../../src/exec/exchange/partition-hash.js";
import { makeVector } from "../../../src/columnar/vector.js";
import type { Expr } from "../../../src/expr/expr.js";
import type { JoinHint, JoinType, LogicalPlan } from "../../../src/plan/logical-plan.js";
import type { ParsedPlan } from "../../../src/plan/parsed-plan.js";
import { IntegerType, LongType } from "../../../src/types/data-type.js";
import { alias, col, collectRows, fn, lit, range, testCtx } from "../../engine/helpers.js";

function confWith(kv: Record<string, string>): SqlConf {
  const c = new SqlConf();
  for (const [k, v] of Object.entries(kv)) c.set(k, v);
  return c;
}

/** Runs a plan in-process, recording every task. */
async function traced(plan: ParsedPlan, kv: Record<string, string> = {}): Promise<{ rows: unknown[][]; tasks: TaskEvent[] }> {
  const tasks: TaskEvent[] = [];
  const services: EngineServices = { parallelism: 2, onTask: (e) => tasks.push(e) };
  const rows = await collectRows(plan, testCtx(services, confWith(kv)));
  return { rows, tasks };
}

const sortRows = (rows: unknown[][]): string[] => rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).sort();

/** The same rows as a single shuffle partition gives (the old gathering path). */
async function expectSameAsSinglePartition(plan: LogicalPlan, kv: Record<string, string> = {}): Promise<unknown[][]> {
  const many = await traced(plan, { "spark.sql.shuffle.partitions": "7", "spark.sql.adaptive.enabled": "false", ...kv });
  const one = await traced(plan, { "spark.sql.shuffle.partitions": "1", ...kv });
  expect(sortRows(many.rows)).toEqual(sortRows(one.rows));
  return many.rows;
}

const keyed = (n: number, mod: number, k: string, v: string): LogicalPlan => ({
  kind: "Project",
  input: range(0, n, 1, 3),
  exprs: [alias(fn("%", col("id"), lit(mod, LongType)), k), alias(col("id"), v)],
});

const grouped: LogicalPlan = {
  kind: "Aggregate",
  input: keyed(20_000, 101, "k", "v"),
  groupBy: [col("k")],
  aggs: [alias(fn("sum", col("v")), "s"), alias(fn("count", lit(1, IntegerType)), "c")],
};

const resultTasks = (tasks: readonly TaskEvent[]): TaskEvent[] => {
  const last = Math.max(...tasks.map((t) => t.stageId));
  return tasks.filter((t) => t.stageId === last);
};

describe("hash exchange", () => {
  it("writes spark.sql.shuffle.partitions partitions and runs the final aggregate once per partition", async () => {
    const { rows, tasks } = await traced(grouped, { "spark.sql.shuffle.partitions": "9", "spark.sql.adaptive.enabled": "false" });
    expect(rows.length).toBe(101);
    const reduce = resultTasks(tasks);
    expect(reduce.length).toBe(9);
    expect(reduce.every((t) => t.kinds.includes("HashAggregate") && t.kinds.includes("ShuffleRead"))).toBe(true);
    expect(reduce.map((t) => t.partition).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // each group is in exactly one partition: 101 distinct keys over all partitions
    expect(new Set(rows.map((r) => r[0])).size).toBe(101);
  });

  it("coalesces small partitions adaptively (AQE) and honours the advisory size", async () => {
    const small = await traced(grouped);
    expect(resultTasks(small.tasks).length).toBe(1);
    const sized = await traced(grouped, {
      "spark.sql.shuffle.partitions": "64",
      "spark.sql.adaptive.coalescePartitions.minPartitionSize": "1",
      "spark.sql.adaptive.coalescePartitions.parallelismFirst": "false",
      "spark.sql.adaptive.advisoryPartitionSizeInBytes": "2000",
    });
    const n = resultTasks(sized.tasks).length;
    expect(n).toBeGreaterThan(1);
    expect(n).toBeLessThan(64);
    expect(sortRows(sized.rows)).toEqual(sortRows(small.rows));
  });

  it("gives the same rows as one partition for group-by, distinct and global aggregates", async () => {
    await expectSameAsSinglePartition(grouped);
    const distinct: LogicalPlan = { kind: "Distinct", input: { kind: "Project", input: keyed(5000, 13, "k", "v"), exprs: [col("k")] } };
    expect((await expectSameAsSinglePartition(distinct)).length).toBe(13);
    const global: LogicalPlan = { kind: "Aggregate", input: keyed(5000, 13, "k", "v"), groupBy: [], aggs: [alias(fn("sum", col("v")), "s")] };
    expect(await expectSameAsSinglePartition(global)).toEqual([[12_497_500]]);
  });

  it("hashes equal keys to one partition whatever their storage, and every id is in range", () => {
    const a = makeVector(LongType, Float64Array.from([1, 2, 3, 2 ** 40, -7]), null, 5);
    const b = makeVector(LongType, BigInt64Array.from([1n, 2n, 3n, 2n ** 40n, -7n]), null, 5);
    const i = makeVector(IntegerType, Int32Array.from([1, 2, 3, 0, -7]), null, 5);
    const pa = hashPartitionIds([a], 5, 13);
    expect(hashPartitionIds([b], 5, 13)).toEqual(pa);
    const pi = hashPartitionIds([i], 5, 13);
    expect([pi[0], pi[1], pi[2], pi[4]]).toEqual([pa[0], pa[1], pa[2], pa[4]]);
    const many = hashPartitionIds([makeVector(LongType, Float64Array.from({ length: 10_000 }, (_, k) => k), null, 10_000)], 10_000, 200);
    expect(many.every((p) => p >= 0 && p < 200)).toBe(true);
    expect(new Set(many).size).toBe(200);
  });

  it("coalesces contiguous partitions up to the target and keeps a minimum count with parallelismFirst", () => {
    const conf = confWith({ "spark.sql.adaptive.advisoryPartitionSizeInBytes": "100", "spark.sql.adaptive.coalescePartitions.minPartitionSize": "1" });
    expect(coalescePartitions([40, 40, 40, 40, 40], conf, 1)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 5 },
    ]);
    // a tail under a fifth of the target joins its neighbour
    expect(coalescePartitions([40, 40, 40, 40, 10], conf, 1)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 5 },
    ]);
    expect(coalescePartitions([10, 10, 10, 10], conf, 2)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    const off = confWith({ "spark.sql.adaptive.enabled": "false" });
    expect(coalescePartitions([1, 1, 1], off, 2).length).toBe(3);
  });

  it("raises a coalesced count past the parallelism to a multiple of it, so no thread runs a round alone", () => {
    const conf = confWith({ "spark.sql.adaptive.advisoryPartitionSizeInBytes": "45", "spark.sql.adaptive.coalescePartitions.minPartitionSize": "1" });
    const sizes = Array.from({ length: 12 }, () => 10);
    // 45-byte target: 3 ranges of 40; on 2 threads that is 4 of 30
    expect(coalescePartitions(sizes, conf, 1)).toHaveLength(3);
    expect(coalescePartitions(sizes, conf, 2)).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 6 },
      { start: 6, end: 9 },
      { start: 9, end: 12 },
    ]);
  });
});

describe("single partitions", () => {
  it("adds no exchange above a plan that is already one partition, as Spark's EnsureRequirements", async () => {
    const limited: LogicalPlan = {
      kind: "Aggregate",
      input: { kind: "Limit", n: 5, input: { kind: "Project", input: range(0, 3000, 1, 2), exprs: [alias(fn("%", col("id"), lit(500, LongType)), "k")] } },
      groupBy: [col("k")],
      aggs: [alias(fn("count", lit(1, IntegerType)), "c")],
    };
    const text = explainQuery(limited, "simple", testCtx()).replace(/#\d+/g, "#N").replace(/plan_id=\d+/g, "plan_id=N");
    // recorded from PySpark 4.0.1: spark.range(3000).select((col("id") % 500).alias("k")).limit(5).groupBy("k").count()
    expect(text.split("\n").slice(1, 8)).toEqual([
      "AdaptiveSparkPlan isFinalPlan=false",
      "+- HashAggregate(keys=[k#NL], functions=[count(1)])",
      "   +- HashAggregate(keys=[k#NL], functions=[partial_count(1)])",
      "      +- GlobalLimit 5, 0",
      "         +- Exchange SinglePartition, ENSURE_REQUIREMENTS, [plan_id=N]",
      "            +- LocalLimit 5",
      "               +- Project [(id#NL % 500) AS k#NL]",
    ]);
    expect(sortRows((await traced(limited)).rows)).toEqual(sortRows([[0, 1], [1, 1], [2, 1], [3, 1], [4, 1]]));
  });
});

describe("joins over exchanges", () => {
  const left = keyed(3000, 500, "k", "v");
  const right: LogicalPlan = { kind: "Project", input: range(0, 700, 1, 2), exprs: [alias(col("id"), "k2"), alias(fn("*", col("id"), lit(10, LongType)), "w")] };
  /** The inputs wrapped in `df.hint(...)` as the hint asks. */
  const hinted = (p: LogicalPlan, name: string | undefined): ParsedPlan => (name === undefined ? p : { kind: "Hint", input: p, name, parameters: [] });
  const join = (jt: JoinType, hint?: JoinHint): ParsedPlan => ({
    kind: "Join",
    left: hinted(left, hint?.left),
    right: hinted(right, hint?.right),
    joinType: jt,
    condition: fn("==", col("k"), col("k2")),
  });
  /** SHUFFLE_HASH on the side a shuffled hash join of this type can build. */
  const shuffleHash = (jt: JoinType): JoinHint => (jt === "right" ? { left: "shuffle_hash" } : { right: "shuffle_hash" });

  it("broadcasts a small side and shuffles both sides when broadcasts are off, with the same rows", async () => {
    for (const jt of ["inner", "left", "right", "full", "left_semi", "left_anti"] as const) {
      const bc = await traced(join(jt));
      const off = { "spark.sql.autoBroadcastJoinThreshold": "-1", "spark.sql.shuffle.partitions": "5", "spark.sql.adaptive.enabled": "false" };
      // past the threshold Spark sort-merges (spark.sql.join.preferSortMergeJoin); SHUFFLE_HASH asks for a shuffled hash join
      for (const [hint, kind] of [[undefined, "SortMergeJoin"], [shuffleHash(jt), "HashJoin"]] as const) {
        const sh = await traced(join(jt, hint), off);
        expect(sortRows(sh.rows)).toEqual(sortRows(bc.rows));
        const joinTasks = sh.tasks.filter((t) => t.kinds.includes(kind));
        expect(joinTasks.length).toBe(5);
        expect(joinTasks.every((t) => t.kinds.filter((k) => k === "ShuffleRead").length === 2)).toBe(true);
      }
    }
    expect((await traced(join("inner"))).rows.length).toBe(3000);
    expect((await traced(join("full"))).rows.length).toBe(3200);
  });

  it("explains what runs: broadcast build side by join type, shuffled hash join past the threshold", () => {
    const ids = (s: string): string => s.replace(/#\d+/g, "#N").replace(/plan_id=\d+/g, "plan_id=N");
    const text = (jt: JoinType, kv: Record<string, string> = {}, hint?: JoinHint): string => ids(explainQuery(join(jt, hint), "simple", testCtx({ parallelism: 2 }, confWith(kv))));
    expect(text("inner")).toContain("BroadcastHashJoin [k#NL], [k2#NL], Inner, BuildRight, false");
    expect(text("inner")).toContain("BroadcastExchange HashedRelationBroadcastMode(List(input[0, bigint, false]),false), [plan_id=N]");
    // right outer cannot broadcast the right side: Spark builds the left
    expect(text("right")).toContain("BroadcastHashJoin [k#NL], [k2#NL], RightOuter, BuildLeft, false");
    const off = { "spark.sql.autoBroadcastJoinThreshold": "-1" };
    const sh = text("left", off, shuffleHash("left"));
    expect(sh).toContain("ShuffledHashJoin [k#NL], [k2#NL], LeftOuter, BuildRight");
    expect(sh).toContain("Exchange hashpartitioning(k#NL, 200), ENSURE_REQUIREMENTS, [plan_id=N]");
    expect(sh).toContain("Exchange hashpartitioning(k2#NL, 200), ENSURE_REQUIREMENTS, [plan_id=N]");
    expect(text("right", off, shuffleHash("right"))).toContain("RightOuter, BuildLeft");
    // without a hint Spark's default past the threshold: a sort-merge join over sorted shuffles
    expect(text("left", off).split("\n").slice(1, 8)).toEqual([
      "AdaptiveSparkPlan isFinalPlan=false",
      "+- SortMergeJoin [k#NL], [k2#NL], LeftOuter",
      "   :- Sort [k#NL ASC NULLS FIRST], false, 0",
      "   :  +- Exchange hashpartitioning(k#NL, 200), ENSURE_REQUIREMENTS, [plan_id=N]",
      "   :     +- Project [(id#NL % 500) AS k#NL, id#NL AS v#NL]",
      "   :        +- Range (0, 3000, step=1, splits=3)",
      "   +- Sort [k2#NL ASC NULLS FIRST], false, 0",
    ]);
    // spark.sql.join.preferSortMergeJoin=false: the right side (3x smaller, fits a local map) builds a hash join
    expect(text("inner", { "spark.sql.autoBroadcastJoinThreshold": "5000", "spark.sql.join.preferSortMergeJoin": "false" })).toContain(
      "ShuffledHashJoin [k#NL], [k2#NL], Inner, BuildRight",
    );
  });
});

describe("range exchange for global sorts", () => {
  it("samples bounds, sorts each range partition and returns a global order", async () => {
    const shuffled: LogicalPlan = { kind: "Project", input: range(0, 30_000, 1, 3), exprs: [alias(fn("%", fn("*", col("id"), lit(7919, LongType)), lit(30_011, LongType)), "x")] };
    const sort: LogicalPlan = { kind: "Sort", global: true, input: shuffled, orders: [{ kind: "SortOrder", child: col("x"), ascending: false, nullsFirst: false }] };
    const { rows, tasks } = await traced(sort, { "spark.sql.shuffle.partitions": "6", "spark.sql.adaptive.enabled": "false" });
    expect(rows.length).toBe(30_000);
    const xs = rows.map((r) => r[0] as number);
    expect(xs.every((x, i) => i === 0 || xs[i - 1]! >= x)).toBe(true);
    const sorts = resultTasks(tasks);
    expect(sorts.length).toBeGreaterThan(2);
    expect(sorts.every((t) => t.kinds[0] === "Sort")).toBe(true);
  });
});

describe("distinct aggregates", () => {
  const data = keyed(6000, 10, "k", "v");
  const distinctOf = (e: Expr): Expr => (e.kind === "UnresolvedFunction" ? { ...e, isDistinct: true } : e);
  const plan: LogicalPlan = {
    kind: "Aggregate",
    input: { kind: "Project", input: data, exprs: [col("k"), alias(fn("%", col("v"), lit(37, LongType)), "m"), col("v")] },
    groupBy: [col("k")],
    aggs: [alias(distinctOf(fn("count", col("m"))), "cd"), alias(fn("sum", col("v")), "s"), alias(distinctOf(fn("sum", col("m"))), "sd")],
  };

  it("runs count(DISTINCT) as Spark's two aggregations around two exchanges", async () => {
    const rows = await expectSameAsSinglePartition(plan);
    expect(rows.length).toBe(10);
    // k = id % 10 and m = id % 37 are independent: every k sees all 37 values of m
    expect(rows.every((r) => r[1] === 37 && r[3] === 666)).toBe(true);
    const text = explainQuery(plan, "simple", testCtx()).replace(/#\d+/g, "#N").replace(/plan_id=\d+/g, "plan_id=N");
    expect(text.split("\n").slice(2, 8)).toEqual([
      "+- HashAggregate(keys=[k#NL], functions=[sum(v#NL), count(distinct m#NL), sum(distinct m#NL)])",
      "   +- Exchange hashpartitioning(k#NL, 200), ENSURE_REQUIREMENTS, [plan_id=N]",
      "      +- HashAggregate(keys=[k#NL], functions=[merge_sum(v#NL), partial_count(distinct m#NL), partial_sum(distinct m#NL)])",
      "         +- HashAggregate(keys=[k#NL, m#NL], functions=[merge_sum(v#NL)])",
      "            +- Exchange hashpartitioning(k#NL, m#NL, 200), ENSURE_REQUIREMENTS, [plan_id=N]",
      "               +- HashAggregate(keys=[k#NL, m#NL], functions=[partial_sum(v#NL)])",
    ]);
  });
});
