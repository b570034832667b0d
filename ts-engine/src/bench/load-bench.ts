import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot, venvPython } from "./python-side.js";

/** `npm run bench -- --load [--clients N] [--queries M] [--seconds T]`: usage of the load run. */
export const LOAD_USAGE = "--load [--clients N] [--queries M per client] [--seconds T] [--warmup W per client]";

/**
 * The load benchmark (issue 11 §6): N concurrent Python clients run M mixed queries each against
 * one standalone engine for at most T seconds (bench_load.py). Prints throughput, p50/p99
 * latency, errors and the engine's RSS after warm-up and at the end; exits 1 on any error, or when
 * RSS grew more than 10 % over at least 10,000 queries.
 */
export function runLoadBench(argv: readonly string[]): number {
  const cfg: Record<string, number> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(clients|queries|seconds|warmup)$/.exec(argv[i]!);
    if (m === null) continue;
    const v = Number(argv[++i]);
    if (!Number.isFinite(v) || v <= 0) {
      console.error(`${argv[i - 1]} needs a positive number\nUsage: npm run bench -- ${LOAD_USAGE}`);
      return 2;
    }
    cfg[m[1]!] = v;
  }
  const r = spawnSync(venvPython(), [join(repoRoot, "ts-engine", "src", "bench", "bench_load.py"), JSON.stringify(cfg)], { stdio: "inherit" });
  return r.status ?? 1;
}
