import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSideRun, type SideRun } from "./side-run.js";
import type { WorkloadKey } from "./workload-list.js";
import type { DataSpec } from "./workloads.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (this file runs from ts-engine/dist/bench or ts-engine/src/bench). */
export const repoRoot = resolve(here, "..", "..", "..");
const script = join(repoRoot, "ts-engine", "src", "bench", "bench_py.py");

/** The project venv's Python (TSPARK_BENCH_PYTHON overrides). */
export function venvPython(): string {
  return process.env["TSPARK_BENCH_PYTHON"] ?? join(repoRoot, ".venv", "bin", "python");
}

/** A side bench_py.py runs. */
export type PythonMode = "duckdb" | "pandas" | "pyspark" | "tspark" | "coldstart";

/** What bench_py.py is asked to run. */
export interface PythonArgs {
  readonly spec: DataSpec;
  readonly repeat: number;
  readonly workloads: readonly WorkloadKey[];
}

/** Runs bench_py.py in `mode` with `python` (the venv's by default) and returns its report. */
export function runPython(mode: PythonMode, args: PythonArgs, python = venvPython(), env: NodeJS.ProcessEnv = process.env): SideRun {
  if (!existsSync(python)) return { error: `no Python at ${python}: run python3 scripts/setup_venv.py --bench` };
  const r = spawnSync(python, [script, mode, JSON.stringify(args)], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: 60 * 60_000,
    env,
  });
  return parseSideRun(`bench_py.py ${mode}`, r.stdout ?? "", r.status, r.stderr ?? "", r.error);
}
