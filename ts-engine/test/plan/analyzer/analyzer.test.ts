import { describe, expect, it } from "vitest";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import { analyze } from "../../../src/plan/analyzer/analyzer.js";
import type { LogicalPlan } from "../../../src/plan/logical-plan.js";
import { analysisError, col, cols, fn, lit, rel, sql } from "./helpers.js";

const df = rel("i INT, x DOUBLE, s STRING", 1);

describe("analyzer: projections and names", () => {
  it("names expressions like PySpark", () => {
    const p: LogicalPlan = {
      kind: "Project",
      input: df,
      exprs: [
        col("i"),
        fn("+", col("i"), lit(1)),
        fn("/", col("i"), lit(2)),
        fn("negative", col("i")),
        fn("-", col("x"), col("i")),
        fn("not", fn("==", col("s"), lit("a", "string"))),
        fn("isnull", col("x")),
        fn("in", col("i"), lit(1), lit(3)),
        { kind: "Cast", child: col("i"), dataType: { kind: "string" } },
        { kind: "Alias", child: fn("*", col("i"), lit(2)), name: "twice" },
      ],
    };
    expect(cols(p)).toBe(
      "i:int, (i + 1):int, (i / 2):double, negative(i):int, (x - i):double, (NOT (s = a)):boolean, (x IS NULL):boolean, (i IN (1, 3)):boolean, i:string, twice:int",
    );
  });

  it("widens int + long to long and anything + double to double", () => {
    const p: LogicalPlan = { kind: "Project", input: df, exprs: [fn("+", col("i"), lit(1, "long")), fn("*", col("i"), lit(1.5, "double"))] };
    expect(cols(p)).toBe("(i + 1):bigint, (i * 1.5):double");
  });

  it("resolves selectExpr strings through the SQL parser", () => {
    const p: LogicalPlan = { kind: "Project", input: df, exprs: [sql("i"), sql("i * 10 as ten"), sql("x + 1"), sql("*")] };
    expect(cols(p)).toBe("i:int, ten:int, (x + 1):double, i:int, x:double, s:string");
  });

  it("is case-insensitive by default", () => {
    expect(cols({ kind: "Project", input: df, exprs: [col("I")] })).toBe("i:int");
    const conf = new SqlConf();
    conf.set("spark.sql.caseSensitive", "true");
    expect(() => analyze({ kind: "Project", input: df, exprs: [col("I")] }, { conf })).toThrow(/UNRESOLVED_COLUMN/);
  });

  it("raises UNRESOLVED_COLUMN.WITH_SUGGESTION exactly as Spark", () => {
    const e = analysisError({ kind: "Project", input: rel("name STRING, age BIGINT"), exprs: [col("agee")] });
    expect(e.errorClass).toBe("UNRESOLVED_COLUMN.WITH_SUGGESTION");
    expect(e.message.split("\n")[0]).toBe(
      "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `agee` cannot be resolved. Did you mean one of the following? [`age`, `name`]. SQLSTATE: 42703;",
    );
    expect(e.message.split("\n")[1]).toBe("'Project ['agee]");
    const wide = analysisError({ kind: "Project", input: rel("abc INT, abd INT, xyz INT, ab INT, b INT, zzzzz INT, qq INT"), exprs: [col("abx")] });
    expect(wide.params["proposal"]).toBe("`ab`, `b`, `abc`, `abd`, `qq`");
  });

  it("reports type errors and unknown functions with Spark's classes", () => {
    const bad = analysisError({ kind: "Project", input: df, exprs: [fn("+", col("i"), { kind: "Literal", value: true, dataType: { kind: "boolean" } })] });
    expect(bad.errorClass).toBe("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES");
    expect(bad.params).toEqual({ sqlExpr: '"(i + true)"', left: '"INT"', right: '"BOOLEAN"' });
    expect(analysisError({ kind: "Project", input: df, exprs: [sql("foo(i)")] }).params["routineName"]).toBe("`foo`");
    expect(analysisError({ kind: "Filter", input: df, condition: fn("+", col("i"), lit(1)) }).errorClass).toBe(
      "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN",
    );
  });
});

