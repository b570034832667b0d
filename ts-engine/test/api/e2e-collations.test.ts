import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";

// Expected values are PySpark 4.0.1's (tests/golden/cases/funcs_collations.out).
const spark = SparkSession.builder.appName("e2e-collations").getOrCreate();
afterAll(() => spark.stop());

const words = ["b", "A", "a", "B", "ä", "Ä", "z", "_x", "1"];

describe("Node API end to end: string collations", () => {
  it("takes min and max in the collation's order (tests/golden/cases/funcs_collations_minmax.out)", async () => {
    const df = spark.createDataFrame([["B"], ["a"], ["C"]], "s string").select(F.collate("s", "UTF8_LCASE").alias("l"), "s");
    const r = (await df.agg(F.min("l"), F.max("l"), F.min("s"), F.max("s")).collect())[0]!;
    expect([r.get(0), r.get(1), r.get(2), r.get(3)]).toEqual(["a", "C", "B", "a"]);
  });

  it("finds substring_index and split_part delimiters in the collation (tests/golden/cases/funcs_collations_search.out)", async () => {
    const df = spark.createDataFrame([["wwwXmyxSQLxorg"]], "s string").select(F.collate("s", "UTF8_LCASE").alias("l"));
    const r = (await df.select(F.substring_index("l", "x", 2), F.substring_index("l", "x", -2), F.split_part("l", F.lit("X"), F.lit(-1))).collect())[0]!;
    expect([r.get(0), r.get(1), r.get(2)]).toEqual(["wwwXmy", "SQLxorg", "org"]);
  });

  it("types a collated column as Spark prints it", async () => {
    const df = spark.createDataFrame([["Abc"], ["abc"]], "a string").select(F.collate("a", "utf8_lcase").alias("l"), F.collation(F.collate("a", "unicode_ci")));
    expect(df.dtypes).toEqual([
      ["l", "string collate UTF8_LCASE"],
      ["collation(collate(a, unicode_ci))", "string"],
    ]);
    expect((await df.collect()).map((r) => r.get(1))).toEqual(["SYSTEM.BUILTIN.UNICODE_CI", "SYSTEM.BUILTIN.UNICODE_CI"]);
  });

  it("compares, groups, sorts and joins under the collation", async () => {
    const df = spark.createDataFrame([["Abc"], ["abc"], ["ß"], ["İ"]], "a string").coalesce(1).select(F.collate("a", "UTF8_LCASE").alias("l"), "a");
    expect((await df.select(F.col("l").eq("ABC")).collect()).map((r) => r.get(0))).toEqual([true, true, false, false]);
    expect((await df.groupBy("l").count().orderBy("l").collect()).map((r) => [r.get(0), r.get(1)])).toEqual([
      ["Abc", 2],
      ["İ", 1],
      ["ß", 1],
    ]);
    const sorted = async (c: string): Promise<unknown[]> =>
      (await spark.createDataFrame(words.map((w) => [w]), "s string").coalesce(1).select(F.collate("s", c).alias("s")).orderBy("s").collect()).map((r) => r.get(0));
    expect(await sorted("UNICODE")).toEqual(["_x", "1", "a", "A", "ä", "Ä", "b", "B", "z"]);
    expect(await sorted("UTF8_LCASE")).toEqual(["1", "_x", "A", "a", "b", "B", "z", "ä", "Ä"]);
    const joined = await df.alias("x").join(df.alias("y"), F.col("x.l").eq(F.collate(F.upper(F.col("y.a")), "UTF8_LCASE"))).count();
    expect(joined).toBe(5); // Abc, abc × the two ABC; İ × İ (upper(ß) is SS, not ß)
    expect((await df.select(F.instr("l", "C"), F.replace("l", F.lit("B"), F.lit("-"))).collect()).map((r) => [r.get(0), r.get(1)])).toEqual([
      [3, "A-c"],
      [3, "a-c"],
      [0, "ß"],
      [0, "İ"],
    ]);
  });

  it("raises Spark's collation errors", async () => {
    const df = spark.createDataFrame([["a", "b"]], "a string, b string");
    await expect(df.select(F.collate("a", "UTF8_LCASE").eq(F.collate("b", "UNICODE"))).collect()).rejects.toThrow("[COLLATION_MISMATCH.EXPLICIT]");
    await expect(df.select(F.collate("a", "UTF8_LCASE").alias("l"), "b").select(F.col("l").eq(F.col("b"))).collect()).rejects.toThrow(
      '[INDETERMINATE_COLLATION_IN_EXPRESSION] Data type of "(l = b)" has indeterminate collation.',
    );
    await expect(df.select(F.collate("a", "UTF8_LCAS")).collect()).rejects.toThrow("Suggested valid collation names: [UTF8_LCASE]");
  });
});
