import { afterAll, describe, expect, it, vi } from "vitest";
import { functions as F, SparkSession, type DataFrame } from "../../src/index.js";

// The Node API's join hints: df.hint(name) and functions.broadcast(df) choose the strategy
// that explain shows, as PySpark's do (tests/golden/cases/joins_strategies.out).
const spark = SparkSession.builder.appName("hints").getOrCreate();
afterAll(() => spark.stop());

function explained(df: DataFrame): string {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  try {
    df.explain();
  } finally {
    spy.mockRestore();
  }
  return out.join("");
}

describe("join hints", () => {
  const a = spark.range(100).withColumnRenamed("id", "k");
  const b = spark.range(100);
  const on = a.col("k").eq(b.col("id"));

  it("broadcasts a small side, sort-merges on MERGE, hash-joins on SHUFFLE_HASH, broadcasts on BROADCAST", () => {
    expect(explained(a.join(b, on))).toContain("BroadcastHashJoin [k#");
    expect(explained(a.hint("merge").join(b, on))).toContain("SortMergeJoin [k#");
    spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1");
    try {
      expect(explained(a.join(b, on, "left"))).toContain("SortMergeJoin [k#");
      expect(explained(a.join(b.hint("shuffle_hash"), on, "left"))).toContain("ShuffledHashJoin [k#");
      expect(explained(a.join(F.broadcast(b), on, "left"))).toContain("BroadcastHashJoin [k#");
    } finally {
      spark.conf.unset("spark.sql.autoBroadcastJoinThreshold");
    }
  });

  it("gives the same rows whatever the strategy", async () => {
    const rows = async (df: DataFrame): Promise<number> => (await df.collect()).length;
    const n = await rows(a.join(b, on, "left"));
    expect(n).toBe(100);
    expect(await rows(a.hint("merge").join(b, on, "left"))).toBe(n);
    expect(await rows(a.join(b.hint("shuffle_hash"), on, "left"))).toBe(n);
  });
});
