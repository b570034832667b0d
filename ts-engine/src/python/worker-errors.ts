import { PythonException, SparkException } from "../errors/spark-exception.js";

/** PySpark's first line of a PythonException's message, before the worker's traceback. */
export const PYTHON_EXCEPTION_PREAMBLE = "An exception was thrown from the Python worker. Please see the stack trace below.\n";

/** An `error` frame from the worker: user code raised. */
export function pythonExceptionFromFrame(frame: { readonly traceback: string; readonly exceptionName: string; readonly message: string }): PythonException {
  const tb = frame.traceback !== "" ? frame.traceback : `${frame.exceptionName}: ${frame.message}\n`;
  return new PythonException(PYTHON_EXCEPTION_PREAMBLE + tb, tb);
}

/** The worker process died (crash, os._exit, killed) while running a request. */
export function workerExitedError(code: number | null, signal: string | null, stderrTail: string): SparkException {
  const how = signal !== null ? `signal ${signal}` : `exit code ${code ?? "unknown"}`;
  const tail = stderrTail.trim() === "" ? "" : `\nPython worker stderr (last lines):\n${stderrTail.trimEnd()}`;
  const hint = /No module named '?tspark/.test(stderrTail)
    ? "\nThe tspark package is not importable by this interpreter: pip install it there, or set TSPARK_PYTHONPATH to the repo's python/ directory."
    : "";
  return new SparkException("SparkRuntimeException", "PYTHON_WORKER_EXITED_UNEXPECTEDLY", {
    message: `Python worker exited unexpectedly (${how}).${hint}${tail}`,
  });
}

/** The interpreter could not be started at all. */
export function workerSpawnError(pythonExec: string, cause: string): SparkException {
  return new SparkException("SparkRuntimeException", "PYTHON_WORKER_START_FAILED", {
    message: `Cannot start the Python worker '${pythonExec} -m tspark.worker': ${cause}`,
  });
}

/** Whether `e` says a Python worker died mid-task (its task may run again on a fresh worker). */
export function workerExited(e: unknown): e is SparkException {
  return e instanceof SparkException && e.errorClass === "PYTHON_WORKER_EXITED_UNEXPECTEDLY";
}

/**
 * The job failure after a task's last attempt, as Spark's DAGScheduler words it (`Job aborted
 * due to stage failure: Task 1 in stage 3.0 failed 4 times, most recent failure: Lost task
 * 1.3 in stage 3.0: …`), keeping the cause's class.
 */
export function stageFailure(e: SparkException, partition: number, stageId: number, attempts: number): SparkException {
  return new SparkException(e.exceptionName, e.errorClass, e.messageParameters, {
    rawMessage: `Job aborted due to stage failure: Task ${partition} in stage ${stageId}.0 failed ${attempts} times, most recent failure: Lost task ${partition}.${attempts - 1} in stage ${stageId}.0: ${e.message}`,
  });
}

/** spark.task.maxFailures: attempts of a task whose Python worker died (default 4, as Spark). */
export function maxTaskFailures(value: string | undefined): number {
  return Math.max(1, Math.floor(Number(value ?? "4")) || 4);
}
