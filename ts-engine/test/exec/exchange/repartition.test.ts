import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession, type DataFrame } from "../../../src/index.js";
import { roundRobinDealer } from "../../../src/exec/exchange/partition-hash.js";
import { XorShiftRandom } from "../../../src/expr/kernels/xorshift-random.js";

// df.repartition / repartitionByRange / coalesce / sortWithinPartitions, planned and run as
// Spark 4.0.1 plans them (tests/golden/cases/perf_repartition.py checks the same from Python).
const spark = SparkSession.builder.appName("repartition").getOrCreate();
afterAll(() => spark.stop());

const explain = (df: DataFrame): string => spark.engine.explainQuery(df.plan, "simple", spark.execContext());
const frame = (): DataFrame =>
  spark.range(0, 1000, 1, 4).select(F.col("id"), F.col("id").mod(7).alias("k"), F.col("id").mod(3).cast("string").alias("s"));

/** [partition, rows] in partition order. */
async function sizes(df: DataFrame): Promise<[number, number][]> {
  const rows = await df.select(F.spark_partition_id().alias("p")).groupBy("p").count().orderBy("p").collect();
  return rows.map((r) => [Number(r.get(0)), Number(r.get(1))]);
}

describe("repartition", () => {
  it("deals rows round robin from Spark's XORShiftRandom start into exactly n partitions", async () => {
    const r = frame().repartition(5);
    expect(explain(r)).toMatch(/Exchange RoundRobinPartitioning\(5\), REPARTITION_BY_NUM, \[plan_id=\d+\]/);
    expect(await r.rdd.getNumPartitions()).toBe(5);
    const got = await sizes(r);
    // each of the 4 map partitions (250 rows) deals from its own start: the counts are Spark's
    const want = [0, 0, 0, 0, 0];
    for (let m = 0; m < 4; m++) for (const id of roundRobinDealer(m, 5)(250)) want[id]!++;
    expect(got).toEqual(want.map((c, p) => [p, c]));
    expect(got.reduce((s, [, c]) => s + c, 0)).toBe(1000);
    expect(await r.count()).toBe(1000);
  });

  it("is SinglePartition for one partition", async () => {
    const r = frame().repartition(1);
    expect(explain(r)).toMatch(/Exchange SinglePartition, REPARTITION_BY_NUM/);
    expect(await r.rdd.getNumPartitions()).toBe(1);
  });

  it("hash-partitions by Spark's Murmur3 hash, so each row sits in pmod(hash(keys), n)", async () => {
    const h = frame().repartition(3, "k", F.col("s"));
    expect(explain(h)).toMatch(/Exchange hashpartitioning\(k#\d+L, s#\d+, 3\), REPARTITION_BY_NUM/);
    expect(await h.rdd.getNumPartitions()).toBe(3);
    const rows = await h.select(F.spark_partition_id(), F.pmod(F.hash("k", "s"), F.lit(3))).collect();
    expect(rows.length).toBe(1000);
    for (const r of rows) expect(Number(r.get(0))).toBe(Number(r.get(1)));
  });

  it("by columns alone uses spark.sql.shuffle.partitions, which AQE coalesces", async () => {
    const h = frame().repartition("k");
    expect(explain(h)).toMatch(/Exchange hashpartitioning\(k#\d+L, 200\), REPARTITION_BY_COL/);
    // 1000 small rows: one partition after coalescing (the 2 worker lanes' minimum does not apply to so little data)
    expect(await h.rdd.getNumPartitions()).toBeLessThan(200);
    expect(await h.count()).toBe(1000);
  });

  it("needs no exchange of its own under an aggregate on the same keys", async () => {
    const q = frame().repartition(3, "k").groupBy("k").agg(F.sum("id").alias("t"));
    expect(explain(q).split("\n").filter((l) => l.includes("Exchange ")).length).toBe(1);
    const got = (await q.collect()).map((r) => [Number(r.get(0)), Number(r.get(1))]).sort((a, b) => a[0]! - b[0]!);
    expect(got[0]).toEqual([0, 71_071]);
    expect(got.length).toBe(7);
  });

  it("lets a filter move below it", () => {
    const text = explain(frame().repartition(3, "k").filter(F.col("id").gt(500)));
    expect(text.indexOf("Exchange")).toBeLessThan(text.indexOf("Filter"));
  });
});

describe("repartitionByRange", () => {
  it("splits into ordered ranges", async () => {
    const r = frame().repartitionByRange(4, "id");
    expect(explain(r)).toMatch(/Exchange rangepartitioning\(id#\d+L ASC NULLS FIRST, 4\), REPARTITION_BY_NUM/);
    expect(await r.rdd.getNumPartitions()).toBe(4);
    const rows = await r.select(F.spark_partition_id().alias("p"), "id").groupBy("p").agg(F.min("id"), F.max("id")).orderBy("p").collect();
    for (let i = 1; i < rows.length; i++) expect(Number(rows[i]!.get(1))).toBeGreaterThan(Number(rows[i - 1]!.get(2)));
    expect(rows.reduce((s, r) => s + (Number(r.get(2)) - Number(r.get(1)) + 1), 0)).toBe(1000);
  });

  it("wants at least one column", () => {
    expect(() => frame().repartitionByRange(3)).toThrow(/CANNOT_BE_EMPTY/);
  });
});

describe("coalesce", () => {
  it("merges neighbouring partitions with no exchange", async () => {
    const c = frame().coalesce(2);
    const text = explain(c);
    expect(text).toMatch(/^== Physical Plan ==\nCoalesce 2\n\+- \*\(1\) Project/);
    expect(text).not.toContain("Exchange");
    expect(await c.rdd.getNumPartitions()).toBe(2);
    expect(await sizes(c)).toEqual([
      [0, 500],
      [1, 500],
    ]);
    expect(await frame().coalesce(10).rdd.getNumPartitions()).toBe(4);
    // partition order is kept: coalesce(1) reads the range's partitions in turn
    const ids = (await spark.range(0, 12, 1, 3).coalesce(1).collect()).map((r) => Number(r.get(0)));
    expect(ids).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("reads a shuffle's partitions in groups", async () => {
    const c = frame().repartition(6).coalesce(3);
    expect(await c.rdd.getNumPartitions()).toBe(3);
    expect(await c.count()).toBe(1000);
    const sum = await c.agg(F.sum("id")).first();
    expect(Number(sum?.get(0))).toBe(499_500);
  });

  it("rejects a count below one as Spark does", async () => {
    await expect(frame().coalesce(0).collect()).rejects.toThrow("requirement failed: Number of partitions (0) must be positive.");
    await expect(frame().repartition(0).collect()).rejects.toThrow("requirement failed: Number of partitions (0) must be positive.");
  });
});

describe("sortWithinPartitions", () => {
  it("sorts each partition without an exchange", async () => {
    const s = spark.range(0, 12, 1, 2).sortWithinPartitions(F.col("id").desc());
    expect(explain(s)).toMatch(/Sort \[id#\d+L DESC NULLS LAST\], false, 0/);
    expect(explain(s)).not.toContain("Exchange");
    expect((await s.collect()).map((r) => Number(r.get(0)))).toEqual([5, 4, 3, 2, 1, 0, 11, 10, 9, 8, 7, 6]);
  });
});

describe("XorShiftRandom.nextInt", () => {
  it("draws in [0, bound) for powers of two and others", () => {
    for (const bound of [1, 2, 5, 8, 200]) {
      const r = new XorShiftRandom(7n);
      for (let i = 0; i < 100; i++) {
        const x = r.nextInt(bound);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(bound);
      }
    }
  });
});
