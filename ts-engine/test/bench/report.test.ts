import { describe, expect, it } from "vitest";
import { agreement, benchTable, cpuTable, timingTable, type EngineRun } from "../../src/bench/report.js";
import { sameSignature, type Signature } from "../../src/bench/signature.js";

const duck: EngineRun = {
  name: "duckdb",
  times: { groupby: 0.5, filter: 0.25 },
  results: { groupby: { groups: 1000, sum: 100.5 }, filter: { count: 7, sum: 3 } },
};
const node: EngineRun = {
  name: "tspark-node",
  times: { groupby: 1.0, filter: 1.0 },
  results: { groupby: { groups: 1000, sum: 100.5 + 1e-8 }, filter: { count: 8, sum: 3 } },
};
const py: EngineRun = { name: "tspark-python", error: "no client" };

describe("bench report", () => {
  it("prints times and ratios to the baseline, n/a where an engine did not run", () => {
    const text = timingTable([node, py, duck], duck);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^workload\s+tspark-node \(s\)\s+tspark-python \(s\)\s+duckdb \(s\)\s+tspark-node\/duckdb\s+tspark-python\/duckdb$/);
    expect(lines[1]).toMatch(/^group-by k1,k2 sum\(v\)\s+1\.000\s+n\/a\s+0\.500\s+2\.00x\s+n\/a$/);
    expect(lines[2]).toMatch(/4\.00x/);
  });

  it("flags answers that differ beyond rounding", () => {
    const lines = agreement([node, py, duck], duck);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^OK {3}group-by/);
    expect(lines[1]).toMatch(/^DIFF filter/);
  });
});

describe("bench table", () => {
  const t = (groupby: number, sort: number): Readonly<Record<string, number>> => ({ groupby, sort_double: sort });
  const runs = {
    node2: { name: "tspark-node 2t", times: t(1.0, 2.0) },
    node1: { name: "tspark-node 1t", times: t(1.8, 3.0) },
    python: { name: "tspark-py 2t", times: t(1.2, 2.5) },
    duckdb: { name: "DuckDB", times: t(0.5, 0.8) },
    pandas: { name: "pandas", times: { groupby: 0.9 } },
    pyspark: { name: "PySpark", error: "not asked for" },
  };

  it("prints the columns in order: 2t, 1t, speed-up, py, DuckDB, pandas, PySpark, tspark/DuckDB", () => {
    const lines = benchTable(runs).split("\n");
    expect(lines[0]).toMatch(
      /^workload\s+tspark-node 2t \(s\)\s+tspark-node 1t \(s\)\s+speed-up\s+tspark-py 2t \(s\)\s+DuckDB \(s\)\s+pandas \(s\)\s+PySpark \(s\)\s+tspark\/DuckDB$/,
    );
    expect(lines[1]).toMatch(/^group-by k1,k2 sum\(v\)\s+1\.000\s+1\.800\s+1\.80x\s+1\.200\s+0\.500\s+0\.900\s+n\/a\s+2\.00x$/);
    expect(lines[2]).toMatch(/^sort doubles\s+2\.000\s+3\.000\s+1\.50x\s+2\.500\s+0\.800\s+n\/a\s+n\/a\s+2\.50x$/);
    expect(lines).toHaveLength(3); // workloads no engine timed get no row
  });
});

describe("bench CPU table", () => {
  it("prints each thread count's process CPU, their ratio and the cores kept busy; rows only where CPU was measured", () => {
    const two: EngineRun = { name: "2t", times: { groupby: 0.5, filter: 1 }, cpu: { groupby: 0.8 } };
    const one: EngineRun = { name: "1t", times: { groupby: 0.9, filter: 1.5 }, cpu: { groupby: 0.9 } };
    const lines = cpuTable(two, one).split("\n");
    expect(lines[0]).toMatch(/^workload\s+2t CPU \(s\)\s+1t CPU \(s\)\s+CPU ratio\s+cores busy 2t\s+cores busy 1t$/);
    expect(lines[1]).toMatch(/^group-by k1,k2 sum\(v\)\s+0\.800\s+0\.900\s+0\.89x\s+1\.60\s+1\.00$/);
    expect(lines).toHaveLength(2);
  });
});

describe("bench agreement", () => {
  const sorted = (ok: boolean, p0: number): Signature => ({ rows: 3, sorted: ok, p0 });

  it("fails a sorted result that is out of order even when it matches the baseline", () => {
    const a: EngineRun = { name: "a", results: { sort_double: sorted(false, 1) } };
    const b: EngineRun = { name: "b", results: { sort_double: sorted(false, 1) } };
    const lines = agreement([a, b], b);
    expect(lines.filter((l) => l.startsWith("DIFF"))).toHaveLength(2);
    expect(lines[0]).toMatch(/^DIFF sort doubles: a's output is not sorted/);
  });

  it("compares against the first engine with an answer where the baseline has none", () => {
    const base: EngineRun = { name: "DuckDB", error: "absent" };
    const a: EngineRun = { name: "a", results: { sort_double: sorted(true, 1) } };
    const b: EngineRun = { name: "b", results: { sort_double: sorted(true, 2) } };
    const c: EngineRun = { name: "c", results: { sort_double: sorted(true, 1) } };
    expect(agreement([base, a, b, c], base)).toEqual([
      `DIFF sort doubles: b ${JSON.stringify(sorted(true, 2))} vs a ${JSON.stringify(sorted(true, 1))}`,
      `OK   sort doubles: c agree with a ${JSON.stringify(sorted(true, 1))}`,
    ]);
  });

  it("treats differing keys and non-numeric values exactly", () => {
    expect(sameSignature({ a: 1, b: "x" }, { a: 1, b: "x" })).toBe(true);
    expect(sameSignature({ a: 1, b: "x" }, { a: 1, b: "y" })).toBe(false);
    expect(sameSignature({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameSignature({ a: 1e12 }, { a: 1e12 + 1 })).toBe(true); // relative 1e-9
    expect(sameSignature({ a: 1e12 }, { a: 1e12 + 1e4 })).toBe(false);
  });
});
