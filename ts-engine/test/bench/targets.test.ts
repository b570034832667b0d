import { describe, expect, it } from "vitest";
import { targetLines } from "../../src/bench/targets.js";

describe("bench targets", () => {
  it("says per workload whether the speed-up and the DuckDB ratio meet issue 5's targets", () => {
    const lines = targetLines({
      node2: { name: "n2", times: { groupby: 1.0, filter: 1.0, sort_double: 3.0 } },
      node1: { name: "n1", times: { groupby: 1.8, filter: 1.2, sort_double: 6.0 } },
      python: { name: "py" },
      duckdb: { name: "duck", times: { groupby: 0.8, filter: 0.1, sort_double: 1.0 } },
      pandas: { name: "pd" },
      pyspark: { name: "ps" },
    });
    expect(lines).toEqual([
      "group-by k1,k2 sum(v): speed-up 1.80x met (>= 1.7x); tspark/DuckDB 1.25x met (<= 1.5x)",
      "filter v>1000, project, agg: speed-up 1.20x missed (>= 1.7x)",
      "sort doubles: speed-up 2.00x met (>= 1.7x); tspark/DuckDB 3.00x missed (<= 2x)",
    ]);
  });
});
