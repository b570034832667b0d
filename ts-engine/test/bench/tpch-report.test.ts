import { describe, expect, it } from "vitest";
import { answerValue, checkAnswer, closeNumbers } from "../../src/bench/tpch/tpch-answers.js";
import { parseTpchOptions } from "../../src/bench/tpch/tpch-options.js";
import { checkAnswers, endToEnd, geomean, ratios, summaryTable, timesTable, type TpchRuns } from "../../src/bench/tpch/tpch-report.js";
import { absentRun, parseTpchSide, type TpchRun } from "../../src/bench/tpch/tpch-side.js";
import { DateType, decimalType, StringType } from "../../src/index.js";

const run = (name: string, warm: Record<string, number>, rows: TpchRun["rows"], extra: Partial<TpchRun> = {}): TpchRun => ({
  name,
  warm,
  cold: Object.fromEntries(Object.entries(warm).map(([q, s]) => [q, s * 2])),
  rows,
  errors: {},
  rssMb: 100,
  start: 0.5,
  ...extra,
});

const ROWS = { q01: [["A", 1.5], ["B", 2]], q02: [[10]] };

function runs(over: Partial<TpchRuns> = {}): TpchRuns {
  return {
    node: run("tspark-node 2t", { q01: 1, q02: 4 }, ROWS),
    node1: run("tspark-node 1t", { q01: 2, q02: 6 }, ROWS),
    pyDf: run("tspark-py 2t", { q01: 1.1, q02: 4.2 }, ROWS),
    pySql: run("tspark-sql 2t", { q01: 1.1, q02: 4.2 }, ROWS),
    duckdb: run("DuckDB", { q01: 0.5, q02: 1 }, ROWS),
    pandas: run("pandas", { q01: 2, q02: 2 }, { q01: [["A", 1.5000000001], ["B", 2]], q02: [[10]] }),
    pyspark: absentRun("PySpark", "not asked for"),
    ...over,
  };
}

describe("TPC-H bench answers", () => {
  it("converts Node values: decimal text to numbers, dates to ISO days, bigints to numbers", () => {
    expect(answerValue("12.50", decimalType(15, 2))).toBe(12.5);
    expect(answerValue(new Date(Date.UTC(1995, 2, 15)), DateType)).toBe("1995-03-15");
    expect(answerValue(7n, StringType)).toBe(7);
    expect(answerValue(null, StringType)).toBeNull();
  });

  it("takes numbers within 0.01 or relative 1e-9 as the same", () => {
    expect(closeNumbers(1.234, 1.23)).toBe(true);
    expect(closeNumbers(1.25, 1.23)).toBe(false);
    expect(closeNumbers(2e11, 2e11 + 50)).toBe(true);
    expect(closeNumbers(2e11, 2e11 + 5000)).toBe(false);
  });

  it("finds a wrong row, a missing row and ties ordered apart", () => {
    expect(checkAnswer([[1], [2]], [[1], [2]], true).kind).toBe("same");
    expect(checkAnswer([[2], [1]], [[1], [2]], true).kind).toBe("ties");
    expect(checkAnswer([[2], [1]], [[1], [2]], false).kind).toBe("same");
    expect(checkAnswer([[1], [3]], [[1], [2]], true)).toEqual({ kind: "diff", why: "row 1: [3], expected [2]" });
    expect(checkAnswer([[1]], [[1], [2]], false)).toEqual({ kind: "diff", why: "1 rows, expected 2" });
  });
});

