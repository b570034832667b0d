import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";

// Expected tables are PySpark 4.0.1's (tests/golden/cases/reshape_*.out).
const spark = SparkSession.builder.appName("reshape").getOrCreate();
afterAll(() => spark.stop());
const table = (...lines: string[]): string => lines.join("\n") + "\n";
const sales = spark.createDataFrame(
  [
    ["east", "a", 10, 1.5],
    ["east", "b", 20, 2.5],
    ["west", "a", 5, null],
    ["west", "a", 7, 4.0],
    [null, "c", 1, 1.0],
  ],
  "region string, cat string, qty bigint, price double",
);

describe("Node API: grouping sets", () => {
  it("cubes with grouping_id, as reshape_grouping.out", async () => {
    const cube = sales.cube("region", "cat").agg(F.sum("qty").alias("total"), F.count("*").alias("n"), F.grouping_id().alias("gid"));
    expect(await cube.orderBy("gid", "region", "cat").showString()).toBe(
      table(
        "+------+----+-----+---+---+",
        "|region| cat|total|  n|gid|",
        "+------+----+-----+---+---+",
        "|  NULL|   c|    1|  1|  0|",
        "|  east|   a|   10|  1|  0|",
        "|  east|   b|   20|  1|  0|",
        "|  west|   a|   12|  2|  0|",
        "|  NULL|NULL|    1|  1|  1|",
        "|  east|NULL|   30|  2|  1|",
        "|  west|NULL|   12|  2|  1|",
        "|  NULL|   a|   22|  3|  2|",
        "|  NULL|   b|   20|  1|  2|",
        "|  NULL|   c|    1|  1|  2|",
        "|  NULL|NULL|   43|  5|  3|",
        "+------+----+-----+---+---+",
      ),
    );
  });

  it("rolls up with grouping() and plans an Expand", async () => {
    const r = spark.range(10).select(F.col("id").mod(3).alias("a"), F.col("id").mod(2).alias("b"), F.col("id").alias("v"));
    const q = r.rollup("a").agg(F.sum("v"), F.grouping("a"));
    expect(await q.orderBy("a").showString()).toBe(
      table("+----+------+-----------+", "|   a|sum(v)|grouping(a)|", "+----+------+-----------+", "|NULL|    45|          1|", "|   0|    18|          0|", "|   1|    12|          0|", "|   2|    15|          0|", "+----+------+-----------+"),
    );
    const text = spark.engine.explainQuery(q.plan, "simple", spark.execContext()).replace(/#\d+/g, "#N");
    expect(text).toContain("Expand [[v#NL, a#NL, 0], [v#NL, null, 1]], [v#NL, a#NL, spark_grouping_id#NL]");
  });

  it("raises UNSUPPORTED_GROUPING_EXPRESSION for grouping() in a plain groupBy", async () => {
    await expect(sales.groupBy("region").agg(F.grouping("region")).collect()).rejects.toThrow(/UNSUPPORTED_GROUPING_EXPRESSION/);
  });
});
