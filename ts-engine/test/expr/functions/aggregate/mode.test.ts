import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../../../src/index.js";
import type { AttributeRef, Expr } from "../../../../src/expr/expr.js";
import { exprPrettySql, exprToString } from "../../../../src/expr/expr-string.js";
import { lookupFunction } from "../../../../src/expr/functions/registry.js";
import { BooleanType, IntegerType, NullType, StringType, type DataType } from "../../../../src/types/data-type.js";

const x: AttributeRef = { kind: "AttributeRef", name: "x", dataType: StringType, nullable: true, exprId: 7 };
const lit = (value: unknown, dataType: DataType): Expr => ({ kind: "Literal", value, dataType });

function resolveMode(args: readonly Expr[], isDistinct = false): Expr {
  const def = lookupFunction("mode");
  if (def?.kind !== "agg") throw new Error("mode is not an aggregate");
  return def.resolve("mode", args, isDistinct);
}

/** The message of the error `f` throws (Spark's text, recorded on PySpark 4.0.1 for these calls). */
function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
}

describe("mode resolution", () => {
  it("names mode(x, true) as Spark 4.0 prints its WITHIN GROUP form, mode(x, false) as mode(x)", () => {
    const det = resolveMode([x, lit(true, BooleanType)]);
    expect(exprPrettySql(det)).toBe("mode() WITHIN GROUP (ORDER BY x DESC)");
    expect(exprToString(det)).toBe("mode(x#7, 0, 0, Some(true))");
    const plain = resolveMode([x, lit(false, BooleanType)]);
    expect(exprPrettySql(plain)).toBe("mode(x)");
    expect(exprToString(plain)).toBe("mode(x#7, 0, 0, None)");
  });

  it("rejects a deterministic flag that is not a boolean constant with Spark's errors", () => {
    expect(errorOf(() => resolveMode([x, { ...x, dataType: BooleanType, name: "y", exprId: 8 }]))).toBe(
      '[NON_FOLDABLE_ARGUMENT] The function `mode` requires the parameter `deterministic` to be a foldable expression of the type "BOOLEAN", but the actual argument is a non-foldable. SQLSTATE: 42K08',
    );
    expect(errorOf(() => resolveMode([x, lit(1, IntegerType)]))).toBe(
      '[UNEXPECTED_INPUT_TYPE] Parameter second of function `mode` requires the "BOOLEAN" type, however "1" has the type "INT". SQLSTATE: 42K09',
    );
    expect(errorOf(() => resolveMode([x, lit(null, NullType)]))).toBe(
      '[DATATYPE_MISMATCH.UNEXPECTED_NULL] Cannot resolve "NULL" due to data type mismatch: The `deterministic` must not be null. SQLSTATE: 42K09',
    );
    expect(errorOf(() => resolveMode([x, lit(true, BooleanType), lit(1, IntegerType)]))).toBe(
      "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `mode` requires 0 parameters but the actual number is 3. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix. SQLSTATE: 42605",
    );
    expect(errorOf(() => resolveMode([x], true))).toBe(
      "[INVALID_WITHIN_GROUP_EXPRESSION.DISTINCT_UNSUPPORTED] Invalid function `mode` with WITHIN GROUP. The function does not support DISTINCT with WITHIN GROUP. SQLSTATE: 42K0K",
    );
  });
});

describe("mode through the Node API", () => {
  const spark = SparkSession.builder.appName("mode").getOrCreate();
  afterAll(() => spark.stop());

  it("gives each group's most frequent value, ties to the lowest with deterministic", async () => {
    const df = spark.createDataFrame(
      [
        ["a", "y", 2],
        ["a", "x", 1],
        ["a", "y", 1],
        ["b", null, 3],
        ["b", "w", 4],
        ["b", "v", 5],
        ["c", null, null],
      ],
      "k STRING, s STRING, i INT",
    );
    const rows = await df.groupBy("k").agg(F.mode("s").alias("m"), F.mode("i", true).alias("d")).orderBy("k").collect();
    expect(rows.map((r) => r.asDict())).toEqual([
      { k: "a", m: "y", d: 1 },
      { k: "b", m: "v", d: 3 },
      { k: "c", m: null, d: null },
    ]);
    expect(df.select(F.mode("s", true)).columns).toEqual(["mode() WITHIN GROUP (ORDER BY s DESC)"]);
  });
});