describe("analyzer: sugar nodes", () => {
  it("withColumn replaces in place and appends new columns", () => {
    const p: LogicalPlan = { kind: "WithColumns", input: df, names: ["y", "I"], exprs: [fn("*", col("i"), col("x")), fn("+", col("i"), lit(100))] };
    expect(cols(p)).toBe("I:int, x:double, s:string, y:double");
  });

  it("renames, drops (ignoring unknown names) and toDF", () => {
    expect(cols({ kind: "WithColumnsRenamed", input: df, renames: [["s", "str"], ["nope", "z"]] })).toBe("i:int, x:double, str:string");
    expect(cols({ kind: "Drop", input: df, columns: [col("nope"), col("i")] })).toBe("x:double, s:string");
    expect(cols({ kind: "ToDF", input: df, names: ["a", "b", "c"] })).toBe("a:int, b:double, c:string");
  });

  it("distinct becomes an Aggregate over every column", () => {
    const out = analyze({ kind: "Distinct", input: df }, { conf: new SqlConf() });
    expect(out.kind).toBe("Aggregate");
  });
});

describe("analyzer: aggregates", () => {
  it("prepends grouping columns and types aggregates like Spark", () => {
    const p: LogicalPlan = {
      kind: "Aggregate",
      input: df,
      groupBy: [col("s")],
      aggs: [fn("sum", col("i")), fn("avg", col("x")), fn("count", lit(1)), fn("max", col("x")), { kind: "UnresolvedFunction", name: "count", args: [col("s")], isDistinct: true }],
    };
    expect(cols(p)).toBe("s:string, sum(i):bigint, avg(x):double, count(1):bigint, max(x):double, count(DISTINCT s):bigint");
  });

  it("turns a projection with aggregates into a global aggregate", () => {
    const out = analyze({ kind: "Project", input: df, exprs: [fn("sum", col("x"))] }, { conf: new SqlConf() });
    expect(out.kind).toBe("Aggregate");
    expect(analysisError({ kind: "Project", input: df, exprs: [fn("sum", col("x")), col("s")] }).errorClass).toBe("MISSING_GROUP_BY");
  });

  it("raises MISSING_AGGREGATION for ungrouped columns", () => {
    const e = analysisError({ kind: "Aggregate", input: df, groupBy: [col("i")], aggs: [col("s")] });
    expect(e.errorClass).toBe("MISSING_AGGREGATION");
    expect(e.params).toEqual({ expression: '"s"', expressionAnyValue: '"any_value(s)"' });
  });
});

describe("analyzer: joins and unions", () => {
  const emp = rel("id BIGINT, name STRING, dept BIGINT", 10);
  const dept = rel("dept BIGINT, dname STRING", 20);

  it("puts using-join keys first, then left, then right columns", () => {
    expect(cols({ kind: "Join", left: emp, right: dept, joinType: "inner", usingColumns: ["dept"] })).toBe(
      "dept:bigint, id:bigint, name:string, dname:string",
    );
    expect(cols({ kind: "Join", left: emp, right: dept, joinType: "left_semi", usingColumns: ["dept"] })).toBe("dept:bigint, id:bigint, name:string");
    const full = analyze({ kind: "Join", left: emp, right: dept, joinType: "full", usingColumns: ["dept"] }, { conf: new SqlConf() });
    expect(full.kind === "Project" && full.exprs[0]!.kind === "Alias" && full.exprs[0]!.child.kind === "ScalarCall" && full.exprs[0]!.child.fn).toBe("coalesce");
  });

  it("resolves df[col] references by planId, and flags ambiguous names", () => {
    const p: LogicalPlan = { kind: "Join", left: emp, right: dept, joinType: "left", condition: fn("==", col("dept", 10), col("dept", 20)) };
    expect(cols(p)).toBe("id:bigint, name:string, dept:bigint, dept:bigint, dname:string");
    const out = analyze(p, { conf: new SqlConf() });
    if (out.kind !== "Join" || out.condition?.kind !== "ScalarCall") throw new Error("expected join");
    const [l, r] = out.condition.args;
    expect(l!.kind === "AttributeRef" && r!.kind === "AttributeRef" && l.exprId !== r.exprId).toBe(true);
    expect(analysisError({ kind: "Project", input: p, exprs: [col("dept")] }).errorClass).toBe("AMBIGUOUS_REFERENCE");
  });

  it("resolves alias-qualified names in self joins", () => {
    const a: LogicalPlan = { kind: "SubqueryAlias", input: emp, alias: "a" };
    const b: LogicalPlan = { kind: "SubqueryAlias", input: emp, alias: "b" };
    const j: LogicalPlan = { kind: "Join", left: a, right: b, joinType: "inner", condition: fn("==", col("a.id"), fn("+", col("b.id"), lit(1))) };
    expect(cols({ kind: "Project", input: j, exprs: [col("a.name"), { kind: "Alias", child: col("b.name"), name: "prev" }] })).toBe("name:string, prev:string");
  });

  it("unions by name, appending columns only later inputs have when allowMissingColumns", () => {
    const a = rel("k INT, s STRING");
    const b = rel("s STRING, k DOUBLE, f BOOLEAN");
    expect(cols({ kind: "Union", inputs: [a, b], byName: true, allowMissingColumns: true })).toBe("k:double, s:string, f:boolean");
    expect(cols({ kind: "Union", inputs: [b, a], byName: true, allowMissingColumns: true })).toBe("s:string, k:double, f:boolean");
    // Recorded on PySpark 4.0.1: a count mismatch first, else the legacy "cannot resolve column name".
    expect(analysisError({ kind: "Union", inputs: [a, b], byName: true, allowMissingColumns: false }).errorClass).toBe("NUM_COLUMNS_MISMATCH");
    const missing = analysisError({ kind: "Union", inputs: [b, rel("s STRING, k INT, g INT")], byName: true, allowMissingColumns: false });
    expect(missing).toMatchObject({ errorClass: "_LEGACY_ERROR_TEMP_1201", params: { colName: "f", fieldNames: "s, k, g" } });
  });

  it("unions by position with NUM_COLUMNS_MISMATCH and type widening", () => {
    const e = analysisError({ kind: "Union", inputs: [emp, dept], byName: false, allowMissingColumns: false });
    expect(e.message.split("\n")[0]).toBe(
      "[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of columns, but the first input has 3 columns and the second input has 2 columns. SQLSTATE: 42826;",
    );
    expect(cols({ kind: "Union", inputs: [rel("a INT, b STRING"), rel("a DOUBLE, b STRING")], byName: false, allowMissingColumns: false })).toBe(
      "a:double, b:string",
    );
  });
});