describe("TPC-H bench report", () => {
  const queries = ["q01", "q02"];

  it("computes geometric means and per-query ratios", () => {
    expect(geomean([1, 4])).toBeCloseTo(2);
    expect(geomean([])).toBeUndefined();
    const r = ratios({ q01: 1, q02: 4 }, { q01: 0.5, q02: 1 }, queries);
    expect(r.per).toEqual({ q01: 2, q02: 4 });
    expect(r.geomean).toBeCloseTo(Math.sqrt(8));
    expect(endToEnd(runs().node, queries)).toBeCloseTo(0.5 + 2 + 8);
  });

  it("prints a row per query, a geomean row, the speed-up and the DuckDB ratio", () => {
    const table = timesTable(runs(), queries, "warm");
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^query\s+tspark-node 2t \(s\)\s+tspark-node 1t \(s\)/);
    expect(lines[1]).toMatch(/^q01\s+1\.000\s+2\.000\s+1\.100\s+1\.100\s+0\.500\s+2\.000\s+n\/a\s+2\.00x\s+2\.00x\s+0\.50x\s+n\/a$/);
    expect(lines[3]).toMatch(/^geomean\s+2\.000/);
    expect(summaryTable(runs(), queries)).toMatch(/PySpark\s+0\/2\s+n\/a\s+n\/a\s+n\/a\s+n\/a\s+not asked for/);
  });

  it("agrees when answers match within tolerance and fails the bench on a tspark difference", () => {
    const ok = checkAnswers(runs(), queries, () => true);
    expect(ok.failed).toBe(false);
    expect(ok.lines[0]).toBe("OK   q01: tspark-node 2t, tspark-node 1t, tspark-py 2t, tspark-sql 2t, pandas agree with DuckDB (2 rows)");
    const bad = checkAnswers(runs({ pySql: run("tspark-sql 2t", { q01: 1 }, { q01: [["A", 1.5], ["B", 3]] }) }), queries, () => true);
    expect(bad.failed).toBe(true);
    expect(bad.lines).toContain('DIFF q01: tspark-sql 2t vs DuckDB: row 1: ["B",3], expected ["B",2]');
    // a tspark side that never answered q02 fails the bench too
    expect(bad.byEngine["tspark-sql 2t"]?.["q01"]).toMatch(/^diff/);
  });

  it("does not fail the bench on a comparison engine's difference or absence", () => {
    const r = checkAnswers(runs({ pandas: run("pandas", { q01: 1 }, { q01: [["A", 9]] }), duckdb: absentRun("DuckDB", "no duckdb") }), queries, () => true);
    expect(r.failed).toBe(false);
    expect(r.lines.some((l) => l.startsWith("DIFF q01: pandas vs tspark-node 2t"))).toBe(true);
  });
});

describe("TPC-H bench sides and flags", () => {
  it("keeps the queries a side finished before it was stopped", () => {
    const out = ['{"q":"q01","cold":2,"warm":1,"rows":[[1]]}', "a log line", '{"q":"q02","error":"boom"}'].join("\n");
    const r = parseTpchSide("x", out, null, "killed\n", new Error("spawnSync ETIMEDOUT"));
    expect(r.warm).toEqual({ q01: 1 });
    expect(r.errors).toEqual({ q02: "boom" });
    expect(r.error).toMatch(/stopped before the end.*ETIMEDOUT/);
    const done = parseTpchSide("x", `${out}\n{"done":true,"rssMb":12,"start":0.1}`, 0, "");
    expect(done.error).toBeUndefined();
    expect(done.rssMb).toBe(12);
  });

  it("parses --sf, --quick, --queries and rejects bad values", () => {
    expect(parseTpchOptions(["--tpch"], {}).sf).toBe(1);
    const q = parseTpchOptions(["--tpch", "--quick"], {});
    expect([q.sf, q.repeat]).toEqual([0.1, 1]);
    expect(parseTpchOptions(["--tpch", "--sf", "0.01", "--queries", "q6,1,6"], {})).toMatchObject({ sf: 0.01, queries: [1, 6], repeat: 3 });
    expect(parseTpchOptions(["--tpch"], { TSPARK_BENCH_PYSPARK: "/py" }).pyspark).toBe("/py");
    expect(() => parseTpchOptions(["--tpch", "--queries", "23"], {})).toThrow(/1 to 22/);
    expect(() => parseTpchOptions(["--tpch", "--sf", "-1"], {})).toThrow(/--sf/);
    expect(() => parseTpchOptions(["--tpch", "--rows", "5"], {})).toThrow(/unknown option --rows/);
  });
});
