import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SparkSession, functions as F } from "../../src/index.js";

// Bucketed tables and partition transforms through the Node API, in a warehouse of this file's own.
const warehouse = mkdtempSync(path.join(os.tmpdir(), "tspark-bucketing-node-"));
const spark = SparkSession.builder.appName("bucketing").config("spark.sql.warehouse.dir", warehouse).getOrCreate();
afterAll(() => {
  spark.stop();
  rmSync(warehouse, { recursive: true, force: true });
});

/** The bucket ids in a table directory's file names (`part-…_00002.c000…`), per file. */
function bucketFiles(table: string): string[] {
  return readdirSync(path.join(warehouse, table)).filter((f) => f.startsWith("part-")).map((f) => /_(\d{5})\.c000/.exec(f)?.[1] ?? "none");
}

describe("bucketed tables from Node", () => {
  it("writes bucketBy / sortBy tables in Spark's buckets, one file per task and bucket", async () => {
    const df = spark.createDataFrame(Array.from({ length: 10 }, (_, i) => [i, `s${i % 3}`]), "id INT, s STRING").coalesce(1);
    await df.write.bucketBy(3, "id").sortBy("s").saveAsTable("nb");
    // PySpark 4.0.1's pmod(hash(id), 3) of 0…9 is 0,1,0,0,0,0,1,0,0,0: buckets 0 and 1 only
    expect(bucketFiles("nb").sort()).toEqual(["00000", "00001"]);
    const rows = await (await spark.sql("SELECT id, pmod(hash(id), 3) AS b FROM nb ORDER BY id")).collect();
    expect(rows.map((r) => r.b)).toEqual([0, 1, 0, 0, 0, 0, 1, 0, 0, 0]);
    const meta = JSON.parse(readFileSync(path.join(warehouse, "nb.tspark-table.json"), "utf8")) as { bucketSpec: unknown };
    expect(meta.bucketSpec).toEqual({ numBuckets: 3, bucketColumns: ["id"], sortColumns: ["s"] });
    const desc = (await (await spark.sql("DESCRIBE EXTENDED nb")).collect()).filter((r) => String(r.col_name).includes("Bucket") || r.col_name === "Sort Columns");
    expect(desc.map((r) => [r.col_name, r.data_type])).toEqual([["Num Buckets", "3"], ["Bucket Columns", "[`id`]"], ["Sort Columns", "[`s`]"]]);
    expect(spark.catalog.listColumns("nb").map((c) => c.isBucket)).toEqual([true, false]);
    await expect(df.write.bucketBy(2, "id").parquet(path.join(warehouse, "x"))).rejects.toThrow("'save' does not support bucketBy right now.");
    await expect(df.write.sortBy("s").saveAsTable("nb2")).rejects.toThrow(/SORT_BY_WITHOUT_BUCKETING/);
    await expect(df.write.mode("append").saveAsTable("nb")).rejects.toThrow(/Specified bucketing does not match/);
  });

  it("makes a bucket() transform of writeTo a bucketed table and refuses the other transforms", async () => {
    const df = spark.range(6).select(F.col("id"), F.col("id").cast("string").alias("s"));
    await df.writeTo("nt").partitionedBy(F.bucket(2, "id")).create();
    expect((await (await spark.sql("SHOW CREATE TABLE nt")).collect())[0]!.createtab_stmt).toContain("CLUSTERED BY (id)\nINTO 2 BUCKETS\n");
    await expect(df.writeTo("ny").partitionedBy(F.years("id")).create()).rejects.toThrow(/UNSUPPORTED_PARTITION_TRANSFORM/);
    await expect(df.writeTo("ny").partitionedBy(F.bucket(2, "id"), F.bucket(3, "s")).create()).rejects.toThrow(/MULTIPLE_BUCKET_TRANSFORMS/);
    await expect(df.writeTo("nt").overwrite(F.col("id").gt(2))).rejects.toThrow("Cannot write into v1 table: `spark_catalog`.`default`.`nt`.");
    await spark.sql("CREATE TABLE nc (a INT, b STRING) USING json CLUSTERED BY (a) SORTED BY (b) INTO 4 BUCKETS");
    await spark.sql("INSERT INTO nc VALUES (1, 'x'), (2, 'y'), (3, 'z')");
    expect(bucketFiles("nc").every((b) => b !== "none")).toBe(true);
    expect((await spark.table("nc").orderBy("a").collect()).map(String)).toEqual(["Row(a=1, b='x')", "Row(a=2, b='y')", "Row(a=3, b='z')"]);
  });
});
