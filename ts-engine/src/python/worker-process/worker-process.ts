import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import type { Socket } from "node:net";
import type { SparkException } from "../../errors/spark-exception.js";
import { workerExitedError, workerSpawnError } from "../worker-errors.js";
import { encodeFrame, FrameReader } from "./frame-codec.js";
import { workerEnv } from "./worker-env.js";

const STDERR_TAIL = 4096;

/**
 * Why a request was dropped without ever running: it waited in the pipe behind a request
 * whose query was cancelled, and that worker was killed. Its caller may send it again.
 */
export class RequestNotStarted extends Error {
  constructor() {
    super("Python worker was stopped before it ran this request");
  }
}

/**
 * One `<pythonExec> -m tspark.worker` child. Requests are pipelined: several may be in
 * flight, the worker answers them in order, so the next request already waits in the
 * pipe when Python finishes one (no scheduling round trip per batch). If the process
 * dies, every pending request rejects with "Python worker exited unexpectedly" and the
 * worker is `dead` for good.
 */
export class WorkerProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly reader = new FrameReader();
  private readonly pending: { id: number; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  private nextId = 0;
  private stderrTail = "";
  private deathError: SparkException | null = null;
  /** Resolves once the OS process is gone (its "close": exited and pipes drained). */
  readonly exited: Promise<void>;

  /** `memoryMb`: the process's address-space limit (PYSPARK_EXECUTOR_MEMORY_MB, which the worker applies as PySpark's does). */
  constructor(readonly pythonExec: string, memoryMb?: number) {
    const env = memoryMb === undefined ? workerEnv() : { ...workerEnv(), PYSPARK_EXECUTOR_MEMORY_MB: String(memoryMb) };
    this.child = spawn(pythonExec, ["-u", "-m", "tspark.worker"], { env, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => this.onStderr(chunk));
    this.child.on("error", (e) => this.die(workerSpawnError(pythonExec, e.message)));
    this.exited = new Promise((resolve) => {
      this.child.on("close", (code, signal) => {
        this.die(workerExitedError(code, signal, this.stderrTail));
        resolve();
      });
      this.child.on("error", () => resolve()); // never started: nothing to wait for
    });
    this.child.stdin.on("error", () => undefined); // EPIPE after a crash: reported through "close"
    this.setRef(false);
  }

  // An idle worker must not keep the Node process alive; a busy one must.
  private setRef(on: boolean): void {
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr] as unknown as Socket[]) {
      if (on) s.ref?.();
      else s.unref?.();
    }
    if (on) this.child.ref();
    else this.child.unref();
  }

  /** True once the process has exited or failed to start. */
  get dead(): boolean {
    return this.deathError !== null;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Requests sent and not answered yet. */
  get inFlight(): number {
    return this.pending.length;
  }

  /** True when request `id` is the one the worker is running now (the oldest unanswered). */
  isRunning(id: number): boolean {
    return this.pending[0]?.id === id;
  }

  /** Send one request frame; resolves with its reply frame. */
  request(msg: unknown): Promise<unknown> {
    return this.send(msg).reply;
  }

  /** Like `request`, also giving the request's id (for `isRunning`). */
  send(msg: unknown): { readonly id: number; readonly reply: Promise<unknown> } {
    const id = this.nextId++;
    if (this.deathError !== null) return { id, reply: Promise.reject(this.deathError) };
    const reply = new Promise<unknown>((resolve, reject) => {
      this.pending.push({ id, resolve, reject });
      this.setRef(true);
      this.child.stdin.write(encodeFrame(msg));
    });
    return { id, reply };
  }

  /**
   * Stop the process: close stdin (the worker exits cleanly), SIGKILL if `force`. A forced
   * stop fails only the running request; those queued behind it (possibly another query's)
   * reject with RequestNotStarted, since Python never read them.
   */
  stop(force = false): void {
    if (force) {
      for (const p of this.pending.splice(1)) p.reject(new RequestNotStarted());
      // Dead from now on, so the pool never hands it out again before "close" arrives.
      this.die(workerExitedError(null, "SIGKILL", this.stderrTail));
      this.child.kill("SIGKILL");
    }
    else this.child.stdin.end();
  }

  private onData(chunk: Buffer): void {
    for (const frame of this.reader.push(chunk)) {
      const p = this.pending.shift();
      if (this.pending.length === 0) this.setRef(false);
      p?.resolve(frame);
    }
  }

  private onStderr(chunk: Buffer): void {
    process.stderr.write(chunk); // user prints and worker logs: the engine logs to stderr
    this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL);
  }

  private die(err: SparkException): void {
    if (this.deathError !== null) return;
    this.deathError = err;
    for (const p of this.pending.splice(0)) p.reject(err);
  }
}
