import { appendFileSync } from "node:fs";

/**
 * Where the engine writes every query's profile (its formatted plan with per-operator metrics)
 * as the query ends: `tspark-engine serve --profile [FILE]`, or TSPARK_PROFILE=1 (stderr) /
 * TSPARK_PROFILE=FILE in the engine's environment (an engine a Python session starts inherits it).
 * Unset: nothing is written.
 */
let sink: ((text: string) => void) | undefined = sinkFor(process.env["TSPARK_PROFILE"]);

/** The writer for a `--profile` value / TSPARK_PROFILE: "", "1", "true" or "stderr" → stderr; another value → that file. */
export function sinkFor(target: string | undefined): ((text: string) => void) | undefined {
  if (target === undefined || target === "0" || target === "false") return undefined;
  if (target === "" || target === "1" || target === "true" || target === "stderr") return (text) => process.stderr.write(text);
  return (text) => appendFileSync(target, text);
}

/** Sets where profiles go (undefined: nowhere). */
export function setProfileOutput(write: ((text: string) => void) | undefined): void {
  sink = write;
}

/** Where profiles go now, if anywhere. */
export function profileOutput(): ((text: string) => void) | undefined {
  return sink;
}
