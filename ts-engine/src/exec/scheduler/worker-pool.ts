import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SqlConf } from "../../conf/sql-conf.js";
import { InternalError, SparkException } from "../../errors/spark-exception.js";
import { Channel } from "../exchange/channel.js";
import { cancelledError } from "../cancelled-error.js";
import type { PythonPartitionTask } from "../python-partition-task.js";
import type { TaskOperatorMetrics } from "../metrics/operator-metrics.js";
import type { StageTask, TaskItem, WorkerControl, WorkerPythonTask, WorkerReply, WorkerTask } from "./task.js";
import { threadLostError } from "./task-retry.js";
import { prepareTransfer } from "./transfer.js";

interface RunningTask {
  readonly id: number;
  readonly ch: Channel<TaskItem>;
  readonly onDone?: (threadId: number, operatorMetrics?: TaskOperatorMetrics) => void;
}

interface Slot {
  readonly worker: Worker;
  task: RunningTask | null;
  /** Set while close() waits for this worker's `closed` reply. */
  onClosed?: () => void;
}

interface Pending {
  readonly msg: WorkerTask | WorkerPythonTask;
  readonly transfer: ArrayBuffer[];
  readonly task: RunningTask;
}

/** Where the compiled worker script sits: next to this module, as `worker-main.js`. */
export function defaultWorkerScript(): string {
  return fileURLToPath(new URL("./worker-main.js", import.meta.url));
}

/**
 * What a pool task needs from its query: the conf shipped to the worker, the client's
 * interpreter (for the worker's own Python processes) and the interrupt signal. Not
 * ExecContext itself, which names WorkerPool (that would be an import cycle).
 */
export interface PoolTaskContext {
  readonly conf: SqlConf;
  readonly pythonExec: string;
  readonly signal: AbortSignal;
}

/** How long close() waits for workers to stop their Python processes before terminating them. */
const CLOSE_GRACE_MS = 1500;

/**
 * A pool of worker threads (one per core by default) that run stage tasks. A worker runs
 * one task at a time and streams its batches back with their buffers transferred; the
 * consumer acknowledges each batch so a worker never gets more than a few ahead. A task's
 * shuffle blocks are transferred to the worker, not copied. A worker that dies (process.exit,
 * a fatal error, its heap out of memory) fails its task with WORKER_THREAD_EXITED_UNEXPECTEDLY
 * (the scheduler runs it again: task-retry.ts) and is replaced by a fresh thread. Idle
 * workers do not keep the process alive. Each worker thread owns the Python worker
 * process its tasks' UDFs and RDD steps talk to.
 */
export class WorkerPool {
  readonly size: number;
  readonly script: string;
  /** False when the compiled worker script is missing (e.g. tests on TS sources): run in-process then. */
  readonly available: boolean;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(opts: { readonly size?: number; readonly script?: string } = {}) {
    this.size = Math.max(1, opts.size ?? availableParallelism());
    this.script = opts.script ?? defaultWorkerScript();
    this.available = this.script.endsWith(".js") && existsSync(this.script);
  }

  /**
   * Runs `task` on a worker; its output arrives as it is made. The task's shuffle input
   * buffers move to the worker (they are read once; a sampling pass copies them); broadcasts are copied.
   * `onDone` learns which thread ran it, and the task's operator metrics when it was profiled.
   */
  run(task: StageTask, ctx: PoolTaskContext, onDone?: (threadId: number, operatorMetrics?: TaskOperatorMetrics) => void): AsyncIterable<TaskItem> {
    if (!this.available || this.closed) throw new InternalError("worker pool is not available");
    const id = this.nextId++;
    const ch = new Channel<TaskItem>(Number.MAX_SAFE_INTEGER);
    const conf = ctx.conf.entries();
    const transfer: ArrayBuffer[] = [];
    // a range exchange's sampling pass reads the blocks its partitioning pass reads again, and a
    // retryable task's next attempt reads them again: copy those
    const move = task.output.kind !== "sample" && task.retryable !== true;
    const shuffles = !move
      ? task.shuffles
      : task.shuffles.map((s) => ({
          ...s,
          batches: s.batches.map((b) => {
            const t = prepareTransfer(b);
            transfer.push(...t.transfer);
            return t.batch;
          }),
        }));
    const msg: WorkerTask = { type: "run", taskId: id, task: { ...task, shuffles }, conf, pythonExec: ctx.pythonExec };
    this.queue.push({ msg, transfer: [...new Set(transfer)], task: { id, ch, ...(onDone === undefined ? {} : { onDone }) } });
    this.dispatch();
    return this.consume(id, ch, ctx);
  }

