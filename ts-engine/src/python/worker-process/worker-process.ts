import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import type { Socket } from "node:net";
import type { SparkException } from "../../errors/spark-exception.js";
import { workerExitedError, workerSpawnError } from "../worker-errors.js";
import { encodeFrame, FrameReader } from "./frame-codec.js";
import { workerEnv } from "./worker-env.js";

const STDERR_TAIL = 4096;

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
  private readonly pending: { resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  private stderrTail = "";
  private deathError: SparkException | null = null;

  constructor(readonly pythonExec: string) {
    this.child = spawn(pythonExec, ["-u", "-m", "tspark.worker"], { env: workerEnv(), stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => this.onStderr(chunk));
    this.child.on("error", (e) => this.die(workerSpawnError(pythonExec, e.message)));
    this.child.on("close", (code, signal) => this.die(workerExitedError(code, signal, this.stderrTail)));
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

  /** Send one request frame; resolves with its reply frame. */
  request(msg: unknown): Promise<unknown> {
    if (this.deathError !== null) return Promise.reject(this.deathError);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.setRef(true);
      this.child.stdin.write(encodeFrame(msg));
    });
  }

  /** Stop the process: close stdin (the worker exits cleanly), SIGKILL if `force`. */
  stop(force = false): void {
    if (force) this.child.kill("SIGKILL");
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
