import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { SqlConf } from "../../conf/sql-conf.js";
import type { ExecContext } from "../exec-context.js";
import { toSparkException } from "../../errors/spark-exception.js";
import { runTask } from "./run-task.js";
import { CRASH_TEST_CONF, type WorkerControl, type WorkerReply, type WorkerTask } from "./task.js";
import { prepareTransfer } from "./transfer.js";

/** Batches a worker may have in flight before it waits for the main thread's ack. */
const WINDOW = 8;

/**
 * Nice value of a worker thread. The thread that serves ZeroMQ must answer a ping within
 * milliseconds while the workers compute; on a machine whose cores are all busy the
 * kernel would otherwise share them evenly. On Linux the nice value is per thread
 * (setpriority of pid 0 changes the calling thread only), so this ranks computation
 * behind serving and costs nothing when cores are free.
 */
const WORKER_NICE = 10;

try {
  setPriority(0, WORKER_NICE);
} catch {
  // not permitted or not supported: run at the default priority
}

interface Running {
  readonly abort: AbortController;
  inFlight: number;
  wake: (() => void) | null;
}

const running = new Map<number, Running>();

function post(msg: WorkerReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(msg, transfer);
}

async function run(msg: WorkerTask): Promise<void> {
  const state: Running = { abort: new AbortController(), inFlight: 0, wake: null };
  running.set(msg.taskId, state);
  const conf = new SqlConf();
  for (const [k, v] of msg.conf) conf.set(k, v);
  if (conf.getBoolean(CRASH_TEST_CONF) && msg.task.shuffles.length > 0) process.exit(70);
  const ctx: ExecContext = { conf, pythonExec: "", signal: state.abort.signal, services: { parallelism: 1 } };
  try {
    for await (const item of runTask(msg.task, ctx)) {
      if (state.abort.signal.aborted) break;
      const { batch, transfer } = prepareTransfer(item.batch);
      post({ type: "batch", taskId: msg.taskId, bucket: item.bucket, batch }, transfer);
      state.inFlight++;
      while (state.inFlight >= WINDOW && !state.abort.signal.aborted) {
        await new Promise<void>((r) => (state.wake = r));
      }
    }
    post({ type: "done", taskId: msg.taskId });
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
    });
  } finally {
    running.delete(msg.taskId);
  }
}

parentPort!.on("message", (msg: WorkerTask | WorkerControl) => {
  if (msg.type === "run") {
    void run(msg);
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