  /**
   * Runs an RDD partition's Python step on a worker (its Python process does the work);
   * the output blobs arrive as batches of one binary column (exec/python-partition-task.ts).
   */
  runPython(task: PythonPartitionTask, ctx: Pick<PoolTaskContext, "pythonExec" | "signal"> & { readonly workerMemoryMb?: number }, onDone?: (threadId: number) => void): AsyncIterable<TaskItem> {
    if (!this.available || this.closed) throw new InternalError("worker pool is not available");
    const id = this.nextId++;
    const ch = new Channel<TaskItem>(Number.MAX_SAFE_INTEGER);
    const msg: WorkerPythonTask = { type: "runPython", taskId: id, task, pythonExec: ctx.pythonExec, ...(ctx.workerMemoryMb === undefined ? {} : { workerMemoryMb: ctx.workerMemoryMb }) };
    this.queue.push({ msg, transfer: [], task: { id, ch, ...(onDone === undefined ? {} : { onDone }) } });
    this.dispatch();
    return this.consume(id, ch, ctx);
  }

  private async *consume(id: number, ch: Channel<TaskItem>, ctx: Pick<PoolTaskContext, "signal">): AsyncGenerator<TaskItem> {
    const onAbort = (): void => {
      this.cancel(id);
      ch.fail(cancelledError());
    };
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    try {
      for await (const b of ch.drain()) {
        this.control({ type: "ack", taskId: id });
        yield b;
      }
    } finally {
      ctx.signal.removeEventListener("abort", onAbort);
      this.cancel(id);
    }
  }

  private slotOf(id: number): Slot | undefined {
    return this.slots.find((s) => s.task?.id === id);
  }

  private control(msg: WorkerControl & { readonly taskId: number }): void {
    this.slotOf(msg.taskId)?.worker.postMessage(msg);
  }

  private cancel(id: number): void {
    const qi = this.queue.findIndex((p) => p.msg.taskId === id);
    if (qi >= 0) {
      this.queue.splice(qi, 1);
      return;
    }
    this.control({ type: "cancel", taskId: id });
  }

  private spawn(): Slot {
    const worker = new Worker(this.script);
    const slot: Slot = { worker, task: null };
    // kept: a thread that has exited reports threadId -1
    const threadId = worker.threadId;
    worker.on("message", (m: WorkerReply) => this.onMessage(slot, m));
    const fail = (why: string): void => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      slot.task?.ch.fail(threadLostError(threadId, why));
      slot.task = null;
      this.dispatch();
    };
    worker.on("error", (e: Error) => fail(e.message));
    worker.on("exit", (code) => fail(`exited with code ${code}`));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private onMessage(slot: Slot, m: WorkerReply): void {
    if (m.type === "closed") {
      slot.onClosed?.();
      return;
    }
    const t = slot.task;
    if (t === null || t.id !== m.taskId) return;
    if (m.type === "batch") {
      void t.ch.push({
        bucket: m.bucket,
        batch: m.batch,
        ...(m.offsets === undefined ? {} : { offsets: m.offsets }),
        ...(m.relation === undefined ? {} : { relation: m.relation }),
        ...(m.metricsId === undefined ? {} : { metricsId: m.metricsId }),
      });
      return;
    }
    if (m.type === "done") {
      t.onDone?.(slot.worker.threadId, m.operatorMetrics);
      t.ch.close();
    }
    else {
      // The worker's message verbatim (raw-message errors have no template), and a Python traceback kept.
      const opts = { sqlState: m.sqlState, rawMessage: m.message, ...(m.pythonTraceback === undefined ? {} : { pythonTraceback: m.pythonTraceback }) };
      t.ch.fail(new SparkException(m.exceptionName, m.errorClass, m.params, opts));
    }
    slot.task = null;
    slot.worker.unref();
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === null);
      if (slot === undefined) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const p = this.queue.shift()!;
      slot.task = p.task;
      slot.worker.ref();
      slot.worker.postMessage(p.msg, p.transfer);
    }
  }

  /** Starts every worker now (they load their modules while the engine is idle); no-op without the script. */
  warm(): void {
    if (!this.available || this.closed) return;
    while (this.slots.length < this.size) this.spawn();
  }

  /** Thread ids of the live workers (tests check that a crashed one was replaced). */
  threadIds(): number[] {
    return this.slots.map((s) => s.worker.threadId);
  }

  /**
   * Stops every worker: each first stops its Python processes (so none outlives the
   * engine), then the threads are terminated; a worker that does not answer within
   * CLOSE_GRACE_MS is terminated anyway.
   */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map(async (s) => {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, CLOSE_GRACE_MS);
          timer.unref();
          s.onClosed = () => {
            clearTimeout(timer);
            resolve();
          };
          s.worker.ref(); // the reply must arrive even if nothing else keeps the process up
          s.worker.postMessage({ type: "close" } satisfies WorkerControl);
        });
        await s.worker.terminate();
      }),
    );
  }
}
