import { afterAll, describe, expect, it } from "vitest";
import { AnalysisException, functions as F, SparkSession, type DataFrame } from "../../src/index.js";

// Column resolution across joins from the Node API (issue 9 §5), the same cases as
// tests/golden/cases/frame_join_resolution.py, whose expected rows PySpark 4.0.1 recorded.
const spark = SparkSession.builder.appName("join-resolution").getOrCreate();
afterAll(() => spark.stop());

const emp = spark.createDataFrame(
  [
    [1, "Ann", 10],
    [2, "Ben", 20],
    [3, "Cid", 30],
    [4, "Dee", null],
  ],
  ["id", "name", "dept"],
);
const dept = spark.createDataFrame(
  [
    [10, "Sales"],
    [20, "Eng"],
    [40, "Ops"],
  ],
  ["dept", "name"],
);

async function rows(df: DataFrame): Promise<unknown[][]> {
  const got = await df.collect();
  return got.map((r) => r.fieldNames().map((_, i) => r.get(i))).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

async function errorClass(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
  } catch (e) {
    if (e instanceof AnalysisException) return e.errorClass;
    throw e;
  }
  return "no error";
}

describe("df.col() references across joins", () => {
  it("picks each input's column after a join on a condition", async () => {
    const j = emp.join(dept, emp.col("dept").eq(dept.col("dept")));
    expect(await rows(j.select(emp.col("name"), dept.col("name"), emp.col("id")))).toEqual([
      ["Ann", "Sales", 1],
      ["Ben", "Eng", 2],
    ]);
    expect(await errorClass(() => j.select("dept").collect())).toBe("AMBIGUOUS_REFERENCE");
  });

  it("reaches both keys of a using join, the full join's left key null where only the right had it", async () => {
    const full = emp.join(dept, "dept", "full").select(emp.col("dept"), dept.col("dept"));
    expect(await rows(full)).toEqual([
      [10, 10],
      [20, 20],
      [30, null],
      [null, 40],
      [null, null],
    ]);
    const qualified = emp.alias("e").join(dept.alias("d"), "dept").select("e.name", "d.name", "d.dept");
    expect(await rows(qualified)).toEqual([
      ["Ann", "Sales", 10],
      ["Ben", "Eng", 20],
    ]);
  });

  it("reads df.k == df.k in a self-join as the left's k against the right's (SPARK-6231)", async () => {
    expect(await emp.join(emp, emp.col("id").eq(emp.col("id"))).count()).toBe(4);
    expect(await emp.join(emp, emp.col("dept").eqNullSafe(emp.col("dept"))).count()).toBe(4);
    const e2 = emp.filter("id > 1");
    expect(await emp.join(e2, emp.col("id").eq(e2.col("id"))).count()).toBe(3);
    const e3 = emp.withColumnRenamed("name", "n2");
    expect(await rows(emp.join(e3, emp.col("id").eq(e3.col("id"))).select(emp.col("name"), e3.col("n2")))).toEqual([
      ["Ann", "Ann"],
      ["Ben", "Ben"],
      ["Cid", "Cid"],
      ["Dee", "Dee"],
    ]);
  });

  it("resolves aliased self-joins and rejects unqualified or unknown names", async () => {
    const a = emp.alias("a");
    const b = emp.alias("b");
    const j = a.join(b, F.col("a.id").eq(F.col("b.id").plus(1)));
    expect(await rows(j.select("a.name", "b.name"))).toEqual([
      ["Ben", "Ann"],
      ["Cid", "Ben"],
      ["Dee", "Cid"],
    ]);
    expect(await errorClass(() => j.select("name").collect())).toBe("AMBIGUOUS_REFERENCE");
    expect(await errorClass(() => a.join(b, F.col("a.id").eq(F.col("c.id"))).collect())).toBe("UNRESOLVED_COLUMN.WITH_SUGGESTION");
  });

  it("raises MISSING_ATTRIBUTES for a frame's column the input does not have", async () => {
    expect(await errorClass(() => emp.select(dept.col("name")).collect())).toBe("MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_APPEAR_IN_OPERATION");
    expect(await errorClass(() => emp.groupBy("dept").count().select(emp.col("name")).collect())).toBe(
      "MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT",
    );
    expect(await rows(emp.groupBy("dept").count().select(emp.col("dept")))).toEqual([[10], [20], [30], [null]]);
  });

  it("raises AMBIGUOUS_REFERENCE_TO_FIELDS for a struct field two fields match", async () => {
    const s = await spark.sql("select named_struct('a', 1, 'A', 2) as s");
    expect(await errorClass(() => s.select("s.a").collect())).toBe("AMBIGUOUS_REFERENCE_TO_FIELDS");
  });
});
