import { afterAll, describe, expect, it } from "vitest";
import { AnalysisException, functions as F, SparkSession } from "../../src/index.js";
import { captureStdout } from "./capture.js";

// Expected texts are PySpark 4.0.1's (tests/golden/cases/show_basic.out, show_format.out, errors.out).
const spark = SparkSession.builder.appName("e2e-basic").getOrCreate();
afterAll(() => spark.stop());
const people = spark.createDataFrame(
  [
    ["Alice", 2],
    ["Bob", 5],
    ["Carol", null],
  ],
  ["name", "age"],
);

describe("Node API end to end: frames from local rows", () => {
  it("shows rows as PySpark prints them", async () => {
    const out = await captureStdout(() => people.show());
    expect(out).toBe(
      "+-----+----+\n| name| age|\n+-----+----+\n|Alice|   2|\n|  Bob|   5|\n|Carol|NULL|\n+-----+----+\n\n",
    );
  });

  it("prints the schema tree, then a blank line", async () => {
    const out = await captureStdout(() => people.printSchema());
    expect(out).toBe("root\n |-- name: string (nullable = true)\n |-- age: long (nullable = true)\n\n");
  });

  it("reports columns and dtypes", () => {
    expect(people.columns).toEqual(["name", "age"]);
    expect(people.dtypes).toEqual([
      ["name", "string"],
      ["age", "bigint"],
    ]);
  });

  it("collects Rows with PySpark's reprs", async () => {
    const rows = await people.collect();
    expect(rows.map(String)).toEqual(["Row(name='Alice', age=2)", "Row(name='Bob', age=5)", "Row(name='Carol', age=None)"]);
    expect(rows[0]!.name).toBe("Alice");
    expect(rows[0]!.get("age")).toBe(2);
    expect(String(await people.first())).toBe("Row(name='Alice', age=2)");
    expect((await people.head(2)).map(String)).toEqual(["Row(name='Alice', age=2)", "Row(name='Bob', age=5)"]);
    expect((await people.take(1)).length).toBe(1);
    expect(await people.count()).toBe(3);
  });

  it("keeps longs past 2^53 exact", async () => {
    const rows = await spark.createDataFrame([[9007199254740993n]], ["big"]).collect();
    expect(rows[0]!.big).toBe(9007199254740993n);
    expect(String(rows[0])).toBe("Row(big=9007199254740993)");
  });

  it("truncates, limits and prints vertically as PySpark", async () => {
    const df = spark.createDataFrame(
      [
        ["a very long string that goes past twenty characters", 1.5, true, null],
        ["short", -2.0, false, 7],
        [null, 1e10, null, -3],
        ["x", 0.1, true, 123456789],
      ],
      "s STRING, d DOUBLE, b BOOLEAN, i INT",
    );
    expect(await df.showString(2)).toBe(
      [
        "+--------------------+----+-----+----+",
        "|                   s|   d|    b|   i|",
        "+--------------------+----+-----+----+",
        "|a very long strin...| 1.5| true|NULL|",
        "|               short|-2.0|false|   7|",
        "+--------------------+----+-----+----+",
        "only showing top 2 rows",
      ].join("\n"),
    );
    expect(await df.showString(1, true, true)).toBe(
      [
        "-RECORD 0-------------------",
        " s   | a very long strin... ",
        " d   | 1.5                  ",
        " b   | true                 ",
        " i   | NULL                 ",
        "only showing top 1 row",
      ].join("\n"),
    );
  });

  it("maps truncate=false and truncate=n as PySpark", async () => {
    const df = spark.createDataFrame(
      [
        ["a very long string that goes past twenty characters", 123456789],
        [null, -3],
      ],
      "s STRING, i INT",
    );
    expect(await df.showString(20, false)).toBe(
      [
        "+---------------------------------------------------+---------+",
        "|s                                                  |i        |",
        "+---------------------------------------------------+---------+",
        "|a very long string that goes past twenty characters|123456789|",
        "|NULL                                               |-3       |",
        "+---------------------------------------------------+---------+",
        "",
      ].join("\n"),
    );
    expect(await df.showString(20, 5)).toBe(
      ["+-----+-----+", "|    s|    i|", "+-----+-----+", "|a ...|12...|", "| NULL|   -3|", "+-----+-----+", ""].join("\n"),
    );
  });

  it("shows ranges, including an empty one", async () => {
    expect(await spark.range(3).showString()).toBe("+---+\n| id|\n+---+\n|  0|\n|  1|\n|  2|\n+---+\n");
    expect(await spark.range(0).showString()).toBe("+---+\n| id|\n+---+\n+---+\n");
  });

  it("raises AnalysisException UNRESOLVED_COLUMN.WITH_SUGGESTION for an unknown column", async () => {
    const err = await people
      .select("agee")
      .collect()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(AnalysisException);
    expect((err as AnalysisException).errorClass).toBe("UNRESOLVED_COLUMN.WITH_SUGGESTION");
    expect((err as Error).message).toContain(
      "A column, variable, or function parameter with name `agee` cannot be resolved. Did you mean one of the following? [`age`, `name`].",
    );
  });

  it("raises NUM_COLUMNS_MISMATCH for a union of different widths", async () => {
    await expect(people.union(people.select("name")).collect()).rejects.toThrow(/NUM_COLUMNS_MISMATCH/);
  });

  it("filters with a Column and with SQL text", async () => {
    expect((await people.filter(F.col("age").gt(2)).collect()).map(String)).toEqual(["Row(name='Bob', age=5)"]);
    expect((await people.where("age < 5").collect()).map(String)).toEqual(["Row(name='Alice', age=2)"]);
  });
});

describe("DataFrame repr and emptiness", () => {
  it("prints PySpark's DataFrame repr", () => {
    expect(String(people)).toBe("DataFrame[name: string, age: bigint]");
  });

  it("tells empty frames", async () => {
    expect(await people.isEmpty()).toBe(false);
    expect(await people.filter("age > 100").isEmpty()).toBe(true);
  });
});
