import { afterAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../src/index.js";

const spark = SparkSession.builder.appName("spark-sql").getOrCreate();
afterAll(() => spark.stop());

async function rows(q: string, args?: Parameters<SparkSession["sql"]>[1]): Promise<string[]> {
  return (await (await spark.sql(q, args)).collect()).map(String);
}

describe("spark.sql over the engine", () => {
  const people = spark.createDataFrame(
    [
      ["Alice", 2, "x"],
      ["Bob", 5, "y"],
      ["Carol", null, "x"],
    ],
    ["name", "age", "grp"],
  );
  people.createOrReplaceTempView("people");

  it("selects, filters and orders a temp view", async () => {
    expect(await rows("SELECT name, age + 1 AS next FROM people WHERE age IS NOT NULL ORDER BY age DESC")).toEqual([
      "Row(name='Bob', next=6)",
      "Row(name='Alice', next=3)",
    ]);
  });

  it("groups with HAVING, ordinals and aliases", async () => {
    expect(await rows("SELECT grp, count(*) AS n FROM people GROUP BY 1 HAVING count(*) > 1 ORDER BY grp")).toEqual(["Row(grp='x', n=2)"]);
    expect(await rows("SELECT upper(grp) AS g, sum(age) FROM people GROUP BY g ORDER BY g")).toEqual(["Row(g='X', sum(age)=2)", "Row(g='Y', sum(age)=5)"]);
    expect(await rows("SELECT grp, max(age) m FROM people GROUP BY ALL ORDER BY 1")).toEqual(["Row(grp='x', m=2)", "Row(grp='y', m=5)"]);
  });

  it("binds named and positional parameters", async () => {
    expect(await rows("SELECT name FROM people WHERE age > :min ORDER BY name", { min: 1 })).toEqual(["Row(name='Alice')", "Row(name='Bob')"]);
    expect(await rows("SELECT name FROM people WHERE age = ?", [5])).toEqual(["Row(name='Bob')"]);
  });

  it("reads kwargs DataFrames as relations", async () => {
    const df = spark.range(3);
    const out = await (await spark.sql("SELECT sum(id) AS s FROM {df}", undefined, { df })).collect();
    expect(out.map(String)).toEqual(["Row(s=3)"]);
  });

  it("joins with USING, NATURAL and ON, and unions", async () => {
    spark.createDataFrame([["x", "ex"], ["z", "zed"]], ["grp", "label"]).createOrReplaceTempView("labels");
    expect(await rows("SELECT name, label FROM people JOIN labels USING (grp) ORDER BY name")).toEqual(["Row(name='Alice', label='ex')", "Row(name='Carol', label='ex')"]);
    expect(await rows("SELECT * FROM people NATURAL LEFT JOIN labels WHERE name = 'Bob'")).toEqual(["Row(grp='y', name='Bob', age=5, label=None)"]);
    expect(await rows("SELECT p.name FROM people p, labels l WHERE p.grp = l.grp AND l.label = 'ex' ORDER BY 1")).toEqual(["Row(name='Alice')", "Row(name='Carol')"]);
    expect(await rows("SELECT 1 AS a UNION ALL SELECT 2 UNION SELECT 1 ORDER BY a")).toEqual(["Row(a=1)", "Row(a=2)"]);
  });

  it("runs CTEs, VALUES and range()", async () => {
    expect(await rows("WITH t AS (SELECT id * 2 AS d FROM range(3)) SELECT sum(d) FROM t")).toEqual(["Row(sum(d)=6)"]);
    expect(await rows("SELECT * FROM VALUES (1, 'a'), (2, 'b') AS v(n, s) WHERE n > 1")).toEqual(["Row(n=2, s='b')"]);
  });

  it("creates, lists and drops temp views with SQL", async () => {
    await spark.sql("CREATE OR REPLACE TEMP VIEW adults AS SELECT * FROM people WHERE age > 3");
    expect(await rows("SELECT name FROM adults")).toEqual(["Row(name='Bob')"]);
    const tables = (await (await spark.sql("SHOW TABLES LIKE 'adu*'")).collect()).map(String);
    expect(tables).toEqual(["Row(namespace='', tableName='adults', isTemporary=True)"]);
    await spark.sql("DROP VIEW adults");
    await expect(spark.sql("SELECT * FROM adults")).rejects.toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
  });

  it("keeps global temp views in global_temp", async () => {
    spark.range(2).createOrReplaceGlobalTempView("g");
    expect((await spark.table("global_temp.g").collect()).length).toBe(2);
    expect(await rows("SELECT count(*) FROM global_temp.g")).toEqual(["Row(count(1)=2)"]);
  });

  it("raises PARSE_SYNTAX_ERROR with the position", async () => {
    await expect(spark.sql("SELECT * FORM people")).rejects.toThrow(/PARSE_SYNTAX_ERROR.*'people'/s);
  });

  it("fails cleanly on deep nesting and completes on huge lists and unions", async () => {
    expect((await (await spark.sql(`SELECT ${"(".repeat(1000)}1${")".repeat(1000)} AS x`)).collect()).map(String)).toEqual(["Row(x=1)"]);
    const inList = Array.from({ length: 10000 }, (_, i) => i).join(", ");
    expect(await rows(`SELECT count(*) AS n FROM range(20000) WHERE id IN (${inList})`)).toEqual(["Row(n=10000)"]);
    const union = Array.from({ length: 500 }, (_, i) => `SELECT ${i} AS v`).join(" UNION ALL ");
    expect(await rows(`SELECT count(*) AS n FROM (${union})`)).toEqual(["Row(n=500)"]);
  });

  it("serves spark.catalog from the session's catalog", () => {
    spark.range(2).createOrReplaceTempView("cat_v");
    const c = spark.catalog;
    expect(c.currentDatabase()).toBe("default");
    expect(c.listTables().find((t) => t.name === "cat_v")).toEqual({ name: "cat_v", catalog: null, namespace: [], description: null, tableType: "TEMPORARY", isTemporary: true });
    expect(c.listColumns("cat_v")).toEqual([{ name: "id", description: null, dataType: "bigint", nullable: false, isPartition: false, isBucket: false, isCluster: false }]);
    expect([c.tableExists("cat_v"), c.tableExists("nope"), c.functionExists("abs"), c.databaseExists("nope")]).toEqual([true, false, true, false]);
    expect(c.isCached("cat_v")).toBe(false);
    c.cacheTable("cat_v");
    expect(c.isCached("cat_v")).toBe(true);
    c.uncacheTable("cat_v");
    expect(c.isCached("cat_v")).toBe(false);
    expect([c.dropTempView("cat_v"), c.dropTempView("cat_v")]).toEqual([true, false]);
    expect(() => c.setCurrentDatabase("nope")).toThrow(/SCHEMA_NOT_FOUND/);
  });

  it("intersects and subtracts frames", async () => {
    const a = spark.range(5);
    const b = spark.range(3, 8);
    expect((await a.intersect(b).orderBy("id").collect()).map(String)).toEqual(["Row(id=3)", "Row(id=4)"]);
    expect((await a.subtract(b).orderBy("id").collect()).map(String)).toEqual(["Row(id=0)", "Row(id=1)", "Row(id=2)"]);
  });

  it("turns comma joins with a WHERE equality into equi-joins (PushPredicateThroughJoin)", async () => {
    spark.range(10).createOrReplaceTempView("ja");
    spark.range(10).createOrReplaceTempView("jb");
    const plan = String((await (await spark.sql("EXPLAIN SELECT count(*) FROM ja, jb WHERE ja.id = jb.id AND ja.id > 2")).collect())[0]!.toArray()[0]);
    expect(plan).toMatch(/HashJoin \[id#\d+L\], \[id#\d+L\], Inner/);
    expect(plan).not.toMatch(/Cartesian|NestedLoop/);
    expect(await rows("SELECT count(*) AS n FROM ja, jb WHERE ja.id = jb.id AND ja.id > 2")).toEqual(["Row(n=7)"]);
  });

  it("takes the join key all OR branches share out of the OR, so they join on it (BooleanSimplification, TPC-H Q19)", async () => {
    spark.range(10).createOrReplaceTempView("oa");
    spark.range(10).createOrReplaceTempView("ob");
    const q = "SELECT count(*) AS n FROM oa, ob WHERE (oa.id = ob.id AND oa.id > 6) OR (ob.id = oa.id AND ob.id < 2)";
    const plan = String((await (await spark.sql(`EXPLAIN ${q}`)).collect())[0]!.toArray()[0]);
    expect(plan).toMatch(/HashJoin \[id#\d+L\], \[id#\d+L\], Inner/);
    expect(plan).not.toMatch(/Cartesian|NestedLoop/);
    expect(await rows(q)).toEqual(["Row(n=5)"]);
  });

  it("resolves a correlated subquery's names in its own relations first (TPC-H Q2's partsupp inside and out)", async () => {
    spark.createDataFrame([[1, 10], [1, 5], [2, 7]], ["k", "v"]).createOrReplaceTempView("cs");
    expect(await rows("SELECT k, v FROM cs WHERE v = (SELECT min(v) FROM cs c2 WHERE c2.k = cs.k) ORDER BY k")).toEqual(["Row(k=1, v=5)", "Row(k=2, v=7)"]);
    // unaliased, `cs.k` inside names the subquery's own cs (as in Spark): k = k holds, min is over all rows
    expect(await rows("SELECT k, v FROM cs WHERE v = (SELECT min(v) FROM cs WHERE k = cs.k) ORDER BY k")).toEqual(["Row(k=1, v=5)"]);
  });
});
