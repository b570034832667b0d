import type { BenchRuns } from "./report.js";
import { WORKLOADS, type WorkloadKey } from "./workload-list.js";

/** Issue 5's targets: the slowest tspark-node (all threads) / DuckDB ratio allowed, by workload. */
export const DUCKDB_RATIO_TARGETS: Readonly<Partial<Record<WorkloadKey, number>>> = {
  groupby: 1.5,
  groupby_str: 1.5,
  join: 1.5,
  join_broadcast: 1.5,
  sort_double: 2,
  sort_string: 2,
  date_format: 2,
  to_timestamp: 2,
};

/** Issue 5's target for the speed-up of all worker threads over one, on every workload. */
export const SPEEDUP_TARGET = 1.7;

/**
 * One line per timed workload saying whether it meets the targets (met / missed, with
 * the figure). Informational: figures depend on the machine and its load, so they do
 * not fail the bench; answers do.
 */
export function targetLines(r: BenchRuns): string[] {
  const lines: string[] = [];
  for (const [key, label] of WORKLOADS) {
    const t2 = r.node2.times?.[key];
    const t1 = r.node1.times?.[key];
    if (t2 === undefined || t1 === undefined) continue;
    const speedup = t1 / t2;
    const parts = [`speed-up ${speedup.toFixed(2)}x ${speedup >= SPEEDUP_TARGET ? "met" : "missed"} (>= ${SPEEDUP_TARGET}x)`];
    const target = DUCKDB_RATIO_TARGETS[key];
    const duck = r.duckdb.times?.[key];
    if (target !== undefined && duck !== undefined) {
      const ratio = t2 / duck;
      parts.push(`tspark/DuckDB ${ratio.toFixed(2)}x ${ratio <= target ? "met" : "missed"} (<= ${target}x)`);
    }
    lines.push(`${label}: ${parts.join("; ")}`);
  }
  return lines;
}
