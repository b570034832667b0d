import { checkAnswer, type AnswerRows } from "./tpch-answers.js";
import type { TpchRun } from "./tpch-side.js";

/**
 * The TPC-H bench's report: per-query tables of warm and cold times with the ratios, a summary
 * per engine (geometric means, end-to-end time, peak memory), and the answer checks against
 * DuckDB's. Pure functions of the runs, so tests check them without running an engine.
 */

/** The engines of one TPC-H run; absent ones are runs with `error` set. */
export interface TpchRuns {
  /** The Node API with all worker threads: the tspark figure ratios are taken of. */
  readonly node: TpchRun;
  /** The Node API with one worker thread (the speed-up's numerator). */
  readonly node1: TpchRun;
  readonly pyDf: TpchRun;
  readonly pySql: TpchRun;
  readonly duckdb: TpchRun;
  readonly pandas: TpchRun;
  readonly pyspark: TpchRun;
}

/** Every run, in table order. */
export function allRuns(r: TpchRuns): TpchRun[] {
  return [r.node, r.node1, r.pyDf, r.pySql, r.duckdb, r.pandas, r.pyspark];
}

/** Whether a run is one of tspark's (whose failures fail the bench). */
export function isTspark(run: TpchRun): boolean {
  return run.name.startsWith("tspark");
}

/** The geometric mean of positive numbers, or undefined for none. */
export function geomean(xs: readonly number[]): number | undefined {
  const ok = xs.filter((x) => x > 0 && Number.isFinite(x));
  if (ok.length === 0) return undefined;
  return Math.exp(ok.reduce((s, x) => s + Math.log(x), 0) / ok.length);
}

/** `num / den` per query over the queries both timed, with its geometric mean. */
export function ratios(num: Readonly<Record<string, number>>, den: Readonly<Record<string, number>>, queries: readonly string[]): { readonly per: Record<string, number>; readonly geomean: number | undefined } {
  const per: Record<string, number> = {};
  for (const q of queries) {
    const a = num[q];
    const b = den[q];
    if (a !== undefined && b !== undefined && b > 0) per[q] = a / b;
  }
  return { per, geomean: geomean(Object.values(per)) };
}

/** Geometric mean of a run's times over `queries`, only when it timed every one (else undefined). */
function fullGeomean(times: Readonly<Record<string, number>>, queries: readonly string[]): number | undefined {
  return queries.every((q) => times[q] !== undefined) ? geomean(queries.map((q) => times[q]!)) : undefined;
}

const secs = (x: number | undefined): string => (x === undefined ? "n/a" : x < 10 ? x.toFixed(3) : x.toFixed(2));
const times = (x: number | undefined): string => (x === undefined ? "n/a" : `${x.toFixed(2)}x`);

/** A table of times (warm or cold) per query and engine, then the ratios to tspark and a geomean row. */
export function timesTable(r: TpchRuns, queries: readonly string[], which: "warm" | "cold"): string {
  const runs = allRuns(r);
  const t = (run: TpchRun): Readonly<Record<string, number>> => run[which];
  const speedup = ratios(t(r.node1), t(r.node), queries);
  const vsDuck = ratios(t(r.node), t(r.duckdb), queries);
  const vsPandas = ratios(t(r.node), t(r.pandas), queries);
  const pysparkOver = ratios(t(r.pyspark), t(r.node), queries);
  const header = ["query", ...runs.map((x) => `${x.name} (s)`), "speed-up", "tspark/DuckDB", "tspark/pandas", "PySpark/tspark"];
  const rows = queries.map((q) => [
    q,
    ...runs.map((x) => secs(t(x)[q])),
    times(speedup.per[q]),
    times(vsDuck.per[q]),
    times(vsPandas.per[q]),
    times(pysparkOver.per[q]),
  ]);
  const geo = ["geomean", ...runs.map((x) => secs(fullGeomean(t(x), queries))), times(speedup.geomean), times(vsDuck.geomean), times(vsPandas.geomean), times(pysparkOver.geomean)];
  return renderTable([header, ...rows, geo]);
}

