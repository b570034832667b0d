import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { parseBenchOptions, QUICK_ROWS } from "../../src/bench/options.js";
import { WORKLOADS } from "../../src/bench/workload-list.js";

describe("bench options", () => {
  it("defaults to 10M rows, median of 3, every workload, all cores, no PySpark", () => {
    expect(parseBenchOptions([], {})).toEqual({
      rows: 10_000_000,
      repeat: 3,
      workloads: WORKLOADS.map(([k]) => k),
      threads: availableParallelism(),
      pyspark: undefined,
      quick: false,
      help: false,
    });
  });

  it("--quick is small and runs once; explicit flags win", () => {
    expect(parseBenchOptions(["--quick"], {})).toMatchObject({ rows: QUICK_ROWS, repeat: 1, quick: true });
    expect(parseBenchOptions(["--quick", "--rows", "1_000", "--repeat", "5"], {})).toMatchObject({ rows: 1000, repeat: 5 });
  });

  it("reads TSPARK_BENCH_ROWS and TSPARK_BENCH_PYSPARK; flags override them", () => {
    const env = { TSPARK_BENCH_ROWS: "2000", TSPARK_BENCH_PYSPARK: "/opt/py" };
    expect(parseBenchOptions([], env)).toMatchObject({ rows: 2000, pyspark: "/opt/py" });
    expect(parseBenchOptions(["--rows", "3000", "--pyspark", "/x/python"], env)).toMatchObject({ rows: 3000, pyspark: "/x/python" });
  });

  it("keeps the workloads asked for, in the order given", () => {
    expect(parseBenchOptions(["--workloads", "join,sort_double"], {}).workloads).toEqual(["join", "sort_double"]);
  });

  it("rejects unknown flags and workloads and bad numbers", () => {
    expect(() => parseBenchOptions(["--fast"], {})).toThrow(/unknown option --fast/);
    expect(() => parseBenchOptions(["--workloads", "join,nope"], {})).toThrow(/unknown workload\(s\) nope/);
    expect(() => parseBenchOptions(["--rows", "0"], {})).toThrow(/--rows must be a positive integer/);
    expect(() => parseBenchOptions(["--threads"], {})).toThrow(/--threads needs a value/);
    expect(() => parseBenchOptions([], { TSPARK_BENCH_ROWS: "many" })).toThrow(/TSPARK_BENCH_ROWS must be/);
  });
});
