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

  /** Stop all workers once their queued requests finish (stdin closed). */
  close(): void {
    this.closed = true;
    for (const w of this.load.keys()) w.stop();
    this.load.clear();
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
      const w = new WorkerProcess(this.pythonExec);
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

  private release(w: WorkerProcess): void {
    const n = this.load.get(w);
    if (n !== undefined) {
      if (w.dead) this.load.delete(w);
      else this.load.set(w, n - 1);
    }
    if (this.closed && !w.dead && w.inFlight === 0) w.stop();
    this.waiters.shift()?.();
  }
}
