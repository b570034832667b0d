import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";

// Expected values are PySpark 4.0.1's (tests/golden/cases/funcs_variant.out).
const spark = SparkSession.builder.appName("e2e-variant").getOrCreate();
afterAll(() => spark.stop());

describe("Node API end to end: the VARIANT type", () => {
  it("parses JSON, extracts paths with casts and prints variants as Spark does", async () => {
    const df = spark.createDataFrame([['{"b":1,"a":[1,2.50,"x"]}'], ["null"], [null]], "j string").select(F.parse_json("j").alias("v"));
    const rows = await df
      .select(
        F.to_json("v"),
        F.variant_get("v", "$.a[1]", "decimal(5,2)"),
        F.try_variant_get("v", "$.a[2]", "int"),
        F.schema_of_variant("v"),
        F.is_variant_null("v"),
      )
      .collect();
    expect(rows.map((r) => [r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)])).toEqual([
      ['{"a":[1,2.5,"x"],"b":1}', "2.50", null, "OBJECT<a: ARRAY<VARIANT>, b: BIGINT>", false],
      ["null", null, null, "VOID", true],
      [null, null, null, null, false],
    ]);
    await expect(df.select(F.variant_get("v", "$.a[2]", "int")).collect()).rejects.toThrow(
      "[INVALID_VARIANT_CAST] The variant value `\"x\"` cannot be cast into `\"INT\"`. Please use `try_variant_get` instead.",
    );
    const agg = await df.agg(F.schema_of_variant_agg("v")).collect();
    expect(agg[0]!.get(0)).toBe("OBJECT<a: ARRAY<VARIANT>, b: BIGINT>");
    const v = (await df.collect())[0]!.get(0) as { value: Uint8Array; metadata: Uint8Array };
    expect(Buffer.from(v.metadata).toString("hex")).toBe("01020001026261");
  });
});
