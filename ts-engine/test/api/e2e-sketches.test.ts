import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";

// Expected values are PySpark 4.0.1's (tests/golden/cases/funcs_sketches.out).
const spark = SparkSession.builder.appName("e2e-sketches").getOrCreate();
afterAll(() => spark.stop());
const hex = (b: unknown): string => Buffer.from(b as Uint8Array).toString("hex").toUpperCase();

describe("Node API end to end: HLL and count-min sketches", () => {
  it("builds, unions and estimates HLL sketches with Spark's bytes", async () => {
    const r = await spark.range(0, 3, 1, 1).agg(F.hll_sketch_agg("id").alias("s")).collect();
    expect(hex(r[0]!.get(0))).toBe("0201070C03000308CBD7C2042BF2FB06862FF90D" + "0".repeat(40));
    const pair = spark.range(0, 100, 1, 1).agg(F.hll_sketch_agg("id").alias("a"), F.hll_sketch_agg(F.col("id").plus(50)).alias("b"), F.hll_sketch_agg("id", 10).alias("c"));
    const u = await pair.select(F.hll_sketch_estimate(F.hll_union("a", "b")), F.hll_sketch_estimate(F.hll_union("a", "c", true))).collect();
    expect([u[0]!.get(0), u[0]!.get(1)]).toEqual([150, 101]);
    await expect(pair.select(F.hll_union("a", "c")).collect()).rejects.toThrow("[HLL_UNION_DIFFERENT_LG_K] Sketches have different `lgConfigK` values: 12 and 10.");
  });

  it("writes count-min sketches as Spark's CountMinSketch bytes", async () => {
    const df = spark.createDataFrame([[1], [2], [1]], "x int");
    const r = await df.select(F.hex(F.count_min_sketch("x", F.lit(0.5), F.lit(0.5), F.lit(1)))).collect();
    expect(r[0]!.get(0)).toBe("0000000100000000000000030000000100000004000000005D8D6AB90000000000000000000000000000000200000000000000010000000000000000");
    void hex;
  });
});
