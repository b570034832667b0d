import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchResults } from "./workloads.js";

/** What one run of bench_py.py reports: times in seconds and results, or an error. */
export interface PythonRun {
  readonly times?: Readonly<Record<string, number>>;
  readonly results?: Partial<BenchResults>;
  readonly error?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (this file runs from ts-engine/dist/bench or ts-engine/src/bench). */
export const repoRoot = resolve(here, "..", "..", "..");
const script = join(repoRoot, "ts-engine", "src", "bench", "bench_py.py");

/** The project venv's Python, or null with the reason when it is missing. */
export function venvPython(): string {
  return process.env["TSPARK_BENCH_PYTHON"] ?? join(repoRoot, ".venv", "bin", "python");
}

/** Runs bench_py.py in `mode` (duckdb | tspark | coldstart) over `rows` rows. */
export function runPython(mode: "duckdb" | "tspark" | "coldstart", rows: number): PythonRun {
  const py = venvPython();
  if (!existsSync(py)) return { error: `no Python at ${py}: run python3 scripts/setup_venv.py --bench` };
  const r = spawnSync(py, [script, mode, String(rows)], { encoding: "utf8", maxBuffer: 1 << 24, timeout: 30 * 60_000 });
  const last = r.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(last) as PythonRun;
  } catch {
    const why = r.error?.message ?? r.stderr.trim().split("\n").slice(-3).join(" | ");
    return { error: `bench_py.py ${mode} failed (exit ${String(r.status)}): ${why}` };
  }
}
