import path from "node:path";

/**
 * Environment for a worker process. PYTHONHASHSEED=0 makes `hash(str)` identical in every
 * worker, which portable_hash (shuffle routing) relies on, as Spark does for its workers.
 * When TSPARK_PYTHONPATH is set (a running-from-the-clone setup, e.g. `/repo/python`),
 * it is prepended to PYTHONPATH so `-m tspark.worker` resolves without installing the
 * client; an installed client needs nothing.
 */
export function workerEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, PYTHONHASHSEED: "0", PYTHONUNBUFFERED: "1" };
  const extra = base.TSPARK_PYTHONPATH;
  if (extra !== undefined && extra !== "") {
    env.PYTHONPATH = base.PYTHONPATH ? `${extra}${path.delimiter}${base.PYTHONPATH}` : extra;
  }
  return env;
}

/** The interpreter to use when a context names none (the Node API without a Python client). */
export function resolvePythonExec(pythonExec: string): string {
  return pythonExec !== "" ? pythonExec : process.env.TSPARK_PYTHON ?? "python3";
}
