import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";
import { captureStdout } from "./capture.js";

// Node's checkpoint / localCheckpoint (rows kept engine-side for the session), toArrow, and
// explain("formatted") (tests/golden/cases/frame_checkpoint, actions_explain_formatted).
const spark = SparkSession.builder.appName("checkpoint").getOrCreate();
afterAll(() => spark.stop());
const ids = (s: string): string => s.replace(/#\d+/g, "#N");

describe("checkpoint", () => {
  it("cuts the lineage: the plan names the saved rows, explain shows Scan ExistingRDD", async () => {
    const c = await spark.range(20).filter(F.col("id").gt(5)).checkpoint();
    expect(c.plan.kind === "LocalRelation" && c.plan.rows.length === 0 && c.plan.checkpointId !== undefined).toBe(true);
    expect(ids(await captureStdout(() => c.explain()))).toBe("== Physical Plan ==\n*(1) Scan ExistingRDD[id#NL]\n\n\n");
    expect(await c.count()).toBe(14);
    expect(ids(await captureStdout(() => c.select(F.col("id").multiply(2).alias("x")).explain()))).toBe(
      "== Physical Plan ==\n*(1) Project [(id#NL * 2) AS x#NL]\n+- *(1) Scan ExistingRDD[id#NL]\n\n\n",
    );
  });

  it("keeps the rows through clearCache and unpersist, lazily when not eager", async () => {
    const lc = await spark.range(30).repartition(3).localCheckpoint(false);
    await spark.catalog.clearCache();
    await lc.unpersist();
    expect(await lc.count()).toBe(30);
    const rows = await lc.orderBy("id").take(2);
    expect(rows.map((r) => r.get(0))).toEqual([0, 1]);
  });
});

describe("toArrow", () => {
  it("gives an Arrow table with Spark's Arrow types", async () => {
    const t = await spark.createDataFrame([[1, "a", 2.5], [2, null, null]], "k INT, v STRING, d DOUBLE").toArrow();
    expect(t.numRows).toBe(2);
    expect(t.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(["k:Int32", "v:Utf8", "d:Float64"]);
    expect(t.getChild("v")?.toArray()).toEqual(["a", null]);
  });
});

describe("explain formatted", () => {
  it("prints Spark's formatted layout, from the DataFrame and SQL alike", async () => {
    const df = spark.range(0, 10, 1, 2).filter(F.col("id").gt(3)).select(F.col("id").multiply(2).alias("d"));
    const text = ids(await captureStdout(() => df.explain("formatted")));
    expect(text).toBe(
      [
        "== Physical Plan ==",
        "* Project (3)",
        "+- * Filter (2)",
        "   +- * Range (1)",
        "",
        "",
        "(1) Range [codegen id : 1]",
        "Output [1]: [id#NL]",
        "Arguments: Range (0, 10, step=1, splits=Some(2))",
        "",
        "(2) Filter [codegen id : 1]",
        "Input [1]: [id#NL]",
        "Condition : (id#NL > 3)",
        "",
        "(3) Project [codegen id : 1]",
        "Output [1]: [(id#NL * 2) AS d#NL]",
        "Input [1]: [id#NL]",
        "",
        "",
        "",
      ].join("\n"),
    );
    df.createOrReplaceTempView("ef");
    const sql = await (await spark.sql("EXPLAIN FORMATTED SELECT d, count(*) AS c FROM ef GROUP BY d")).collect();
    const plan = ids(String(sql[0]?.get(0)));
    expect(plan).toContain("AdaptiveSparkPlan (7)");
    expect(plan).toContain("(4) HashAggregate\nInput [1]: [d#NL]\nKeys [1]: [d#NL]\nFunctions [1]: [partial_count(1)]\nAggregate Attributes [1]: [count#NL]\nResults [2]: [d#NL, count#NL]\n");
  });
});

describe("a stopped session", () => {
  it("frees its checkpoints: reading one fails as Spark's lost checkpoint block", async () => {
    const c = await spark.range(10).checkpoint();
    expect(await c.count()).toBe(10);
    spark.stop();
    await new Promise((r) => setTimeout(r, 50));
    await expect(c.count()).rejects.toThrow(/Checkpoint block rdd_checkpoint-\d+ not found/);
  });
});
