import type { AnswerRows } from "./tpch-answers.js";

/**
 * What one engine's side of the TPC-H bench prints, one JSON object a line: a line per query
 * as it finishes (so a side that is killed at its time limit still reports what it ran), then
 * a `done` line. bench_tpch.py prints the same lines for the Python sides.
 */
export type TpchSideLine =
  | {
      readonly q: string;
      /** Seconds of the query's first run in this process. */
      readonly cold: number;
      /** Median seconds of the warm runs after it. */
      readonly warm: number;
      readonly rows: AnswerRows;
    }
  | { readonly q: string; readonly error: string }
  | {
      readonly done: true;
      /** Peak resident memory of the side's processes (the engine's included), MB. */
      readonly rssMb: number;
      /** Seconds to start the session and register the tables. */
      readonly start: number;
      readonly note?: string;
    };

/** One engine's run of the queries, as the report reads it. */
export interface TpchRun {
  readonly name: string;
  readonly cold: Readonly<Record<string, number>>;
  readonly warm: Readonly<Record<string, number>>;
  readonly rows: Readonly<Record<string, AnswerRows>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly rssMb?: number;
  readonly start?: number;
  readonly note?: string;
  /** Why the engine did not run (or stopped early), when it did not finish. */
  readonly error?: string;
}

/** A run of an engine that is not there, with the reason the report prints. */
export function absentRun(name: string, why: string): TpchRun {
  return { name, cold: {}, warm: {}, rows: {}, errors: {}, error: why };
}

/** Reads a side's stdout lines into a run; lines that are not its JSON (logs) are skipped. */
export function parseTpchSide(name: string, stdout: string, status: number | null, stderr: string, spawnError?: Error): TpchRun {
  const cold: Record<string, number> = {};
  const warm: Record<string, number> = {};
  const rows: Record<string, AnswerRows> = {};
  const errors: Record<string, string> = {};
  let done: Extract<TpchSideLine, { done: true }> | undefined;
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    let parsed: TpchSideLine;
    try {
      parsed = JSON.parse(line) as TpchSideLine;
    } catch {
      continue;
    }
    if ("done" in parsed) done = parsed;
    else if ("error" in parsed) errors[parsed.q] = parsed.error;
    else {
      cold[parsed.q] = parsed.cold;
      warm[parsed.q] = parsed.warm;
      rows[parsed.q] = parsed.rows;
    }
  }
  const base = { name, cold, warm, rows, errors };
  if (done === undefined) {
    const why = spawnError?.message ?? (stderr.trim().split("\n").slice(-3).join(" | ") || "no output");
    return { ...base, error: `stopped before the end (exit ${String(status)}): ${why}` };
  }
  return { ...base, rssMb: done.rssMb, start: done.start, ...(done.note === undefined ? {} : { note: done.note }) };
}
