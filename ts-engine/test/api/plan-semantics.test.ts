
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";
import { tempDir } from "../temp-dir.js";

// Expected answers are PySpark 4.0.1's (tests/golden/cases/actions_semantics.out).
const spark = SparkSession.builder.appName("plan-semantics").getOrCreate();
afterAll(() => spark.stop());

describe("Node API: sameSemantics, semanticHash, inputFiles", () => {
  it("tells plans apart by what they compute, not by expression ids or alias names", () => {
    const a = spark.range(10);
    expect(a.sameSemantics(spark.range(10))).toBe(true);
    expect(a.semanticHash()).toBe(spark.range(10).semanticHash());
    expect(a.select(F.col("id").alias("x")).sameSemantics(a.select(F.col("id").alias("y")))).toBe(true);
    expect(a.filter("id > 1").sameSemantics(a.where(F.col("id").gt(1)))).toBe(true);
    expect(a.filter("id > 1").sameSemantics(a.filter("id > 2"))).toBe(false);
    expect(a.filter("id > 1").semanticHash()).not.toBe(a.filter("id > 2").semanticHash());
    expect(spark.createDataFrame([[1]], ["a"]).sameSemantics(spark.createDataFrame([[2]], ["a"]))).toBe(false);
    expect(Number.isInteger(a.semanticHash())).toBe(true);
  });

  it("lists every file of the frame's file sources as file:/// URIs, none under a cache", async () => {
    const dir = tempDir("tspark-inputfiles-");
    await spark.range(6).withColumn("k", F.col("id").mod(2)).write.partitionBy("k").parquet(join(dir, "p"));
    const p = await spark.read.parquet(join(dir, "p"));
    const files = p.inputFiles();
    expect(files.length).toBeGreaterThan(1);
    expect(files.every((f) => f.startsWith(`file://${dir}/p/k=`) && f.endsWith(".parquet"))).toBe(true);
    expect(p.filter("k = 1").inputFiles().sort()).toEqual([...files].sort());
    expect(spark.range(3).inputFiles()).toEqual([]);
    const c = await spark.read.parquet(join(dir, "p"));
    c.cache();
    await c.count();
    expect(c.inputFiles()).toEqual([]);
  });
});
