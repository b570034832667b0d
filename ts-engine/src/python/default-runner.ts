import type { PythonRunner } from "./python-runner.js";
import { ProcessPythonRunner } from "./worker-process/process-runner.js";

let shared: PythonRunner | null = null;

/** A new runner: worker processes sized to the cores (the default until an in-process runner measures faster). */
export function createPythonRunner(size?: number): PythonRunner {
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
