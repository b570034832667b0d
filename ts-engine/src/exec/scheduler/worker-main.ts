import { parentPort } from "node:worker_threads";
import { SqlConf } from "../../conf/sql-conf.js";
import type { ExecContext } from "../exec-context.js";
import { toSparkException } from "../../errors/spark-exception.js";
import { planFragment } from "../planner.js";
import type { FragmentTask, WorkerControl, WorkerReply } from "./fragment.js";
import { prepareTransfer } from "./transfer.js";

/** Batches a worker may have in flight before it waits for the main thread's ack. */
const WINDOW = 8;

interface Running {
  readonly abort: AbortController;
  inFlight: number;
  wake: (() => void) | null;
}

const running = new Map<number, Running>();

function post(msg: WorkerReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(msg, transfer);
}

async function run(task: FragmentTask): Promise<void> {
  const state: Running = { abort: new AbortController(), inFlight: 0, wake: null };
  running.set(task.taskId, state);
  const conf = new SqlConf();
  for (const [k, v] of task.conf) conf.set(k, v);
  const ctx: ExecContext = { conf, pythonExec: "", signal: state.abort.signal, services: { parallelism: 1 } };
  try {
    const plan = planFragment(task.fragment, ctx);
    for await (const b of plan.execute(task.partition, ctx)) {
      if (state.abort.signal.aborted) break;
      const { batch, transfer } = prepareTransfer(b);
      post({ type: "batch", taskId: task.taskId, batch }, transfer);
      state.inFlight++;
      while (state.inFlight >= WINDOW && !state.abort.signal.aborted) {
        await new Promise<void>((r) => (state.wake = r));
      }
    }
    post({ type: "done", taskId: task.taskId });
  } catch (e) {
    const se = toSparkException(e);
    post({
      type: "error",
      taskId: task.taskId,
      exceptionName: se.exceptionName,
      errorClass: se.errorClass,
      params: { ...se.messageParameters },
      sqlState: se.sqlState,
      message: se.message,
    });
  } finally {
    running.delete(task.taskId);
  }
}

parentPort!.on("message", (msg: FragmentTask | WorkerControl) => {
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
