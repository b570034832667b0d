import { describe, expect, it } from "vitest";
import { exprPrettySql } from "../../src/expr/expr-string.js";
import type { GroupingAnalytics, ParsedPlan } from "../../src/plan/parsed-plan.js";
import { parseQueryPlan } from "../../src/sql/parse-statement.js";

const parseQuery = (query: string): ParsedPlan => parseQueryPlan({ kind: "Sql", query, named: new Map(), positional: [], refs: new Map() }, "UTC");

/** The grouping sets and group-by list a query's GROUP BY parses to, as SQL text. */
function sets(sql: string): { groupBy: string[]; sets: string[][] } {
  let p: ParsedPlan = parseQuery(sql);
  while (p.kind !== "Aggregate") {
    if (!("input" in p)) throw new Error(`no aggregate in ${p.kind}`);
    p = p.input;
  }
  const ga: GroupingAnalytics | undefined = p.groupingAnalytics;
  if (ga?.type !== "groupingSets") throw new Error("not grouping sets");
  return { groupBy: p.groupBy.map(exprPrettySql), sets: ga.sets.map((s) => s.map(exprPrettySql)) };
}

describe("GROUP BY grouping analytics", () => {
  it("orders CUBE's sets as Spark's cubeExprs and ROLLUP's as its prefixes", () => {
    expect(sets("SELECT 1 FROM t GROUP BY CUBE(a, b)").sets).toEqual([["a", "b"], ["a"], ["b"], []]);
    expect(sets("SELECT 1 FROM t GROUP BY ROLLUP(a, b, c)").sets).toEqual([["a", "b", "c"], ["a", "b"], ["a"], []]);
    expect(sets("SELECT 1 FROM t GROUP BY a, b WITH CUBE").sets).toEqual([["a", "b"], ["a"], ["b"], []]);
  });

  it("multiplies mixed elements out and lists each grouping column once, first seen first", () => {
    const r = sets("SELECT 1 FROM t GROUP BY c, CUBE(a), GROUPING SETS ((a, b), ())");
    expect(r.groupBy).toEqual(["c", "a", "b"]);
    expect(r.sets).toEqual([["c", "a", "a", "b"], ["c", "a"], ["c", "a", "b"], ["c"]]);
  });

  it("takes a parenthesized list as one set only before a comma or closing parenthesis", () => {
    expect(sets("SELECT 1 FROM t GROUP BY GROUPING SETS ((a + 1) * 2, (a, b))").sets).toEqual([["((a + 1) * 2)"], ["a", "b"]]);
    expect(sets("SELECT 1 FROM t GROUP BY CUBE((a, b), c)").sets).toEqual([["a", "b", "c"], ["a", "b"], ["c"], []]);
  });

  it("keeps the explicit list of the older GROUPING SETS syntax", () => {
    const r = sets("SELECT 1 FROM t GROUP BY a, b GROUPING SETS ((a), ())");
    expect(r.groupBy).toEqual(["a", "b"]);
    expect(r.sets).toEqual([["a"], []]);
  });
});
