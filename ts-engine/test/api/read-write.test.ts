import { readdirSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AnalysisException, functions as F, SparkSession } from "../../src/index.js";
import { tempDir } from "../temp-dir.js";

const spark = SparkSession.builder.appName("read-write").getOrCreate();
afterAll(() => spark.stop());
const dir = tempDir("node-rw-");

describe("Node API: spark.read and df.write", () => {
  it("reads text files with partition columns and prunes them by a filter", async () => {
    for (const [y, v] of [
      ["2024", "a"],
      ["2025", "b"],
    ] as const) {
      mkdirSync(path.join(dir, "t", `year=${y}`), { recursive: true });
      writeFileSync(path.join(dir, "t", `year=${y}`, "f.txt"), `${v}\n${v}${v}\n`);
    }
    const df = await spark.read.text(path.join(dir, "t"));
    expect(df.dtypes).toEqual([
      ["value", "string"],
      ["year", "int"],
    ]);
    const rows = await df.filter(F.col("year").eq(2025)).collect();
    expect(rows.map((r) => [r.get(0), r.get(1)])).toEqual([
      ["b", 2025],
      ["bb", 2025],
    ]);
  });

  it("reads and writes XML (rowTag, attributes, nested elements) and compressed text", async () => {
    const xml = path.join(dir, "in.xml");
    writeFileSync(xml, '<root><r id="1"><name>a</name><tags><t>x</t><t>y</t></tags></r><r id="2"><name>b</name></r></root>');
    const df = await spark.read.xml(xml, { rowTag: "r" });
    expect(df.dtypes).toEqual([
      ["_id", "bigint"],
      ["name", "string"],
      ["tags", "struct<t:array<string>>"],
    ]);
    expect((await df.orderBy("_id").collect()).map((r) => [r.get(0), r.get(1)])).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    await expect(spark.read.xml(xml)).rejects.toThrow(/XML_ROW_TAG_MISSING/);
    const out = path.join(dir, "xml-out");
    await df.select("_id", "name").write.xml(out, { rowTag: "row", rootTag: "rows", compression: "snappy" });
    expect(readdirSync(out).filter((n) => n.startsWith("part-")).every((n) => n.endsWith(".xml.snappy"))).toBe(true);
    const back = await spark.read.xml(out, { rowTag: "row" });
    expect((await back.orderBy("_id").collect()).map((r) => [r.get(0), r.get(1)])).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
  });

  it("rejects a missing path at load with PATH_NOT_FOUND", async () => {
    await expect(spark.read.format("text").load(path.join(dir, "missing"))).rejects.toBeInstanceOf(AnalysisException);
  });

  it("writes with modes and partitionBy, and reads back what it wrote", async () => {
    const out = path.join(dir, "out");
    const df = spark.createDataFrame([["x", 1], ["y", 2]], "value string, k int");
    await df.write.partitionBy("k").text(out);
    expect(readdirSync(out).sort()).toEqual(["_SUCCESS", "k=1", "k=2"]);
    await expect(df.write.text(out)).rejects.toThrow(/PATH_ALREADY_EXISTS/);
    await df.select("value").write.mode("overwrite").text(out, { compression: "gzip" });
    expect(readdirSync(out).filter((n) => n.startsWith("part-")).every((n) => n.endsWith(".txt.gz"))).toBe(true);
    const back = await spark.read.text(out);
    expect((await back.collect()).map((r) => r.get(0)).sort()).toEqual(["x", "y"]);
  });

  it("reads and writes CSV and JSON with options, as the Python API does", async () => {
    const csv = path.join(dir, "in.csv");
    writeFileSync(csv, 'id;name;score\n1;"a;b";1.5\n2;NA;2\n');
    const df = await spark.read.csv(csv, { header: true, inferSchema: true, sep: ";", nullValue: "NA" });
    expect(df.dtypes).toEqual([
      ["id", "int"],
      ["name", "string"],
      ["score", "double"],
    ]);
    expect((await df.collect()).map((r) => [r.get(0), r.get(1), r.get(2)])).toEqual([
      [1, "a;b", 1.5],
      [2, null, 2],
    ]);
    const out = path.join(dir, "json-out");
    await df.write.json(out);
    const back = await spark.read.format("json").load(out);
    expect(back.dtypes).toEqual([
      ["id", "bigint"],
      ["name", "string"],
      ["score", "double"],
    ]);
    expect((await back.orderBy("id").collect()).map((r) => r.get(1))).toEqual(["a;b", null]);
    const csvOut = path.join(dir, "csv-out");
    await back.orderBy("id").write.option("header", true).csv(csvOut);
    const again = await spark.read.option("header", true).schema("id long, name string, score double").csv(csvOut);
    expect((await again.orderBy("id").collect()).map((r) => [r.get(0), r.get(1), r.get(2)])).toEqual([
      [1, "a;b", 1.5],
      [2, null, 2],
    ]);
  });
});
