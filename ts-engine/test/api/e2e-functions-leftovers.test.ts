import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";

// Expected values are PySpark 4.0.1's: tests/golden/cases/funcs_number_format, funcs_random_draws,
// funcs_aes, funcs_histogram_bitmap, types_calendar_interval and funcs_xpath (.out files).
const spark = SparkSession.builder.appName("e2e-functions-leftovers").getOrCreate();
afterAll(() => spark.stop());
const table = (...lines: string[]): string => lines.join("\n") + "\n";
const k16 = "abcdefghijklmnop";

describe("Node API end to end: number formats, random draws, AES, sketches, intervals, XPath", () => {
  it("parses and formats numbers with Spark's format strings", async () => {
    const df = spark.createDataFrame([["12,454.8-"], ["454"], ["x"]], "s string");
    const parsed = await df.select(F.try_to_number("s", F.lit("99,999.9S")).alias("n")).collect();
    expect(parsed.map((r) => r.get(0))).toEqual(["-12454.8", "454.0", null]);
    const num = spark.createDataFrame([[-12454.8, 0]], "n double, z int");
    const out = await num.select(F.to_char("n", F.lit("99G999D9S")), F.to_char("z", F.lit("S999")), F.to_varchar("n", F.lit("$9,999.99PR"))).collect();
    expect([out[0]!.get(0), out[0]!.get(1), out[0]!.get(2)]).toEqual(["12,454.8-", "   +", "<$# ###.##>"]);
    await expect(df.select(F.to_number("s", F.lit("9.9.9"))).collect()).rejects.toThrow("[INVALID_FORMAT.WRONG_NUM_TOKEN] The format is invalid: '9.9.9'. At most one . or D is allowed");
  });

  it("draws uniform and randstr values as Spark's seeded generators do", async () => {
    const df = spark.range(0, 3, 1, 1).select(F.uniform(F.lit(0), F.lit(1000), F.lit(7)), F.randstr(F.lit(8), F.lit(7)));
    expect((await df.collect()).map((r) => [r.get(0), r.get(1)])).toEqual([
      [281, "6Ogz59i3"],
      [459, "TI1AyJ6a"],
      [769, "E80TMRVF"],
    ]);
  });

  it("encrypts with Spark's byte layouts and decrypts Spark's ciphertexts", async () => {
    const df = spark.createDataFrame([["Spark SQL", "Ec/PMKZXcHi0CF2f9Z9+OneqCx7yujP0AAZCXicKUOlMnTCaig=="]], "s string, c string");
    const r = (
      await df
        .select(
          F.base64(F.aes_encrypt("s", F.lit(k16), F.lit("ECB"))),
          F.aes_decrypt(F.unbase64("c"), F.lit(k16)).cast("string"),
          F.aes_decrypt(F.aes_encrypt("s", F.lit(k16), F.lit("CBC")), F.lit(k16), F.lit("CBC")).cast("string"),
        )
        .collect()
    )[0]!;
    expect([r.get(0), r.get(1), r.get(2)]).toEqual(["3vmd8dEwn1X2ZEdi2qADfg==", "Spark SQL", "Spark SQL"]);
  });

  it("builds histograms and bitmaps as Spark's aggregates", async () => {
    const h = await spark.range(0, 50, 1, 1).select(F.histogram_numeric(F.col("id").mod(13), F.lit(4))).collect();
    const bins = (h[0]!.get(0) as { get(i: number): unknown }[]).map((b) => [b.get(0), b.get(1)]);
    expect(bins).toEqual([
      [0, 12],
      [4, 16],
      [8, 13],
      [11, 9],
    ]);
    const b = await spark.range(1, 5).select(F.bitmap_count(F.bitmap_construct_agg(F.bitmap_bit_position("id")))).collect();
    expect(b[0]!.get(0)).toBe(4);
  });

  it("shows calendar intervals and adds them to timestamps", async () => {
    const df = spark.range(1).select(
      F.make_interval(F.lit(1), F.lit(2), F.lit(3), F.lit(4), F.lit(5), F.lit(6), F.lit(7.5)).alias("i"),
      F.to_timestamp(F.lit("2024-01-31 10:00:00")).plus(F.make_interval(F.lit(0), F.lit(1), F.lit(0), F.lit(1), F.lit(2))).alias("t"),
    );
    expect(await df.showString(20, 0)).toBe(
      table(
        "+------------------------------------------------------+-------------------+",
        "|i                                                     |t                  |",
        "+------------------------------------------------------+-------------------+",
        "|1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds|2024-03-01 12:00:00|",
        "+------------------------------------------------------+-------------------+",
      ),
    );
  });

  it("evaluates XPath over XML strings", async () => {
    const df = spark.createDataFrame([["<a><b>b1</b><b>b2</b><c>10</c><c>20</c></a>"]], "x string");
    const r = (await df.select(F.xpath("x", F.lit("a/b/text()")), F.xpath_int("x", F.lit("sum(a/c)")), F.xpath_double("x", F.lit("a/z"))).collect())[0]!;
    expect([r.get(0), r.get(1), Number.isNaN(r.get(2))]).toEqual([["b1", "b2"], 30, true]);
  });
});

describe("Node API end to end: reflect without a JVM", () => {
  it("calls the written-out static methods and refuses other classes with Spark's error", async () => {
    const df = spark.range(1);
    const r = (await df.select(F.reflect(F.lit("java.lang.Math"), F.lit("max"), F.lit(3), F.lit(7)), F.java_method(F.lit("java.lang.Math"), F.lit("sqrt"), F.lit(2.0))).collect())[0]!;
    expect([r.get(0), r.get(1)]).toEqual(["7", "1.4142135623730951"]);
    await expect(df.select(F.reflect(F.lit("no.such.Clazz"), F.lit("x"))).collect()).rejects.toThrow("[DATATYPE_MISMATCH.UNEXPECTED_CLASS_TYPE]");
  });
});
