import { afterAll, describe, expect, it } from "vitest";
import { charSum, sortedSignature, twice } from "../../src/bench/signature.js";
import {
  benchFrame,
  countDistinct,
  dataSpec,
  distinctFrame,
  filterProject,
  groupByString,
  groupBySum,
  joinAgg,
  joinFrames,
  sortColumn,
  sortDoubleFrame,
  sortStringFrame,
  stringKeyFrame,
} from "../../src/bench/workloads.js";
import { SparkSession } from "../../src/index.js";

const ROWS = 20_000;
const v = (id: number): number => (id % 9973) * 0.5;

describe("bench workloads compute what their formulas say", () => {
  const spark = SparkSession.builder.appName("bench-test").getOrCreate();
  afterAll(() => spark.stop());
  const df = benchFrame(spark, ROWS);

  it("builds int keys and a double value from id", async () => {
    expect(df.dtypes).toEqual([
      ["id", "bigint"],
      ["k1", "int"],
      ["k2", "int"],
      ["v", "double"],
    ]);
    const r = await df.filter("id = 12345").first();
    expect(r?.asDict()).toEqual({ id: 12345, k1: 345, k2: (12345 % 99991) % 100, v: v(12345) });
  });

  it("group-by sums every row once, one group per distinct (k1, k2)", async () => {
    let want = 0;
    const keys = new Set<number>();
    for (let id = 0; id < ROWS; id++) {
      want += v(id);
      keys.add((id % 1000) * 100 + ((id % 99991) % 100));
    }
    const got = await groupBySum(df);
    expect(got.groups).toBe(keys.size);
    expect(got.sum).toBeCloseTo(want, 6);
  });

  it("filter+project counts and sums the kept rows", async () => {
    let count = 0;
    let sum = 0;
    for (let id = 0; id < ROWS; id++) {
      if (v(id) > 1000) {
        count++;
        sum += v(id) * 2;
      }
    }
    expect(await filterProject(df)).toEqual({ count, sum });
  });
});

describe("bench workloads: join, sorts, string group-by, count(DISTINCT)", () => {
  const spark = SparkSession.builder.appName("bench-test-2").getOrCreate();
  afterAll(() => spark.stop());
  const spec = dataSpec(ROWS);
  const ids = Array.from({ length: ROWS }, (_, i) => i);

  it("sizes the data: a tenth as dimension, 80% of fk matching, dk a multiple of 1000", () => {
    expect(spec).toMatchObject({ rows: ROWS, dimRows: 2000, fkMod: 2500, dkMod: 2000 });
    expect(dataSpec(10_000_000)).toMatchObject({ dimRows: 1_000_000, fkMod: 1_250_000, dkMod: 1_000_000 });
  });

  it("group-by a string key: one group per key, every row counted once", async () => {
    const groups = new Map<string, { s: number; c: number }>();
    for (const id of ids) {
      const k = `key_${id % spec.gkMod}`;
      const g = groups.get(k) ?? { s: 0, c: 0 };
      g.s += v(id);
      g.c += 1;
      groups.set(k, g);
    }
    let checksum = 0n;
    for (const [k, g] of groups) checksum += twice(g.s) ** 2n + BigInt(g.c) * charSum(k);
    const got = await groupByString(stringKeyFrame(spark, spec));
    expect(got).toMatchObject({ groups: groups.size, checksum: checksum.toString() });
  });

  it("count(DISTINCT dk) by k1 counts each (k1, dk) pair once", async () => {
    const pairs = new Map<number, Set<number>>();
    for (const id of ids) {
      const set = pairs.get(id % 1000) ?? new Set<number>();
      set.add(id % spec.dkMod);
      pairs.set(id % 1000, set);
    }
    let total = 0;
    let checksum = 0;
    for (const [k1, set] of pairs) {
      total += set.size;
      checksum += set.size * (k1 + 1);
    }
    expect(total).toBeLessThan(ROWS); // the data has duplicates to remove
    expect(await countDistinct(distinctFrame(spark, spec))).toEqual({ groups: pairs.size, total, checksum });
  });

  it("join keeps the fact rows whose fk is in the dimension, with their w", async () => {
    let count = 0;
    let sumV = 0;
    let sumW = 0;
    for (const id of ids) {
      const fk = (id * 7919) % spec.fkMod;
      if (fk < spec.dimRows) {
        count++;
        sumV += v(id);
        sumW += (fk % 997) * 0.5;
      }
    }
    const { fact, dim } = joinFrames(spark, spec);
    expect(await joinAgg(fact, dim)).toEqual({ count, sumV, sumW });
  });

  it("sorts the doubles: signature of the JS-sorted values", async () => {
    const half = Math.floor(spec.perm / 2);
    const want = ids.map((id) => ((id * 7919) % spec.perm - half) / 7).sort((a, b) => a - b);
    const got = await sortColumn(sortDoubleFrame(spark, spec));
    expect(got.rows).toBe(ROWS);
    expect(got.check()).toEqual(sortedSignature(want));
    expect(got.check()["p0"]).toBeLessThan(0);
  });

  it("sorts the strings: signature of the JS-sorted values", async () => {
    const want = ids.map((id) => `s${(id * 104729) % spec.perm}`).sort();
    const got = await sortColumn(sortStringFrame(spark, spec));
    expect(got.check()).toEqual({ ...sortedSignature(want), sorted: true });
  });
});
