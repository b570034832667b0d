import { WorkerProcess } from "./worker-process.js";

/** Requests queued on one worker at most: one running, one waiting in its pipe. */
const MAX_DEPTH = 2;

/**
 * Up to `size` worker processes per interpreter, spawned on demand and reused. `use`
 * picks the least loaded worker: an idle one, else a new one while below `size`, else
 * one with fewer than MAX_DEPTH requests queued (pipelining), else it waits. A dead
 * worker is dropped and the next caller gets a fresh one.
 */
export class WorkerPool {
  private readonly load = new Map<WorkerProcess, number>();
  private readonly waiters: (() => void)[] = [];
  private closed = false;

  constructor(
    readonly pythonExec: string,
    readonly size: number,
    /** Each worker's address-space limit in MiB (RunOptions.workerMemoryMb); absent: none. */
    readonly memoryMb?: number,
  ) {}

  /** Run `fn` with a worker of this pool (possibly shared by pipelined requests). */
  async use<T>(fn: (w: WorkerProcess) => Promise<T>): Promise<T> {
    const w = await this.acquire();
    try {
      return await fn(w);
    } finally {
      this.release(w);
    }
  }

  /**
   * Run `fn` with a worker of this pool that nothing else is sent to meanwhile (a
   * conversation of several frames: foreachPartition's chunks).
   */
  async useExclusive<T>(fn: (w: WorkerProcess) => Promise<T>): Promise<T> {
    const w = await this.acquireExclusive();
    try {
      return await fn(w);
    } finally {
      this.releaseExclusive(w);
    }
  }

  /**
   * A worker nothing else is sent to until `releaseExclusive` (a streamed conversation that
   * yields between its frames). When none is idle a new one is made even past `size`: the
   * conversation's own input may need a worker of this pool meanwhile (a Python step below a
   * streamed one in the same task), which must not wait for this one.
   */
  async acquireExclusive(): Promise<WorkerProcess> {
    return this.acquireIdle();
  }

  /** Gives back a worker of `acquireExclusive`. */
  releaseExclusive(w: WorkerProcess): void {
    this.release(w, MAX_DEPTH);
  }

  /**
   * Stops all workers: an idle one by closing its stdin (it exits cleanly), a busy one by
   * SIGKILL (nobody waits for its answers any more: the engine or its thread is stopping).
   * Resolves when the processes are gone, killing any still there after `graceMs`.
   */
  async close(graceMs = 1000): Promise<void> {
    this.closed = true;
    const ws = [...this.load.keys()];
    this.load.clear();
    for (const w of ws) w.stop(w.inFlight > 0);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), graceMs)));
    const done = await Promise.race([Promise.all(ws.map((w) => w.exited)), late]);
    clearTimeout(timer);
    if (done === "late") for (const w of ws) w.stop(true);
  }

  private pick(): WorkerProcess | null {
    let best: WorkerProcess | null = null;
    let bestLoad = Infinity;
    for (const [w, n] of this.load) {
      if (w.dead) {
        this.load.delete(w);
        continue;
      }
      if (n < bestLoad) {
        best = w;
        bestLoad = n;
      }
    }
    if (best !== null && bestLoad === 0) return best;
    if (this.load.size < this.size) {
      const w = new WorkerProcess(this.pythonExec, this.memoryMb);
      this.load.set(w, 0);
      return w;
    }
    return best !== null && bestLoad < MAX_DEPTH ? best : null;
  }

  private async acquire(): Promise<WorkerProcess> {
    for (;;) {
      const w = this.pick();
      if (w !== null) {
        this.load.set(w, (this.load.get(w) ?? 0) + 1);
        return w;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** An idle worker (or a new one), loaded MAX_DEPTH so that `pick` hands it to nobody else. */
  private async acquireIdle(): Promise<WorkerProcess> {
    for (;;) {
      let idle: WorkerProcess | null = null;
      for (const [w, n] of this.load) {
        if (w.dead) this.load.delete(w);
        else if (n === 0 && idle === null) idle = w;
      }
      if (idle === null && !this.closed) {
        idle = new WorkerProcess(this.pythonExec, this.memoryMb);
        this.load.set(idle, 0);
      }
      if (idle !== null) {
        this.load.set(idle, MAX_DEPTH);
        return idle;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private release(w: WorkerProcess, held = 1): void {
    const n = this.load.get(w);
    if (n !== undefined) {
      if (w.dead) this.load.delete(w);
      else this.load.set(w, n - held);
    }
    if (this.closed && !w.dead && w.inFlight === 0) w.stop();
    this.waiters.shift()?.();
  }
}
