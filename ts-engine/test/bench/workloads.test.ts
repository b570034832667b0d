import { afterAll, describe, expect, it } from "vitest";
import { benchFrame, filterProject, groupBySum } from "../../src/bench/workloads.js";
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
