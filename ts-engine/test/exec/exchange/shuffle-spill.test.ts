import { describe, expect, it } from "vitest";
import { makeBatch } from "../../../src/columnar/batch.js";
import { makeVector } from "../../../src/columnar/vector.js";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import { ShuffleMemory, ShuffleOutput, shuffleSpillStats } from "../../../src/exec/exchange/shuffle-store.js";
import { spillStats } from "../../../src/exec/memory/spill-file.js";
import type { ParsedPlan } from "../../../src/plan/parsed-plan.js";
import { LongType, structField, structType } from "../../../src/types/data-type.js";
import { alias, col, collectRows, fn, lit, range, testCtx } from "../../engine/helpers.js";

const schema = structType([structField("x", LongType, false)]);

/** A chunk of `n` rows x = base + i, grouped into `parts` reduce partitions of equal size. */
function chunk(base: number, n: number, parts: number): { batch: ReturnType<typeof makeBatch>; offsets: Int32Array } {
  const data = Float64Array.from({ length: n }, (_, i) => base + i);
  const offsets = Int32Array.from({ length: parts + 1 }, (_, p) => Math.floor((p * n) / parts));
  return { batch: makeBatch(schema, [makeVector(LongType, data, null, n)], n), offsets };
}

const values = (bs: readonly ReturnType<typeof makeBatch>[]): number[] =>
  bs.flatMap((b) => Array.from(b.columns[0]!.data as Float64Array).slice(0, b.numRows));

describe("shuffle store memory budget", () => {
  it("spills chunks past the budget and reads each range back whole", async () => {
    const before = { ...shuffleSpillStats };
    const live = spillStats().live;
    // room for about one chunk of 1000 longs (8 kB)
    const out = new ShuffleOutput(4, new ShuffleMemory(10_000, new SqlConf()));
    for (let c = 0; c < 5; c++) {
      const { batch, offsets } = chunk(c * 1000, 1000, 4);
      out.add(batch, offsets);
    }
    out.ranges = [
      { start: 0, end: 1 },
      { start: 1, end: 3 },
      { start: 3, end: 4 },
    ];
    const got = [await out.take(out.ranges[0]!, true), await out.take(out.ranges[1]!, true), await out.take(out.ranges[2]!, true)].map(values);
    expect(shuffleSpillStats.chunks - before.chunks).toBe(4);
    const want = (lo: number, hi: number): number[] => [0, 1, 2, 3, 4].flatMap((c) => Array.from({ length: (hi - lo) * 250 }, (_, i) => c * 1000 + lo * 250 + i));
    expect(got[0]).toEqual(want(0, 1));
    expect(got[1]).toEqual(want(1, 3));
    expect(got[2]).toEqual(want(3, 4));
    // every reader done: the files are gone
    await new Promise((r) => setTimeout(r, 50));
    expect(spillStats().live).toBe(live);
  });

  it("keeps a query's answer when its shuffles spill", async () => {
    const plan: ParsedPlan = {
      kind: "Aggregate",
      input: { kind: "Project", input: range(0, 200_000, 1, 3), exprs: [alias(fn("%", col("id"), lit(1001, LongType)), "k"), alias(col("id"), "v")] },
      groupBy: [col("k")],
      aggs: [alias(fn("sum", col("v")), "s"), alias(fn("count", lit(1, LongType)), "c")],
    };
    const conf = (mem: string | null): SqlConf => {
      const c = new SqlConf();
      c.set("spark.sql.shuffle.partitions", "8");
      // skip partial aggregation off: every raw row reaches the shuffle
      c.set("spark.sql.aggregate.skipPartialAggregate", "false");
      if (mem !== null) c.set("spark.executor.memory", mem);
      return c;
    };
    const sorted = (rows: unknown[][]): string[] => rows.map((r) => r.join(",")).sort();
    const plain = sorted(await collectRows(plan, testCtx({ parallelism: 2 }, conf(null))));
    const before = shuffleSpillStats.chunks;
    // a raw-row shuffle of 200k rows against about 1 MB of execution memory
    const repartitioned: ParsedPlan = { ...plan, input: { kind: "RepartitionByExpression", input: plan.input, partitionExprs: [col("v")], numPartitions: 5 } };
    const spilled = sorted(await collectRows(repartitioned, testCtx({ parallelism: 2 }, conf("4m"))));
    expect(shuffleSpillStats.chunks).toBeGreaterThan(before);
    expect(spilled).toEqual(plain);
    expect(plain.length).toBe(1001);
  });

  it("hands a reader the chunks in map partition order, whatever order the map tasks ended in", async () => {
    const out = new ShuffleOutput(2, new ShuffleMemory(1 << 30, new SqlConf()));
    // map task 2's chunk arrives first, then task 0's two chunks, then task 1's
    for (const [map, base] of [[2, 200], [0, 0], [0, 10], [1, 100]] as const) {
      const { batch, offsets } = chunk(base, 4, 2);
      out.add(batch, offsets, map);
    }
    out.ranges = [{ start: 0, end: 2 }];
    expect(values(await out.take(out.ranges[0]!, true))).toEqual([0, 1, 2, 3, 10, 11, 12, 13, 100, 101, 102, 103, 200, 201, 202, 203]);
  });
});
