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

describe("Node API: pivot and unpivot", () => {
  const courses = spark.createDataFrame(
    [
      ["dotNET", 2012, 10000, "a"],
      ["Java", 2012, 20000, "b"],
      ["dotNET", 2012, 5000, "a"],
      ["dotNET", 2013, 48000, null],
      ["Java", 2013, 30000, "c"],
    ],
    "course string, year bigint, earnings bigint, tag string",
  );

  it("pivots with values, and without (sorted distinct values found by the engine)", async () => {
    expect(await courses.groupBy("year").pivot("course", ["dotNET", "Java"]).sum("earnings").orderBy("year").showString()).toBe(
      table("+----+------+-----+", "|year|dotNET| Java|", "+----+------+-----+", "|2012| 15000|20000|", "|2013| 48000|30000|", "+----+------+-----+"),
    );
    expect(await courses.groupBy("year").pivot("course").sum("earnings").orderBy("year").showString()).toBe(
      table("+----+-----+------+", "|year| Java|dotNET|", "+----+-----+------+", "|2012|20000| 15000|", "|2013|30000| 48000|", "+----+-----+------+"),
    );
  });

  it("names value_aggregate columns for several aggregates", async () => {
    const q = courses.groupBy("course").pivot("year").agg(F.sum("earnings").alias("s"), F.count("tag").alias("n"));
    expect(await q.orderBy("course").showString()).toBe(
      table(
        "+------+------+------+------+------+",
        "|course|2012_s|2012_n|2013_s|2013_n|",
        "+------+------+------+------+------+",
        "|  Java| 20000|     1| 30000|     1|",
        "|dotNET| 15000|     2| 48000|     0|",
        "+------+------+------+------+------+",
      ),
    );
  });

  it("unpivots in Spark's row order, values cast to their common type", async () => {
    const df = spark.createDataFrame([[1, 11, 1.1], [2, 12, null]], "id bigint, int bigint, double double");
    expect(await df.unpivot("id", ["int", "double"], "var", "val").showString()).toBe(
      table("+---+------+----+", "| id|   var| val|", "+---+------+----+", "|  1|   int|11.0|", "|  1|double| 1.1|", "|  2|   int|12.0|", "|  2|double|NULL|", "+---+------+----+"),
    );
    await expect(spark.createDataFrame([[1, "x", 2]], "id bigint, s string, n bigint").unpivot("id", ["s", "n"], "k", "v").collect()).rejects.toThrow(
      /UNPIVOT_VALUE_DATA_TYPE_MISMATCH/,
    );
  });
});

describe("Node API: cleaning and set operations", () => {
  const people = spark.createDataFrame(
    [
      ["alice", 10, 80.5, true],
      ["bob", null, null, null],
      [null, 5, Number.NaN, false],
      [null, null, null, null],
    ],
    "name string, age int, height double, ok boolean",
  );

  it("fills nulls and NaN by type, drops and replaces", async () => {
    expect(await people.na.fill(0).showString()).toBe(
      table(
        "+-----+---+------+-----+",
        "| name|age|height|   ok|",
        "+-----+---+------+-----+",
        "|alice| 10|  80.5| true|",
        "|  bob|  0|   0.0| NULL|",
        "| NULL|  5|   0.0|false|",
        "| NULL|  0|   0.0| NULL|",
        "+-----+---+------+-----+",
      ),
    );
    expect(await people.dropna("all").count()).toBe(3);
    expect(await people.dropna("any", 2).count()).toBe(2);
    expect((await people.replace("alice", "carol").collect()).map((r) => r.get(0))).toEqual(["carol", "bob", null, null]);
    expect(() => people.replace([1, "a"], 2)).toThrow(/MIXED_TYPE_REPLACEMENT/);
  });

  it("drops duplicates by a subset and counts rows in exceptAll/intersectAll", async () => {
    const a = spark.createDataFrame(
      [["a", 1], ["a", 1], ["a", 1], ["b", 2], ["c", 3], [null, null], [null, null]],
      "k string, v int",
    );
    const b = spark.createDataFrame([["a", 1], ["a", 1], ["b", 2], ["d", 4], [null, null]], "k string, v int");
    expect(await a.exceptAll(b).orderBy("k", "v").showString()).toBe(
      table("+----+----+", "|   k|   v|", "+----+----+", "|NULL|NULL|", "|   a|   1|", "|   c|   3|", "+----+----+"),
    );
    expect(await a.intersectAll(b).count()).toBe(4);
    expect(await a.dropDuplicates(["k"]).count()).toBe(4);
  });
});

describe("Node API: statistics and sampling", () => {
  it("samples the rows PySpark samples for a seed over spark.range's splits", async () => {
    const r = spark.range(0, 40, 1, 2);
    expect((await r.sample(0.3, 42).collect()).map((x) => Number(x.get(0)))).toEqual([3, 7, 16, 18, 22, 23, 29, 35, 37, 39]);
    const parts = r.randomSplit([1.0, 2.0, 1.0], 11);
    expect((await parts[0]!.collect()).map((x) => Number(x.get(0)))).toEqual([0, 1, 8, 10, 15, 19, 23, 24, 26, 33, 36]);
  });

  it("gives PySpark's approxQuantile values", async () => {
    const big = spark.range(0, 1000, 1, 2).select(F.col("id").multiply(7).mod(1000).alias("x"));
    expect(await big.approxQuantile("x", [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0], 0.05)).toEqual([0.0, 69.0, 252.0, 481.0, 705.0, 857.0, 999.0]);
  });

  it("describes numeric and string columns", async () => {
    const df = spark.createDataFrame([["a", 1], ["b", 2], ["c", 3], ["a", 4], [null, 5]], "s string, i int");
    const rows = await df.describe().collect();
    expect(rows.map((r) => [r.get(0), r.get(1), r.get(2)])).toEqual([
      ["count", "4", "5"],
      ["mean", null, "3.0"],
      ["stddev", null, "1.5811388300841898"],
      ["min", "a", "1"],
      ["max", "c", "5"],
    ]);
  });
});