describe("analyzer: missing references in Sort and Filter", () => {
  const e = rel("id INT, name STRING", 30);

  it("sorts and filters by a column the projection dropped, then projects it away", () => {
    const sel: LogicalPlan = { kind: "Project", input: e, exprs: [col("name")] };
    const sorted: LogicalPlan = { kind: "Sort", input: sel, orders: [{ kind: "SortOrder", child: col("id"), ascending: true, nullsFirst: true }], global: true };
    expect(cols(sorted)).toBe("name:string");
    const out = analyze(sorted, { conf: new SqlConf() });
    expect(out.kind === "Project" && out.input.kind).toBe("Sort");
    expect(cols({ kind: "Filter", input: sel, condition: fn(">", col("id"), lit(1)) })).toBe("name:string");
  });

  it("sorts an aggregate by an aggregate expression", () => {
    const agg: LogicalPlan = { kind: "Aggregate", input: e, groupBy: [col("name")], aggs: [fn("sum", col("id"))] };
    const sorted: LogicalPlan = { kind: "Sort", input: agg, orders: [{ kind: "SortOrder", child: fn("sum", col("id")), ascending: true, nullsFirst: true }], global: true };
    expect(cols(sorted)).toBe("name:string, sum(id):bigint");
    const out = analyze(sorted, { conf: new SqlConf() });
    if (out.kind !== "Project" || out.input.kind !== "Sort") throw new Error("expected Project(Sort)");
    expect(out.input.orders[0]!.child.kind).toBe("AttributeRef");
  });

  it("still reports truly unknown columns", () => {
    const sel: LogicalPlan = { kind: "Project", input: e, exprs: [col("name")] };
    const bad = analysisError({ kind: "Sort", input: sel, orders: [{ kind: "SortOrder", child: col("nope"), ascending: true, nullsFirst: true }], global: true });
    expect(bad.params).toEqual({ objectName: "`nope`", proposal: "`name`" });
  });
});

describe("analyzer: nested fields and extra functions", () => {
  const nested = rel("st struct<x:int, y:string>, a array<int>, m map<string,int>, n INT");

  it("resolves struct paths and element access", () => {
    expect(cols({ kind: "Project", input: nested, exprs: [col("st.x"), fn("get_item", col("a"), lit(0)), fn("get_item", col("m"), lit("k", "string"))] })).toBe(
      "x:int, a[0]:int, m[k]:int",
    );
  });

  it("types bitwise, string predicates and try_cast", () => {
    expect(cols({ kind: "Project", input: nested, exprs: [fn("&", col("n"), lit(3)), fn("contains", col("st.y"), lit("a", "string")), fn("try_cast", col("n"), lit("string", "string"))] })).toBe(
      "(n & 3):int, contains(st.y, a):boolean, n:string",
    );
  });
});
