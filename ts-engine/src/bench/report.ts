import type { BenchResults } from "./workloads.js";

/** One engine's column in the table: times by workload, results, or why it did not run. */
export interface EngineRun {
  readonly name: string;
  readonly times?: Readonly<Record<string, number>>;
  readonly results?: Partial<BenchResults>;
  readonly error?: string;
}

const WORKLOADS: readonly (readonly [keyof BenchResults, string])[] = [
  ["groupby", "group-by k1,k2 sum(v)"],
  ["filter", "filter v>1000, project, agg"],
];

/** The timing table: one row per workload, a column per engine, then ratios to the baseline. */
export function timingTable(runs: readonly EngineRun[], baseline: EngineRun): string {
  const others = runs.filter((r) => r !== baseline);
  const head = ["workload", ...runs.map((r) => `${r.name} (s)`), ...others.map((r) => `${r.name}/${baseline.name}`)];
  const body = WORKLOADS.map(([key, label]) => {
    const base = baseline.times?.[key];
    return [
      label,
      ...runs.map((r) => fmt(r.times?.[key])),
      ...others.map((r) => {
        const t = r.times?.[key];
        return t === undefined || base === undefined ? "n/a" : `${(t / base).toFixed(2)}x`;
      }),
    ];
  });
  return renderTable([head, ...body]);
}

/** Lines saying whether every engine's answers match the baseline's (relative 1e-9 on sums). */
export function agreement(runs: readonly EngineRun[], baseline: EngineRun): string[] {
  const lines: string[] = [];
  for (const [key, label] of WORKLOADS) {
    const want = baseline.results?.[key];
    if (want === undefined) continue;
    for (const r of runs) {
      if (r === baseline) continue;
      const got = r.results?.[key];
      if (got === undefined) continue;
      const ok = sameResult(got, want);
      lines.push(`${ok ? "OK  " : "DIFF"} ${label}: ${r.name} ${JSON.stringify(got)} vs ${baseline.name} ${JSON.stringify(want)}`);
    }
  }
  return lines;
}

function sameResult(a: object, b: object): boolean {
  const av = Object.values(a) as number[];
  const bv = Object.values(b) as number[];
  return av.length === bv.length && av.every((x, i) => Math.abs(x - bv[i]!) <= 1e-9 * Math.max(1, Math.abs(bv[i]!)));
}

function fmt(t: number | undefined): string {
  return t === undefined ? "n/a" : t.toFixed(3);
}

function renderTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "))
    .join("\n");
}
