import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { SqlConf } from "../../conf/sql-conf.js";
import type { ExecContext } from "../exec-context.js";
import { toSparkException } from "../../errors/spark-exception.js";
import { createPythonRunner } from "../../python/default-runner.js";
import { blobsBatch, runPythonPartitionTask } from "../python-partition-task.js";
import { runTask } from "./run-task.js";
import { CRASH_TEST_CONF, type TaskItem, type WorkerControl, type WorkerPythonTask, type WorkerReply, type WorkerTask } from "./task.js";
import { prepareTransfer } from "./transfer.js";
import { workerNice } from "./worker-nice.js";
import { TaskMetricsRecorder } from "../metrics/operator-metrics.js";

/** Batches a worker may have in flight before it waits for the main thread's ack. */
const WINDOW = 8;

try {
  setPriority(0, workerNice());
} catch {
  // not permitted or not supported: run at the default priority
}

interface Running {
  readonly abort: AbortController;
  inFlight: number;
  wake: (() => void) | null;
}

const running = new Map<number, Running>();

/**
 * This thread's own Python worker process (spawned from this thread on first use, one,
 * since a worker thread runs one task at a time and a task keeps one request in flight
 * ahead): UDF batches and RDD partitions go between this thread and its process, never
 * through the main thread, which only schedules.
 */
const python = createPythonRunner(1);

function post(msg: WorkerReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(msg, transfer);
}

/** The items of a task message: a stage task's operators (metered into `recorder` when given), or an RDD partition's Python step. */
async function* itemsOf(msg: WorkerTask | WorkerPythonTask, signal: AbortSignal, recorder: TaskMetricsRecorder | undefined): AsyncGenerator<TaskItem> {
  if (msg.type === "runPython") {
    for (const out of await runPythonPartitionTask(msg.task, python, { pythonExec: msg.pythonExec, signal, ...(msg.workerMemoryMb === undefined ? {} : { workerMemoryMb: msg.workerMemoryMb }) })) {
      yield { bucket: out.bucket, batch: blobsBatch(out.blobs) };
    }
    return;
  }
  const conf = new SqlConf();
  for (const [k, v] of msg.conf) conf.set(k, v);
  if (msg.task.shuffles.length > 0) await crashForTest(conf.get(CRASH_TEST_CONF), msg.task.attempt ?? 0);
  const ctx: ExecContext = { conf, pythonExec: msg.pythonExec, signal, services: { parallelism: 1, python }, ...(recorder === undefined ? {} : { operatorMetrics: recorder }) };
  yield* runTask(msg.task, ctx);
}

/** CRASH_TEST_CONF's fault ("exit" | "throw", on the first N attempts when ":N" follows), if this attempt has it. */
async function crashForTest(spec: string | undefined, attempt: number): Promise<void> {
  const m = spec === undefined ? null : /^(true|exit|throw)(?::(\d+))?$/.exec(spec.trim());
  if (m === null || (m[2] !== undefined && attempt >= Number(m[2]))) return;
  if (m[1] !== "throw") process.exit(70);
  // outside any task's promise: the thread's uncaught error, not a task failure; the task waits
  // for it, so that the thread cannot take another task before it dies
  setImmediate(() => {
    throw new Error("worker thread crash (test)");
  });
  await new Promise<never>(() => undefined);
}

async function run(msg: WorkerTask | WorkerPythonTask): Promise<void> {
  const state: Running = { abort: new AbortController(), inFlight: 0, wake: null };
  running.set(msg.taskId, state);
  const recorder = msg.type === "run" && msg.task.profile === true ? new TaskMetricsRecorder() : undefined;
  try {
    for await (const item of itemsOf(msg, state.abort.signal, recorder)) {
      if (state.abort.signal.aborted) break;
      if (item.relation !== undefined) {
        // shared memory: posting it shares the buffers, nothing to transfer
        post({ type: "batch", taskId: msg.taskId, bucket: item.bucket, batch: item.batch, relation: item.relation });
      } else {
        const { batch, transfer } = prepareTransfer(item.batch);
        const offsets = item.offsets;
        if (offsets !== undefined) transfer.push(offsets.buffer as ArrayBuffer);
        const metrics = item.metricsId === undefined ? {} : { metricsId: item.metricsId };
        post({ type: "batch", taskId: msg.taskId, bucket: item.bucket, batch, ...(offsets === undefined ? {} : { offsets }), ...metrics }, transfer);
      }
      state.inFlight++;
      while (state.inFlight >= WINDOW && !state.abort.signal.aborted) {
        await new Promise<void>((r) => (state.wake = r));
      }
    }
    post({ type: "done", taskId: msg.taskId, ...(recorder === undefined ? {} : { operatorMetrics: recorder.snapshot() }) });
  } catch (e) {
    const se = toSparkException(e);
    post({
      type: "error",
      taskId: msg.taskId,
      exceptionName: se.exceptionName,
      errorClass: se.errorClass,
      params: { ...se.messageParameters },
      sqlState: se.sqlState,
      message: se.message,
      ...(se.pythonTraceback === undefined ? {} : { pythonTraceback: se.pythonTraceback }),
    });
  } finally {
    running.delete(msg.taskId);
  }
}

parentPort!.on("message", (msg: WorkerTask | WorkerPythonTask | WorkerControl) => {
  if (msg.type === "run" || msg.type === "runPython") {
    void run(msg);
    return;
  }
  if (msg.type === "close") {
    // Before the thread is terminated: its Python processes must not outlive the engine.
    for (const st of running.values()) st.abort.abort();
    void python.close().finally(() => post({ type: "closed" }));
    return;
  }
  const st = running.get(msg.taskId);
  if (st === undefined) return;
  if (msg.type === "ack") st.inFlight--;
  else st.abort.abort();
  const w = st.wake;
  st.wake = null;
  w?.();
});
