import { sameSignature, type Signature } from "./signature.js";
import { WORKLOADS } from "./workload-list.js";

/** One engine's column in the table: times by workload, results, or why it did not run. */
export interface EngineRun {
  readonly name: string;
  readonly times?: Readonly<Record<string, number>>;
  /** Median process CPU seconds per timed run, by workload (where the side measures it). */
  readonly cpu?: Readonly<Record<string, number>>;
  readonly results?: Readonly<Record<string, Signature>>;
  /** Workloads that failed on this engine, and why. */
  readonly errors?: Readonly<Record<string, string>>;
  /** Why the engine did not run at all. */
  readonly error?: string;
}

/** A column of a report table: its header and its cell for a workload key. */
interface TableColumn {
  readonly header: string;
  cell(key: string): string;
}

const timeColumn = (r: EngineRun): TableColumn => ({ header: `${r.name} (s)`, cell: (k) => fmt(r.times?.[k]) });

/** `num`'s time over `den`'s, as "2.00x". */
const ratioColumn = (header: string, num: EngineRun, den: EngineRun): TableColumn => ({
  header,
  cell: (k) => {
    const a = num.times?.[k];
    const b = den.times?.[k];
    return a === undefined || b === undefined || b === 0 ? "n/a" : `${(a / b).toFixed(2)}x`;
  },
});

/** The timing table: one row per workload, a column per engine, then ratios to the baseline. */
export function timingTable(runs: readonly EngineRun[], baseline: EngineRun): string {
  const others = runs.filter((r) => r !== baseline);
  return renderColumns(runs, [
    ...runs.map(timeColumn),
    ...others.map((r) => ratioColumn(`${r.name}/${baseline.name}`, r, baseline)),
  ]);
}

/** The engines of `npm run bench`'s table; absent ones print n/a. */
export interface BenchRuns {
  readonly node2: EngineRun;
  readonly node1: EngineRun;
  readonly python: EngineRun;
  readonly duckdb: EngineRun;
  readonly pandas: EngineRun;
  readonly pyspark: EngineRun;
}

/**
 * The bench's table: workload, tspark-node with all worker threads and with one, the
 * speed-up between them (1-thread time / all-threads time), tspark's Python client,
 * DuckDB, pandas, PySpark, then tspark-node (all threads) over DuckDB.
 */
export function benchTable(r: BenchRuns): string {
  const all = [r.node2, r.node1, r.python, r.duckdb, r.pandas, r.pyspark];
  return renderColumns(all, [
    timeColumn(r.node2),
    timeColumn(r.node1),
    ratioColumn("speed-up", r.node1, r.node2),
    timeColumn(r.python),
    timeColumn(r.duckdb),
    timeColumn(r.pandas),
    timeColumn(r.pyspark),
    ratioColumn("tspark/DuckDB", r.node2, r.duckdb),
  ]);
}

/**
 * Where a speed-up is lost: tspark-node's median process CPU per run with all worker threads
 * and with one, their ratio (above 1: the threads do more work together, e.g. contention or
 * duplicated work), and the cores each kept busy on average (CPU / wall: near 1 with 2
 * threads is a serial part). Workloads without CPU figures are left out.
 */
export function cpuTable(all: EngineRun, one: EngineRun): string {
  const f = (x: number | undefined): string => (x === undefined ? "n/a" : x.toFixed(3));
  const busy = (r: EngineRun, k: string): string => {
    const c = r.cpu?.[k];
    const t = r.times?.[k];
    return c === undefined || t === undefined || t === 0 ? "n/a" : (c / t).toFixed(2);
  };
  const keys = WORKLOADS.filter(([k]) => all.cpu?.[k] !== undefined || one.cpu?.[k] !== undefined);
  const rows = [
    ["workload", `${all.name} CPU (s)`, `${one.name} CPU (s)`, "CPU ratio", `cores busy ${all.name}`, `cores busy ${one.name}`],
    ...keys.map(([k, label]) => {
      const a = all.cpu?.[k];
      const b = one.cpu?.[k];
      return [label, f(a), f(b), a === undefined || b === undefined || b === 0 ? "n/a" : `${(a / b).toFixed(2)}x`, busy(all, k), busy(one, k)];
    }),
  ];
  return renderTable(rows);
}

/**
 * Lines saying whether every engine's answers match the baseline's (numbers within
 * relative 1e-9): per workload, a DIFF line for each engine that disagrees and one OK
 * line naming those that agree. Where the baseline has no answer for a workload, the
 * first engine that has one stands in. A sorted result that is not in order is a DIFF
 * whatever the others say.
 */
export function agreement(runs: readonly EngineRun[], baseline: EngineRun): string[] {
  const lines: string[] = [];
  for (const [key, label] of WORKLOADS) {
    const ref = baseline.results?.[key] !== undefined ? baseline : runs.find((r) => r.results?.[key] !== undefined);
    const want = ref?.results?.[key];
    if (ref === undefined || want === undefined) continue;
    const agree: string[] = [];
    for (const r of runs) {
      const got = r.results?.[key];
      if (got === undefined) continue;
      if (got["sorted"] === false) lines.push(`DIFF ${label}: ${r.name}'s output is not sorted ${JSON.stringify(got)}`);
      else if (r === ref) continue;
      else if (sameSignature(got, want)) agree.push(r.name);
      else lines.push(`DIFF ${label}: ${r.name} ${JSON.stringify(got)} vs ${ref.name} ${JSON.stringify(want)}`);
    }
    if (agree.length > 0) lines.push(`OK   ${label}: ${agree.join(", ")} agree with ${ref.name} ${JSON.stringify(want)}`);
  }
  return lines;
}

function fmt(t: number | undefined): string {
  return t === undefined ? "n/a" : t.toFixed(3);
}

/** Rows for the workloads some engine timed, in WORKLOADS order, under the columns' headers. */
function renderColumns(runs: readonly EngineRun[], columns: readonly TableColumn[]): string {
  const keys = WORKLOADS.filter(([k]) => runs.some((r) => r.times?.[k] !== undefined));
  const rows = [
    ["workload", ...columns.map((c) => c.header)],
    ...keys.map(([k, label]) => [label, ...columns.map((c) => c.cell(k))]),
  ];
  return renderTable(rows);
}

function renderTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "))
    .join("\n");
}
