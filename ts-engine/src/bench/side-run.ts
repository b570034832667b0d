import type { Signature } from "./signature.js";

/**
 * What one engine's side of the bench reports (a child process's last stdout line):
 * median seconds and answer signatures by workload, the workloads that failed and why,
 * or one error when the side could not run at all.
 */
export interface SideRun {
  readonly times?: Readonly<Record<string, number>>;
  /** Median process CPU seconds per timed run, by workload (the in-process Node side measures it). */
  readonly cpu?: Readonly<Record<string, number>>;
  readonly results?: Readonly<Record<string, Signature>>;
  readonly errors?: Readonly<Record<string, string>>;
  /** Seconds spent loading the input (excluded from `times`), when the side loads it first. */
  readonly load?: number;
  readonly error?: string;
  /** Free text the side wants in the report (versions, threads, what its timing includes). */
  readonly note?: string;
}

/** Parses a child's stdout: its last line is the JSON SideRun; otherwise an error naming `what`. */
export function parseSideRun(what: string, stdout: string, status: number | null, stderr: string, spawnError?: Error): SideRun {
  const last = stdout.trim().split("\n").pop() ?? "";
  try {
    const parsed = JSON.parse(last) as unknown;
    if (parsed !== null && typeof parsed === "object") return parsed as SideRun;
  } catch {
    // fall through to the error below
  }
  const why = spawnError?.message ?? stderr.trim().split("\n").slice(-3).join(" | ");
  return { error: `${what} failed (exit ${String(status)}): ${why}` };
}
