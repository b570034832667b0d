import { InProcessPythonRunner } from "./in-process/in-process-runner.js";
import type { PythonRunner } from "./python-runner.js";
import { ProcessPythonRunner } from "./worker-process/process-runner.js";

let shared: PythonRunner | null = null;

/**
 * The environment variable that picks the Python runner: `processes` (the default: a
 * `python -m tspark.worker` process per worker thread) or `in-process` (the CPython embedded
 * through node-calls-python). Read where a runner is made; the engine's worker threads
 * inherit it. The default is the runner that measured faster (see the commit that set it).
 */
export const PYTHON_RUNNER_ENV = "TSPARK_PYTHON_RUNNER";

/** The runner kinds PYTHON_RUNNER_ENV names. */
export type PythonRunnerKind = "processes" | "in-process";

/** The runner kind the environment asks for; throws on an unknown name. */
export function pythonRunnerKind(env: Readonly<Record<string, string | undefined>> = process.env): PythonRunnerKind {
  const v = (env[PYTHON_RUNNER_ENV] ?? "").trim();
  if (v === "" || v === "processes") return "processes";
  if (v === "in-process") return "in-process";
  throw new Error(`${PYTHON_RUNNER_ENV} must be 'processes' or 'in-process', got '${v}'`);
}

/** A new runner of the kind the environment asks for (`size`: worker processes, for the process runner). */
export function createPythonRunner(size?: number): PythonRunner {
  if (pythonRunnerKind() === "in-process") {
    // before the embedded interpreter starts (it reads the environment once): portable_hash
    // needs str hashes without randomization, as the worker processes get PYTHONHASHSEED=0
    process.env.PYTHONHASHSEED ??= "0";
    return new InProcessPythonRunner();
  }
  return new ProcessPythonRunner(size);
}

/** The process-wide runner used when EngineServices carries none. */
export function defaultPythonRunner(): PythonRunner {
  shared ??= createPythonRunner();
  return shared;
}

/** The runner of a query's context: EngineServices.python, else the process-wide default. */
export function pythonRunnerOf(services: { readonly python?: PythonRunner }): PythonRunner {
  return services.python ?? defaultPythonRunner();
}
