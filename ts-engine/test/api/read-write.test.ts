import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
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

  it("validates XML rows against an XSD, writes bzip2, skips corrupt files and reads BACK_TO_DELIMITER multiLine, as from Python", async () => {
    const xsd = path.join(dir, "row.xsd");
    writeFileSync(
      xsd,
      '<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="r"><xs:complexType><xs:sequence>' +
        '<xs:element name="n" type="xs:integer"/></xs:sequence></xs:complexType></xs:element></xs:schema>',
    );
    const xml = path.join(dir, "xsd-in.xml");
    writeFileSync(xml, "<rows><r><n>1</n></r><r><n>x</n></r><r><n>3</n></r></rows>");
    const valid = await spark.read.schema("n INT, _corrupt_record STRING").xml(xml, { rowTag: "r", rowValidationXSDPath: xsd });
    expect((await valid.collect()).map((r) => [r.get(0), r.get(1)])).toEqual([
      [1, null],
      [null, "<r><n>x</n></r>"],
      [3, null],
    ]);
    const dropped = await spark.read.xml(xml, { rowTag: "r", rowValidationXSDPath: xsd, mode: "DROPMALFORMED" });
    expect(await dropped.count()).toBe(2);

    const bz = path.join(dir, "bz-out");
    await spark.range(5000).selectExpr("CAST(id AS STRING) AS value").write.option("compression", "bzip2").text(bz);
    const parts = readdirSync(bz).filter((n) => n.startsWith("part-"));
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((n) => n.endsWith(".txt.bz2") && readFileSync(path.join(bz, n)).subarray(0, 3).toString() === "BZh")).toBe(true);
    expect(await (await spark.read.text(bz)).selectExpr("sum(CAST(value AS BIGINT))").collect().then((r) => r[0]!.get(0))).toBe((5000 * 4999) / 2);

    const mixed = path.join(dir, "corrupt-mix");
    mkdirSync(mixed);
    writeFileSync(path.join(mixed, "a.txt"), "ok1\nok2\n");
    writeFileSync(path.join(mixed, "b.txt.gz"), gzipSync(Buffer.from("x\n".repeat(5000))).subarray(0, 40));
    await expect((await spark.read.text(mixed)).count()).rejects.toThrow(/FAILED_READ_FILE.*b\.txt\.gz/);
    const skipped = await spark.read.option("ignoreCorruptFiles", true).text(mixed);
    expect((await skipped.collect()).map((r) => r.get(0)).filter((v) => v !== "x")).toEqual(["ok1", "ok2"]);

    const csv = path.join(dir, "btd.csv");
    writeFileSync(csv, 'a,"x\ny"z",w\n1,2,3\n');
    const btd = await spark.read.schema("c0 string, c1 string, c2 string, c3 string, c4 string").csv(csv, { unescapedQuoteHandling: "BACK_TO_DELIMITER", multiLine: true });
    expect((await btd.collect()).map((r) => [0, 1, 2, 3, 4].map((i) => r.get(i)))).toEqual([
      ["a", "x", null, null, null],
      ["yz", "w", "1", "2", "3"],
    ]);
  }, 120_000);
});
