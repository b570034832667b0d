import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";
import { tempDir } from "../temp-dir.js";

const spark = SparkSession.builder.appName("read-write-parquet").getOrCreate();
afterAll(() => spark.stop());
const dir = tempDir("node-parquet-");
const fixture = fileURLToPath(new URL("../../../tests/fixtures/parquet/spark-all-types.snappy.parquet", import.meta.url));

describe("Node API: Parquet", () => {
  it("reads a file PySpark wrote, with its schema", async () => {
    const df = await spark.read.parquet(fixture);
    expect(df.dtypes.slice(0, 5)).toEqual([
      ["b", "boolean"],
      ["i8", "tinyint"],
      ["i16", "smallint"],
      ["i32", "int"],
      ["i64", "bigint"],
    ]);
    const rows = await df.select("s", "i64").where(F.col("i32").gt(0)).collect();
    expect(rows.map((r) => [r.get(0), r.get(1)])).toEqual([["héllo", 9007199254740993n]]);
  });

  it("writes partitioned Parquet with a codec and reads it back through format().load()", async () => {
    const out = path.join(dir, "parts");
    const df = spark.createDataFrame(
      [
        ["x", 1, 1.5],
        ["y", 2, 2.5],
        ["z", 2, null],
      ],
      "s string, k int, v double",
    );
    await df.write.partitionBy("k").option("compression", "zstd").parquet(out);
    expect(readdirSync(out).sort()).toEqual(["_SUCCESS", "k=1", "k=2"]);
    expect(readdirSync(path.join(out, "k=2")).every((f) => f.endsWith(".zstd.parquet"))).toBe(true);
    const back = await spark.read.format("parquet").load(out);
    expect(back.dtypes).toEqual([
      ["s", "string"],
      ["v", "double"],
      ["k", "int"],
    ]);
    const rows = await back.where(F.col("k").eq(2)).orderBy("s").collect();
    expect(rows.map((r) => [r.get(0), r.get(1), r.get(2)])).toEqual([
      ["y", 2.5, 2],
      ["z", null, 2],
    ]);
  });
});
