import { afterAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../src/index.js";

// sample(withReplacement = true) gives Spark's exact rows for a seed: PoissonSampler over
// commons-math's Well19937c, seeded per partition (tests/golden/cases/frame_sample_replacement.out).
const spark = SparkSession.builder.appName("sample-replacement").getOrCreate();
afterAll(() => spark.stop());

async function ids(n: number, parts: number, fraction: number, seed: number): Promise<unknown[]> {
  const rows = await spark.range(0, n, 1, parts).sample(true, fraction, seed).collect();
  return rows.map((r) => r.get("id"));
}

describe("sample with replacement", () => {
  it("repeats PySpark's rows and copies for a seed", async () => {
    expect(await ids(20, 2, 0.5, 42)).toEqual([5, 6, 7, 12, 12, 16, 18, 19]);
    expect(await ids(30, 3, 0.8, 3)).toEqual([5, 6, 9, 13, 14, 16, 16, 18, 19, 19, 22, 24, 25, 25, 25, 25, 26, 26, 27, 29]);
  });

  it("samples nothing below Spark's rounding epsilon", async () => {
    expect(await ids(100, 2, 1e-7, 1)).toEqual([]);
  });
});
