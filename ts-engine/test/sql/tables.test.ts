import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../src/index.js";

// Persistent tables through the Node API, in a warehouse of this file's own.
const warehouse = mkdtempSync(path.join(os.tmpdir(), "tspark-tables-node-"));
const spark = SparkSession.builder.appName("tables").config("spark.sql.warehouse.dir", warehouse).getOrCreate();
afterAll(() => {
  spark.stop();
  rmSync(warehouse, { recursive: true, force: true });
});

async function rows(q: string): Promise<string[]> {
  return (await (await spark.sql(q)).collect()).map(String);
}

describe("persistent tables from Node", () => {
  it("creates, fills, reads and drops a table with SQL, keeping its metadata beside its data", async () => {
    await spark.sql("CREATE TABLE nt (a INT, b STRING) USING parquet PARTITIONED BY (b)");
    await spark.sql("INSERT INTO nt VALUES (1, 'x'), (2, 'y')");
    await spark.sql("INSERT INTO nt PARTITION (b = 'z') SELECT 3");
    expect(await rows("SELECT * FROM nt ORDER BY a")).toEqual(["Row(a=1, b='x')", "Row(a=2, b='y')", "Row(a=3, b='z')"]);
    expect(existsSync(path.join(warehouse, "nt", "b=z"))).toBe(true);
    const meta = JSON.parse(readFileSync(path.join(warehouse, "nt.tspark-table.json"), "utf8")) as { schema: string; partitionColumns: string[] };
    expect([meta.schema, meta.partitionColumns]).toEqual(["a INT, b STRING", ["b"]]);
    await expect(spark.sql("CREATE TABLE nt (a INT) USING parquet")).rejects.toThrow(/TABLE_OR_VIEW_ALREADY_EXISTS/);
    await spark.sql("DROP TABLE nt");
    expect(existsSync(path.join(warehouse, "nt"))).toBe(false);
    await expect(spark.sql("SELECT * FROM nt")).rejects.toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
  });

  it("writes DataFrames with saveAsTable, insertInto and writeTo, and reads them back", async () => {
    const df = spark.createDataFrame([[1, "a"], [2, "b"]], "id INT, s STRING");
    await df.write.saveAsTable("ns");
    await expect(df.write.saveAsTable("ns")).rejects.toThrow(/TABLE_OR_VIEW_ALREADY_EXISTS/);
    await df.select("s", "id").write.mode("append").saveAsTable("ns");
    expect((await spark.read.table("ns").orderBy("id").collect()).map(String)).toEqual(["Row(id=1, s='a')", "Row(id=1, s='a')", "Row(id=2, s='b')", "Row(id=2, s='b')"]);
    await spark.createDataFrame([[9, "z"]], "x INT, y STRING").write.insertInto("ns", true);
    expect((await spark.table("ns").collect()).map(String)).toEqual(["Row(id=9, s='z')"]);
    await df.writeTo("nv").using("json").partitionedBy("s").create();
    expect((await spark.table("nv").orderBy("id").collect()).map(String)).toEqual(["Row(id=1, s='a')", "Row(id=2, s='b')"]);
    // as Spark's session catalog: its file tables are v1, which v2 appends and replaces cannot write
    await expect(spark.createDataFrame([[5, "a"]], "id INT, s STRING").writeTo("nv").overwritePartitions()).rejects.toThrow(/Cannot write into v1 table: `spark_catalog`.`default`.`nv`/);
    await expect(spark.range(3).writeTo("nv").createOrReplace()).rejects.toThrow(/UNSUPPORTED_FEATURE.TABLE_OPERATION/);
    const listed = spark.catalog.listTables().filter((t) => !t.isTemporary).map((t) => [t.name, t.catalog, t.tableType]);
    expect(listed).toEqual([["ns", "spark_catalog", "MANAGED"], ["nv", "spark_catalog", "MANAGED"]]);
    expect([spark.catalog.tableExists("ns"), spark.catalog.tableExists("default.nv"), spark.catalog.tableExists("nope")]).toEqual([true, true, false]);
    await spark.sql("DROP TABLE ns");
    await spark.sql("DROP TABLE nv");
  });

  it("creates tables through spark.catalog.createTable, over a path or from a schema", async () => {
    const dir = path.join(warehouse, "..", `${path.basename(warehouse)}-ext`);
    await spark.range(4).write.parquet(dir);
    const ext = await spark.catalog.createTable("ext", { path: dir });
    expect(await ext.count()).toBe(4);
    const empty = await spark.catalog.createTable("emp", { schema: "a INT, b STRING" });
    expect(empty.columns).toEqual(["a", "b"]);
    await spark.sql("DROP TABLE ext");
    expect(existsSync(dir)).toBe(true); // an external table's files stay
    rmSync(dir, { recursive: true, force: true });
    await spark.sql("DROP TABLE emp");
  });
});
