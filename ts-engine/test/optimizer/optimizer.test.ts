import { describe, expect, it } from "vitest";
import { SqlConf } from "../../src/conf/sql-conf.js";
import { optimize, OPTIMIZER_RULES } from "../../src/optimizer/optimizer.js";
import { collapseProject } from "../../src/optimizer/rules/collapse-project.js";
import { constantFolding } from "../../src/optimizer/rules/constant-folding.js";
import { pushDownFilter } from "../../src/optimizer/rules/push-down-filter.js";
import { pruneColumns } from "../../src/optimizer/rules/prune-columns.js";
import { analyze } from "../../src/plan/analyzer/analyzer.js";
import type { LogicalPlan } from "../../src/plan/logical-plan.js";
import { DateType, IntegerType, LongType, StringType, structField, structType } from "../../src/types/data-type.js";
import { alias, col, collectRows, fn, lit, local, range } from "../engine/helpers.js";

const conf = new SqlConf();
const resolved = (p: LogicalPlan): LogicalPlan => analyze(p, { conf });

describe("optimizer rules", () => {
  it("each rule returns the same plan when nothing applies", () => {
    const p = resolved(range(0, 5));
    for (const r of OPTIMIZER_RULES) expect(r.apply(p)).toBe(p);
  });

  it("folds literal-only calls", () => {
    const p = resolved({ kind: "Project", input: range(0, 1), exprs: [alias(fn("+", lit(1, LongType), lit(2, LongType)), "x")] });
    const q = constantFolding.apply(p);
    expect(q.kind === "Project" && q.exprs[0]!.kind === "Alias" && q.exprs[0]!.child).toMatchObject({ kind: "Literal", value: 3 });
  });

  it("folds literal casts inside aggregates, and string-to-date casts (no time zone)", () => {
    const dec = { kind: "decimal", precision: 15, scale: 2 } as const;
    const l = local(structType([structField("p", dec), structField("d", DateType)]), [["1.00", 0]]);
    const p = resolved({
      kind: "Aggregate",
      input: { kind: "Filter", input: l, condition: fn("<=", col("d"), { kind: "Cast", child: lit("1998-09-02", StringType), dataType: DateType }) },
      groupBy: [],
      aggs: [alias(fn("sum", fn("*", col("p"), fn("-", lit(1, IntegerType), col("p")))), "s")],
    });
    const q = constantFolding.apply(p);
    const text = JSON.stringify(q, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    // No Cast of a literal is left: 1 became a decimal literal, '1998-09-02' a date literal (10471 days).
    expect(text).not.toMatch(/"kind":"Cast","child":\{"kind":"Literal"/);
    expect(q.kind === "Aggregate" && q.input.kind === "Filter" && JSON.stringify(q.input.condition)).toContain('"value":10471');
  });

  it("pushes a filter below a project, substituting aliases", () => {
    const p = resolved({
      kind: "Filter",
      input: { kind: "Project", input: range(0, 10), exprs: [alias(fn("*", col("id"), lit(2, LongType)), "x")] },
      condition: fn(">", col("x"), lit(4, LongType)),
    });
    const q = pushDownFilter.apply(p);
    expect(q.kind).toBe("Project");
    expect(q.kind === "Project" && q.input.kind).toBe("Filter");
  });

  it("pushes one-sided conjuncts into an inner join's inputs", () => {
    const l = local(structType([structField("k", LongType), structField("a", StringType)]), [[1, "x"]]);
    const r = local(structType([structField("k2", LongType)]), [[1]]);
    const p = resolved({
      kind: "Filter",
      input: { kind: "Join", left: l, right: r, joinType: "inner", condition: fn("==", col("k"), col("k2")) },
      condition: fn("and", fn("==", col("a"), lit("x", StringType)), fn(">", col("k2"), lit(0, LongType))),
    });
    const q = pushDownFilter.apply(p);
    expect(q.kind).toBe("Join");
    expect(q.kind === "Join" && [q.left.kind, q.right.kind]).toEqual(["Filter", "Filter"]);
  });

  it("collapses Project over Project and prunes unread LocalRelation columns", () => {
    const l = local(structType([structField("a", LongType), structField("b", StringType)]), [[1, "x"]]);
    const p = resolved({
      kind: "Project",
      input: { kind: "Project", input: l, exprs: [col("a"), alias(fn("+", col("a"), lit(1, LongType)), "c")] },
      exprs: [col("c")],
    });
    const q = pruneColumns.apply(collapseProject.apply(p));
    expect(q.kind === "Project" && q.input.kind === "LocalRelation" && q.input.schema.fields.map((f) => f.name)).toEqual(["a"]);
  });

  it("honours spark.sql.optimizer.excludedRules", () => {
    const p = resolved({
      kind: "Filter",
      input: { kind: "Project", input: range(0, 10), exprs: [col("id")] },
      condition: fn(">", col("id"), lit(4, LongType)),
    });
    const c = new SqlConf();
    c.set("spark.sql.optimizer.excludedRules", "org.apache.spark.sql.catalyst.optimizer.PushDownPredicates,CollapseProject");
    expect(optimize(p, c)).toBe(p);
    expect(optimize(p, new SqlConf())).not.toBe(p);
  });

  it("keeps results the same", async () => {
    const p: LogicalPlan = {
      kind: "Filter",
      input: { kind: "Project", input: range(0, 10), exprs: [alias(fn("*", col("id"), lit(2, LongType)), "x")] },
      condition: fn(">", col("x"), lit(14, LongType)),
    };
    expect(await collectRows(p)).toEqual([[16], [18]]);
  });
});
