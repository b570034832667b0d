import { afterAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession } from "../../src/index.js";
import { lookupFunction } from "../../src/expr/functions/registry.js";

// Exports that are not engine functions: column builders, a plan hint (broadcast), and names PySpark maps onto others;
// deprecated camel-case aliases; and wrappers whose engine part is still being built, as
// python/tests/sql/test_functions_registry.py's AWAITING_ENGINE, which checks all three lists.
const NOT_ENGINE = new Set([
  ...["col", "column", "lit", "expr", "when", "asc", "desc", "toColumn", "attributeExpr", "countDistinct", "count_distinct", "sum_distinct", "log", "create_map"],
  ...["call_function", "asc_nulls_first", "asc_nulls_last", "desc_nulls_first", "desc_nulls_last", "sumDistinct", "negate", "listagg_distinct", "string_agg_distinct", "broadcast"],
  ...["toDegrees", "toRadians", "bitwiseNOT", "shiftLeft", "shiftRight", "shiftRightUnsigned"],
  // a JavaScript UDF (functions-udf.ts) wraps a user function, not a registry entry; call_udf calls a registered one by name
  "udf",
  "call_udf",
  // partition transforms (functions-partitioning.ts): only writeTo(t).partitionedBy reads them (plan/partition-transform.ts)
  ...["years", "months", "days", "hours", "bucket"],
]);

describe("functions", () => {
  it("only wraps functions the engine's registry knows, under Spark's names", () => {
    const missing = Object.keys(F).filter((name) => !NOT_ENGINE.has(name) && lookupFunction(name) === undefined);
    expect(missing).toEqual([]);
  });

  const spark = SparkSession.builder.appName("functions").getOrCreate();
  afterAll(() => spark.stop());

  it("evaluates string, math and null functions end to end", async () => {
    const df = spark.createDataFrame(
      [
        [" Ab ", -2.5, null],
        ["cd", 4, "z"],
      ],
      ["s", "x", "t"],
    );
    const rows = await df
      .select(
        F.upper("s").alias("u"),
        F.trim("s").alias("tr"),
        F.length("s").alias("n"),
        F.abs("x").alias("a"),
        F.coalesce("t", F.lit("none")).alias("c"),
        F.concat_ws("-", "s", "t").alias("cw"),
        F.col("s").like("%b%").alias("l"),
      )
      .collect();
    expect(rows.map((r) => r.asDict())).toEqual([
      { u: " AB ", tr: "Ab", n: 4, a: 2.5, c: "none", cw: " Ab ", l: true },
      { u: "CD", tr: "cd", n: 2, a: 4, c: "z", cw: "cd-z", l: false },
    ]);
  });
});
