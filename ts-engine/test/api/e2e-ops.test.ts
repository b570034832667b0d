import { afterAll, describe, expect, it } from "vitest";
import { functions as F, IntegerType, SparkSession } from "../../src/index.js";

// Expected tables are PySpark 4.0.1's (tests/golden/cases/exprs.out, agg.out, joins.out).
const spark = SparkSession.builder.appName("e2e-ops").getOrCreate();
afterAll(() => spark.stop());
const df = spark.createDataFrame(
  [
    [1, 2.0, "a"],
    [2, null, "b"],
    [3, 4.5, null],
    [4, -1.0, "d"],
  ],
  ["i", "x", "s"],
);
const table = (...lines: string[]): string => lines.join("\n") + "\n";

describe("Node API end to end: expressions", () => {
  it("computes arithmetic with Spark's column names", async () => {
    const c = F.col("i");
    const out = await df.select("i", c.plus(1).alias("i1"), c.multiply(2), c.divide(2), c.mod(3), c.negate(), F.col("x").minus(c)).showString();
    expect(out).toBe(
      table(
        "+---+---+-------+-------+-------+-----------+-------+",
        "|  i| i1|(i * 2)|(i / 2)|(i % 3)|negative(i)|(x - i)|",
        "+---+---+-------+-------+-------+-----------+-------+",
        "|  1|  2|      2|    0.5|      1|         -1|    1.0|",
        "|  2|  3|      4|    1.0|      2|         -2|   NULL|",
        "|  3|  4|      6|    1.5|      0|         -3|    1.5|",
        "|  4|  5|      8|    2.0|      1|         -4|   -5.0|",
        "+---+---+-------+-------+-------+-----------+-------+",
      ),
    );
  });

  it("compares with SQL's three-valued logic", async () => {
    // JS has one number type: lit(2.0) is the integer 2, so this uses 2.5 where PySpark's golden has 2.0.
    const out = await df
      .select(F.col("i").gt(2), F.col("x").leq(2.5), F.col("s").eq("a"), F.col("s").neq("a"), F.col("x").isNull(), F.col("s").isNotNull())
      .showString();
    expect(out).toBe(
      table(
        "+-------+----------+-------+-------------+-----------+---------------+",
        "|(i > 2)|(x <= 2.5)|(s = a)|(NOT (s = a))|(x IS NULL)|(s IS NOT NULL)|",
        "+-------+----------+-------+-------------+-----------+---------------+",
        "|  false|      true|   true|        false|      false|           true|",
        "|  false|      NULL|  false|         true|       true|           true|",
        "|   true|     false|   NULL|         NULL|      false|          false|",
        "|   true|      true|  false|         true|      false|           true|",
        "+-------+----------+-------+-------------+-----------+---------------+",
      ),
    );
  });

  it("evaluates when/otherwise, isin, between, cast and literals", async () => {
    const size = F.when(F.col("i").gt(2), "big").when(F.col("i").gt(1), "mid").otherwise("small").alias("size");
    expect(await df.select(size, F.when(F.col("x").gt(0), F.col("x"))).showString()).toBe(
      table(
        "+-----+----------------------------+",
        "| size|CASE WHEN (x > 0) THEN x END|",
        "+-----+----------------------------+",
        "|small|                         2.0|",
        "|  mid|                        NULL|",
        "|  big|                         4.5|",
        "|  big|                        NULL|",
        "+-----+----------------------------+",
      ),
    );
    const out = await df
      .select(F.col("i").isin(1, 3), F.col("i").between(2, 3), F.col("i").cast("string"), F.col("x").cast(IntegerType), F.lit(5), F.lit("k"), F.lit(null))
      .showString();
    expect(out).toBe(
      table(
        "+-------------+-----------------------+---+----+---+---+----+",
        "|(i IN (1, 3))|((i >= 2) AND (i <= 3))|  i|   x|  5|  k|NULL|",
        "+-------------+-----------------------+---+----+---+---+----+",
        "|         true|                  false|  1|   2|  5|  k|NULL|",
        "|        false|                   true|  2|NULL|  5|  k|NULL|",
        "|         true|                   true|  3|   4|  5|  k|NULL|",
        "|        false|                  false|  4|  -1|  5|  k|NULL|",
        "+-------------+-----------------------+---+----+---+---+----+",
      ),
    );
  });

  it("adds, replaces, renames and drops columns, then sorts", async () => {
    const out = await df.withColumn("y", F.col("i").multiply(F.col("x"))).withColumn("i", F.col("i").plus(100)).showString();
    expect(out).toBe(
      table(
        "+---+----+----+----+",
        "|  i|   x|   s|   y|",
        "+---+----+----+----+",
        "|101| 2.0|   a| 2.0|",
        "|102|NULL|   b|NULL|",
        "|103| 4.5|NULL|13.5|",
        "|104|-1.0|   d|-4.0|",
        "+---+----+----+----+",
      ),
    );
    expect(df.withColumnRenamed("s", "str").drop("x").columns).toEqual(["i", "str"]);
    expect(await df.select("s").distinct().orderBy("s").showString()).toBe(
      table("+----+", "|   s|", "+----+", "|NULL|", "|   a|", "|   b|", "|   d|", "+----+"),
    );
    expect(await df.orderBy(F.col("x").desc_nulls_first()).limit(3).showString()).toBe(
      table("+---+----+----+", "|  i|   x|   s|", "+---+----+----+", "|  2|NULL|   b|", "|  3| 4.5|NULL|", "|  1| 2.0|   a|", "+---+----+----+"),
    );
    const doubled = await df.union(df).orderBy(F.col("i").desc(), "x").collect();
    expect(doubled.map((r) => r.i)).toEqual([4, 4, 3, 3, 2, 2, 1, 1]);
    expect(await df.selectExpr("i", "i * 10 as ten").columns).toEqual(["i", "ten"]);
  });
});