/** End-to-end seconds of a run: its session start plus every query's first (cold) run; undefined unless all ran. */
export function endToEnd(run: TpchRun, queries: readonly string[]): number | undefined {
  if (run.start === undefined || !queries.every((q) => run.cold[q] !== undefined)) return undefined;
  return run.start + queries.reduce((s, q) => s + run.cold[q]!, 0);
}

/** One line per engine: queries answered, geometric means, end-to-end time, peak RSS, and why it is missing. */
export function summaryTable(r: TpchRuns, queries: readonly string[]): string {
  const header = ["engine", "queries", "geomean warm (s)", "geomean cold (s)", "end to end (s)", "peak RSS (MB)", "note"];
  const rows = allRuns(r).map((run) => [
    run.name,
    `${queries.filter((q) => run.warm[q] !== undefined).length}/${queries.length}`,
    secs(fullGeomean(run.warm, queries)),
    secs(fullGeomean(run.cold, queries)),
    secs(endToEnd(run, queries)),
    run.rssMb === undefined ? "n/a" : run.rssMb.toFixed(0),
    run.error ?? run.note ?? "",
  ]);
  return renderTable([header, ...rows]);
}

/** The answer checks: per engine and query, whether its rows are DuckDB's (or the first answer's, without DuckDB). */
export interface AnswerReport {
  readonly lines: readonly string[];
  /** A tspark answer differs from the reference, or a tspark query failed. */
  readonly failed: boolean;
  /** Per engine, per query: "same", "ties", "diff: …", "error: …". */
  readonly byEngine: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Checks every engine's answers against the reference's (`ordered(q)`: the query has an ORDER BY). */
export function checkAnswers(r: TpchRuns, queries: readonly string[], ordered: (q: string) => boolean): AnswerReport {
  const runs = allRuns(r);
  const lines: string[] = [];
  const byEngine: Record<string, Record<string, string>> = {};
  let failed = false;
  for (const q of queries) {
    const ref = r.duckdb.rows[q] !== undefined ? r.duckdb : runs.find((x) => x.rows[q] !== undefined);
    const want: AnswerRows | undefined = ref?.rows[q];
    const agree: string[] = [];
    for (const run of runs) {
      const mark = (v: string): void => {
        (byEngine[run.name] ??= {})[q] = v;
      };
      const err = run.errors[q];
      if (err !== undefined) {
        mark(`error: ${err}`);
        lines.push(`FAIL ${q}: ${run.name}: ${err}`);
        if (isTspark(run)) failed = true;
        continue;
      }
      const got = run.rows[q];
      if (got === undefined) {
        if (isTspark(run) && run.error === undefined) failed = true;
        continue;
      }
      if (want === undefined || run === ref) continue;
      const c = checkAnswer(got, want, ordered(q));
      if (c.kind === "diff") {
        mark(`diff: ${c.why}`);
        lines.push(`DIFF ${q}: ${run.name} vs ${ref!.name}: ${c.why}`);
        if (isTspark(run)) failed = true;
      } else {
        mark(c.kind);
        agree.push(c.kind === "ties" ? `${run.name} (ties in another order)` : run.name);
      }
    }
    if (ref === undefined) lines.push(`UNCHECKED ${q}: no engine answered`);
    else if (agree.length > 0) lines.push(`OK   ${q}: ${agree.join(", ")} agree with ${ref.name} (${want!.length} rows)`);
    else lines.push(`UNCHECKED ${q}: only ${ref.name} answered`);
  }
  // a tspark side that stopped early fails the bench too
  for (const run of runs) if (isTspark(run) && run.error !== undefined && !run.error.startsWith("not asked")) failed = true;
  return { lines, failed, byEngine };
}

/** Pads a table's cells into aligned columns: the first left-aligned, the others right-aligned. */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  // names and notes read left-aligned, figures right-aligned
  const left = (c: number): boolean => c === 0 || rows[0]![c] === "note";
  return rows
    .map((r) =>
      r
        .map((cell, c) => (left(c) ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
