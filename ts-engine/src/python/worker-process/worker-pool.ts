import { WorkerProcess } from "./worker-process.js";

/**
 * Up to `size` worker processes per interpreter, spawned on demand and reused. A caller
 * takes an idle worker (or waits for one), runs one request, and gives it back; a dead
 * worker is dropped on return and the next caller gets a fresh one.
 */
export class WorkerPool {
  private readonly idle: WorkerProcess[] = [];
  private readonly waiters: ((w: WorkerProcess) => void)[] = [];
  private live = 0;
  private closed = false;

  constructor(
    readonly pythonExec: string,
    readonly size: number,
  ) {}

  /** Run `fn` with a worker of this pool to itself. */
  async use<T>(fn: (w: WorkerProcess) => Promise<T>): Promise<T> {
    const w = await this.acquire();
    try {
      return await fn(w);
    } finally {
      this.release(w);
    }
  }

  /** Stop all idle workers; busy ones stop when returned. */
  close(): void {
    this.closed = true;
    for (const w of this.idle.splice(0)) w.stop();
  }

  private acquire(): Promise<WorkerProcess> {
    for (;;) {
      const w = this.idle.pop();
      if (w === undefined) break;
      if (!w.dead) return Promise.resolve(w);
      this.live--;
    }
    if (this.live < this.size) {
      this.live++;
      return Promise.resolve(new WorkerProcess(this.pythonExec));
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(w: WorkerProcess): void {
    let next: WorkerProcess | null = w;
    if (w.dead || this.closed) {
      if (!w.dead) w.stop();
      this.live--;
      next = null;
      if (!this.closed && this.waiters.length > 0) {
        this.live++;
        next = new WorkerProcess(this.pythonExec);
      }
    }
    if (next === null) return;
    const waiter = this.waiters.shift();
    if (waiter !== undefined) waiter(next);
    else this.idle.push(next);
  }
}
