import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp-dir.js";

const run = fileURLToPath(new URL("../../dist/bench/run.js", import.meta.url));
const venvPython = fileURLToPath(new URL("../../../.venv/bin/python", import.meta.url));
const ready = existsSync(run) && existsSync(venvPython) && spawnSync(venvPython, ["-c", "import duckdb, pandas, pyarrow"], { stdio: "ignore" }).status === 0;

describe.skipIf(!ready)("npm run bench -- --tpch at SF0.01 (needs `npm run build` and .venv with duckdb, pandas)", () => {
  it("runs the 22 queries on the Node API, DuckDB and pandas, and every answer agrees with DuckDB's", () => {
    const data = tempDir("tpch-bench-");
    const json = join(data, "report.json");
    const r = spawnSync(process.execPath, [run, "--tpch", "--sf", "0.01", "--repeat", "0", "--engines", "node,duckdb,pandas", "--json", json], {
      encoding: "utf8",
      timeout: 400_000,
      env: { ...process.env, TSPARK_BENCH_DATA: data },
    });
    const out = r.stdout;
    expect(out, r.stderr).toContain("tpch bench OK");
    expect(r.status).toBe(0);
    for (let n = 1; n <= 22; n++) {
      const q = `q${String(n).padStart(2, "0")}`;
      expect(out.split("\n").find((l) => l.startsWith(`OK   ${q}:`)), q).toMatch(/tspark-node \d+t, pandas agree with DuckDB/);
      expect(out).toMatch(new RegExp(`^${q}\\s+\\d+\\.\\d{3}\\s`, "m"));
    }
    expect(out).toMatch(/^geomean\s+\d+\.\d{3}/m);
    expect(out).toMatch(/PySpark\s+0\/22 .*not asked for/);
    const report = JSON.parse(readFileSync(json, "utf8")) as { sf: number; engines: Record<string, { warm: Record<string, number>; rssMb?: number }> };
    expect(report.sf).toBe(0.01);
    expect(Object.keys(report.engines["DuckDB"]!.warm)).toHaveLength(22);
    expect(report.engines["DuckDB"]!.rssMb).toBeGreaterThan(0);
  }, 420_000);
});
