import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ColumnBatch } from "../../columnar/batch.js";
import type { SqlConf } from "../../conf/sql-conf.js";
import { InternalError, SparkException } from "../../errors/spark-exception.js";
import { Channel } from "../exchange/channel.js";
import { cancelledError } from "../cancelled-error.js";
import type { Fragment, FragmentTask, WorkerControl, WorkerReply } from "./fragment.js";

interface Slot {
  readonly worker: Worker;
  task: { readonly id: number; readonly ch: Channel<ColumnBatch> } | null;
}

interface Pending {
  readonly msg: FragmentTask;
  readonly ch: Channel<ColumnBatch>;
}

/** Where the compiled worker script sits: next to this module, as `worker-main.js`. */
export function defaultWorkerScript(): string {
  return fileURLToPath(new URL("./worker-main.js", import.meta.url));
}

/**
 * What a pool task needs from its query: the conf shipped to the worker and the interrupt
 * signal. Not ExecContext itself, which names WorkerPool (that would be an import cycle).
 */
export interface PoolTaskContext {
  readonly conf: SqlConf;
  readonly signal: AbortSignal;
}

/**
 * A pool of worker threads (one per core by default) that run fragment partitions. A
 * worker runs one task at a time and streams its batches back with their buffers
 * transferred; the consumer acknowledges each batch so a worker never gets more than a
 * few ahead. Idle workers do not keep the process alive.
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

  /** Runs partition `partition` of `fragment` on a worker; batches arrive as they are made. */
  run(fragment: Fragment, partition: number, ctx: PoolTaskContext): AsyncIterable<ColumnBatch> {
    if (!this.available || this.closed) throw new InternalError("worker pool is not available");
    const id = this.nextId++;
    const ch = new Channel<ColumnBatch>(Number.MAX_SAFE_INTEGER);
    const conf = ctx.conf.entries();
    const msg: FragmentTask = { type: "run", taskId: id, fragment, partition, conf };
    this.queue.push({ msg, ch });
    this.dispatch();
    return this.consume(id, ch, ctx);
  }

  private async *consume(id: number, ch: Channel<ColumnBatch>, ctx: PoolTaskContext): AsyncGenerator<ColumnBatch> {
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

  private control(msg: WorkerControl): void {
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
    worker.on("message", (m: WorkerReply) => this.onMessage(slot, m));
    const fail = (why: string): void => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      slot.task?.ch.fail(new InternalError(`worker thread failed: ${why}`));
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
    const t = slot.task;
    if (t === null || t.id !== m.taskId) return;
    if (m.type === "batch") {
      void t.ch.push(m.batch);
      return;
    }
    if (m.type === "done") t.ch.close();
    else t.ch.fail(new SparkException(m.exceptionName, m.errorClass, m.params, { sqlState: m.sqlState }));
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
      slot.task = { id: p.msg.taskId, ch: p.ch };
      slot.worker.ref();
      slot.worker.postMessage(p.msg);
    }
  }

  /** Starts every worker now (they load their modules while the engine is idle); no-op without the script. */
  warm(): void {
    if (!this.available || this.closed) return;
    while (this.slots.length < this.size) this.spawn();
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    const ws = this.slots.splice(0).map((s) => s.worker);
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
