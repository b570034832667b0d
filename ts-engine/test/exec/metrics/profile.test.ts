import { afterAll, describe, expect, it } from "vitest";
import { setProfileOutput } from "../../../src/exec/metrics/profile-output.js";
import { functions as F, SparkSession } from "../../../src/index.js";
import { captureStdout } from "../../api/capture.js";

/** The field block of the `nth` (0-based) operator named `name` in a formatted explain. */
function section(text: string, name: string, nth = 0): string {
  const blocks = text.split("\n\n").filter((b) => new RegExp(`^\\(\\d+\\) ${name}\\b`).test(b.trim()));
  return blocks[nth < 0 ? blocks.length + nth : nth] ?? `(no ${name} section)`;
}

describe("per-operator metrics", () => {
  const spark = SparkSession.builder.appName("profile-test").getOrCreate();
  afterAll(() => spark.stop());

  it("explain('formatted') after an action shows each operator's rows, batches, tasks and time", async () => {
    const df = spark
      .range(0, 10_000, 1, 4)
      .filter("id % 10 = 0")
      .groupBy(F.expr("id % 7").alias("k"))
      .agg(F.count("*").alias("c"));
    const before = await captureStdout(() => df.explain("formatted"));
    expect(before).not.toContain("Metrics:");
    expect(await df.collect()).toHaveLength(7);
    const after = await captureStdout(() => df.explain("formatted"));
    expect(section(after, "Range")).toMatch(/Metrics: rows=10000, batches=\d+, tasks=4, time=[\d.]+ ms \(self [\d.]+ ms\)/);
    expect(section(after, "Filter")).toMatch(/Metrics: rows=1000, /);
    // the partial aggregate makes up to 7 groups per task; the final one 7 in all
    expect(section(after, "HashAggregate", -1)).toMatch(/Metrics: rows=7, /);
    expect(section(after, "Exchange")).toMatch(/Metrics: rows=\d+, /);
    expect(after).toContain("isFinalPlan=true");
    // the same question as a new frame has not run: no metrics
    const again = spark.range(0, 10_000, 1, 4).filter("id % 10 = 0");
    expect(await captureStdout(() => again.explain("formatted"))).not.toContain("Metrics:");
  });

  it("shows the memory a sort held at its peak", async () => {
    const df = spark.range(0, 50_000, 1, 2).select(F.col("id").multiply(-1).alias("x")).orderBy("x");
    await df.collect();
    expect(section(await captureStdout(() => df.explain("formatted")), "Sort")).toMatch(/Metrics: rows=50000, .*peak memory=[\d.]+ [KM]iB/);
  });

  it("writes every query's profile where the profile output goes", async () => {
    const out: string[] = [];
    setProfileOutput((t) => out.push(t));
    try {
      await (await spark.sql("SELECT id % 3 AS k, count(*) AS c FROM range(100) GROUP BY id % 3")).collect();
    } finally {
      setProfileOutput(undefined);
    }
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^== tspark profile: query \d+, [\d.]+ ms ==\n== Physical Plan ==/);
    expect(out[0]).toMatch(/\(\d+\) HashAggregate[^\n]*\n(?:[^\n]+\n)*Metrics: rows=3, /);
  });
});
