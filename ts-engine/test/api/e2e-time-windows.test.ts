import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";

// Expected values are PySpark 4.0.1's (tests/golden/cases/funcs_time_windows.out).
const spark = SparkSession.builder.appName("e2e-time-windows").config("spark.sql.session.timeZone", "UTC").getOrCreate();
afterAll(() => spark.stop());

const events = async () =>
  spark.sql(
    "SELECT * FROM VALUES (TIMESTAMP'2024-01-01 12:03:00', 'a', 1), (TIMESTAMP'2024-01-01 12:07:30', 'a', 2), (TIMESTAMP'2024-01-01 12:12:30', 'a', 5)," +
      " (TIMESTAMP'2024-01-01 12:21:00', 'b', 3), (TIMESTAMP'2024-01-01 12:26:00', 'b', 6), (TIMESTAMP'2024-01-01 11:59:59.999999', 'b', 7)," +
      " (CAST(NULL AS TIMESTAMP), 'b', 4) AS t(ts, k, v)",
  );

const text = (r: { get(i: number): unknown }, i: number): string => {
  const w = r.get(i) as { get(j: number): unknown } | readonly unknown[];
  const parts = Array.isArray(w) ? w : [(w as { get(j: number): unknown }).get(0), (w as { get(j: number): unknown }).get(1)];
  return parts.map((p) => (p instanceof Date ? p.toISOString() : String(p))).join(" / ");
};

describe("Node API end to end: time windows", () => {
  it("groups by tumbling and sliding windows, with Spark's schema and metadata", async () => {
    const df = await events();
    const t = df.groupBy(F.window("ts", "10 minutes")).agg(F.sum("v").alias("s"));
    const f = t.schema.fields[0]!;
    expect([f.name, f.nullable, f.metadata]).toEqual(["window", false, { "spark.timeWindow": true }]);
    expect((await t.orderBy("window").collect()).map((r) => [text(r, 0), r.get(1)])).toEqual([
      ["2024-01-01T11:50:00.000Z / 2024-01-01T12:00:00.000Z", 7],
      ["2024-01-01T12:00:00.000Z / 2024-01-01T12:10:00.000Z", 3],
      ["2024-01-01T12:10:00.000Z / 2024-01-01T12:20:00.000Z", 5],
      ["2024-01-01T12:20:00.000Z / 2024-01-01T12:30:00.000Z", 9],
    ]);
    const s = df.groupBy(F.window("ts", "15 minutes", "10 minutes")).count();
    expect(s.schema.fields[0]!.nullable).toBe(true);
    expect((await s.orderBy("window").collect()).map((r) => r.get(1))).toEqual([2, 3, 2, 2]);
    const w = await df.where(F.col("v").eq(1)).select(F.window_time(F.window("ts", "10 minutes", undefined, "2 minutes")).alias("t")).collect();
    expect(w.map((r) => (r.get(0) as Date).toISOString())).toEqual(["2024-01-01T12:11:59.999Z"]);
  });

  it("merges overlapping sessions per key, for static and dynamic gaps", async () => {
    const df = await events();
    const sw = df.groupBy("k", F.session_window("ts", "5 minutes")).agg(F.count("*").alias("n"));
    expect(sw.schema.fields[1]!.metadata).toEqual({ "spark.sessionWindow": true });
    expect((await sw.orderBy("k", "session_window").collect()).map((r) => [r.get(0), r.get(2)])).toEqual([
      ["a", 3],
      ["b", 1],
      ["b", 2],
    ]);
    const gap = F.when(F.col("k").eq("a"), "5 minutes").when(F.col("v").eq(7), "0 seconds").otherwise("20 minutes");
    expect((await df.groupBy(F.session_window("ts", gap)).count().orderBy("session_window").collect()).map((r) => r.get(1))).toEqual([3, 2]);
    const wt = await sw.select(F.window_time("session_window")).orderBy(F.col("window_time(session_window)")).collect();
    expect(wt.map((r) => (r.get(0) as Date).toISOString())).toEqual(["2024-01-01T12:04:59.999Z", "2024-01-01T12:17:29.999Z", "2024-01-01T12:30:59.999Z"]);
  });

  it("raises Spark's errors for bad durations and gaps", async () => {
    const df = await events();
    expect(() => F.window("ts", "")).toThrow("[NOT_STR]");
    await expect(df.select(F.window("ts", "5 minutes", "10 minutes")).collect()).rejects.toThrow("PARAMETER_CONSTRAINT_VIOLATION");
    await expect(df.select(F.session_window("ts", F.lit(5))).collect()).rejects.toThrow("must be CalendarIntervalType, but got IntegerType");
    await expect(df.select(F.window("ts", "10 minutes"), F.window("ts", "5 minutes")).collect()).rejects.toThrow("Multiple time/session window expressions");
  });
});
