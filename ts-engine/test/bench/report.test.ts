import { describe, expect, it } from "vitest";
import { agreement, timingTable, type EngineRun } from "../../src/bench/report.js";

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