describe("Node API end to end: aggregation and joins", () => {
  const sales = spark.createDataFrame(
    [
      ["east", "a", 10, 1.5],
      ["east", "b", 20, 2.5],
      ["west", "a", 5, null],
      ["west", "a", 7, 4.0],
      [null, "c", 1, 1.0],
    ],
    ["region", "cat", "qty", "price"],
  );

  it("groups and aggregates with PySpark's column names", async () => {
    const out = await sales
      .groupBy("region")
      .agg(F.sum("qty").alias("total"), F.avg("price"), F.count("*"), F.min("qty"), F.max("price"))
      .orderBy("region")
      .showString();
    expect(out).toBe(
      table(
        "+------+-----+----------+--------+--------+----------+",
        "|region|total|avg(price)|count(1)|min(qty)|max(price)|",
        "+------+-----+----------+--------+--------+----------+",
        "|  NULL|    1|       1.0|       1|       1|       1.0|",
        "|  east|   30|       2.0|       2|      10|       2.5|",
        "|  west|   12|       4.0|       2|       5|       4.0|",
        "+------+-----+----------+--------+--------+----------+",
      ),
    );
    expect((await sales.groupBy("region", "cat").count().orderBy("region", "cat").collect()).map(String)).toEqual([
      "Row(region=None, cat='c', count=1)",
      "Row(region='east', cat='a', count=1)",
      "Row(region='east', cat='b', count=1)",
      "Row(region='west', cat='a', count=2)",
    ]);
    expect(await sales.agg(F.countDistinct("region"), F.sum("price")).showString()).toBe(
      table(
        "+----------------------+----------+",
        "|count(DISTINCT region)|sum(price)|",
        "+----------------------+----------+",
        "|                     2|       9.0|",
        "+----------------------+----------+",
      ),
    );
    expect(await sales.groupBy().max("qty").collect().then((r) => r.map(String))).toEqual(["Row(max(qty)=20)"]);
  });

  const emp = spark.createDataFrame(
    [
      [1, "Ann", 10],
      [2, "Ben", 20],
      [3, "Cid", 30],
      [4, "Dee", null],
    ],
    ["id", "name", "dept"],
  );
  const dept = spark.createDataFrame(
    [
      [10, "Sales"],
      [20, "Eng"],
      [40, "Ops"],
    ],
    ["dept", "dname"],
  );

  it("joins on a column name, keeping the key once", async () => {
    expect(await emp.join(dept, "dept", "left").orderBy("id").showString()).toBe(
      table(
        "+----+---+----+-----+",
        "|dept| id|name|dname|",
        "+----+---+----+-----+",
        "|  10|  1| Ann|Sales|",
        "|  20|  2| Ben|  Eng|",
        "|  30|  3| Cid| NULL|",
        "|NULL|  4| Dee| NULL|",
        "+----+---+----+-----+",
      ),
    );
    expect((await emp.join(dept, ["dept"], "full").collect()).length).toBe(5);
    expect((await emp.join(dept, "dept", "left_anti").collect()).map((r) => r.id).sort()).toEqual([3, 4]);
  });

  it("joins on an expression over both frames' columns", async () => {
    const out = await emp
      .join(dept, emp.col("dept").eq(dept.col("dept")), "left")
      .select(emp.col("name"), dept.col("dname"))
      .orderBy("name")
      .collect();
    expect(out.map(String)).toEqual([
      "Row(name='Ann', dname='Sales')",
      "Row(name='Ben', dname='Eng')",
      "Row(name='Cid', dname=None)",
      "Row(name='Dee', dname=None)",
    ]);
  });
});
