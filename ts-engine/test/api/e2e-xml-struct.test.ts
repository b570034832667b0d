import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";

// Expected values are PySpark 4.0.1's (tests/golden/cases/funcs_xml_struct.out).
const spark = SparkSession.builder.appName("e2e-xml-struct").getOrCreate();
afterAll(() => spark.stop());

describe("Node API end to end: from_xml, schema_of_xml, to_xml", () => {
  it("parses, infers and writes XML records as Spark does", async () => {
    const df = spark.createDataFrame([['<p><a>1</a><b>x</b></p>'], ["bad"], [null]], "x string");
    const rows = await df.select(F.from_xml("x", "a INT, b STRING").alias("r")).collect();
    expect(rows.map((r) => r.get(0) === null ? null : (r.get(0) as { toArray(): unknown[] }).toArray())).toEqual([[1, "x"], [null, null], null]);
    const s = await spark.range(1).select(F.schema_of_xml('<p a="1"><b>x</b><b>y</b><c>1.5</c></p>')).collect();
    expect(s[0]!.get(0)).toBe("STRUCT<_a: BIGINT, b: ARRAY<STRING>, c: DOUBLE>");
    const x = await spark.createDataFrame([[1, "<&>"]], "a int, _b string").select(F.to_xml(F.struct("a", "_b"))).collect();
    expect(x[0]!.get(0)).toBe('<ROW b="&lt;&amp;>">\n    <a>1</a>\n</ROW>');
  });
});
