import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";

// Expected values are PySpark 4.0.1's (tests/golden/cases/dt_interval_arith.out, collections_multi_alias.out).
const spark = SparkSession.builder.appName("e2e-intervals").config("spark.sql.session.timeZone", "America/Los_Angeles").getOrCreate();
afterAll(() => spark.stop());
const table = (...lines: string[]): string => lines.join("\n") + "\n";

describe("Node API end to end: intervals and multi-name aliases", () => {
  it("adds intervals to dates and timestamps on the session zone's wall clock", async () => {
    const df = spark.createDataFrame([[1, 2, 3]], ["y", "m", "h"]).select(
      F.make_date(F.lit(2024), F.lit(1), F.lit(31)).alias("dt"),
      F.to_timestamp(F.lit("2024-03-09 04:00:00")).alias("ts"),
      F.col("y").cast("int").alias("y"),
      F.col("m").cast("int").alias("m"),
      F.col("h").cast("int").alias("h"),
    );
    const ym = F.make_ym_interval("y", "m");
    const dt = F.make_dt_interval("y", "h");
    const out = await df.select(F.col("dt").plus(ym), F.col("ts").plus(dt), F.col("ts").minus(ym)).showString(20, 0);
    expect(out).toBe(
      table(
        "+---------------------------+---------------------------------+---------------------------+",
        "|dt + make_ym_interval(y, m)|ts + make_dt_interval(y, h, 0, 0)|ts - make_ym_interval(y, m)|",
        "+---------------------------+---------------------------------+---------------------------+",
        "|2025-03-31                 |2024-03-10 07:00:00              |2023-01-09 04:00:00        |",
        "+---------------------------+---------------------------------+---------------------------+",
      ),
    );
  });

  it("names a generator's columns with several aliases", async () => {
    const df = spark.createDataFrame([[[10, 20]]], "a array<int>");
    expect((await df.select(F.posexplode("a").alias("p", "e")).collect()).map((r) => [r.get(0), r.get(1)])).toEqual([
      [0, 10],
      [1, 20],
    ]);
  });
});
