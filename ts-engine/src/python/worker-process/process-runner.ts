import os from "node:os";
import type { Vector } from "../../columnar/vector.js";
import type { EvalUdfsRequest, PartitionInput, PythonRunner, RunOptions } from "../python-runner.js";
import { blobsOf, bucketsOf, checkedReply, evalUdfsFrame, evalUdfsResult, mapPartitionsFrame, shuffleWriteFrame, type Frame } from "../runner-frames.js";
import { WorkerPool } from "./worker-pool.js";
import { resolvePythonExec } from "./worker-env.js";
import { RequestNotStarted, type WorkerProcess } from "./worker-process.js";

/** PythonRunner over pools of `python -m tspark.worker` processes, one pool per interpreter. */
export class ProcessPythonRunner implements PythonRunner {
  private readonly pools = new Map<string, WorkerPool>();

  /** `size`: workers per interpreter (default: the number of cores). */
  constructor(private readonly size: number = Math.max(1, os.availableParallelism())) {}

  async evalUdfs(req: EvalUdfsRequest, opts: RunOptions): Promise<Vector[]> {
    return evalUdfsResult(req, await this.call(opts, evalUdfsFrame(req)));
  }

  async mapPartitions(func: Uint8Array | null, splitIndex: number, input: PartitionInput, opts: RunOptions): Promise<Uint8Array[]> {
    return blobsOf(await this.call(opts, mapPartitionsFrame(func, splitIndex, input)));
  }

  async shuffleWrite(
    func: Uint8Array | null,
    splitIndex: number,
    input: PartitionInput,
    numPartitions: number,
    partitionFunc: Uint8Array | null,
    opts: RunOptions,
  ): Promise<Uint8Array[][]> {
    return bucketsOf(await this.call(opts, shuffleWriteFrame(func, splitIndex, input, numPartitions, partitionFunc)));
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.close()));
  }

  private pool(pythonExec: string): WorkerPool {
    const exec = resolvePythonExec(pythonExec);
    let p = this.pools.get(exec);
    if (p === undefined) {
      p = new WorkerPool(exec, this.size);
      this.pools.set(exec, p);
    }
    return p;
  }

  private async call(opts: RunOptions, msg: Frame): Promise<Frame> {
    return checkedReply(await sendRetrying(this.pool(opts.pythonExec), msg, opts.signal), opts);
  }
}

/**
 * Runs one request. On abort it rejects at once; the worker is killed only when it is
 * running this very request (deep in user code), not when the request merely waits in
 * its pipe behind another one (its reply is then dropped).
 */
/**
 * Sends `msg` to a worker of the interpreter's pool; a request dropped unrun because another
 * query killed the worker it was queued on goes to another worker.
 */
async function sendRetrying(pool: WorkerPool, msg: Frame, signal: AbortSignal | undefined): Promise<unknown> {
  for (;;) {
    signal?.throwIfAborted();
    try {
      return await pool.use((w) => requestAbortable(w, msg, signal));
    } catch (e) {
      if (!(e instanceof RequestNotStarted)) throw e;
    }
  }
}

function requestAbortable(w: WorkerProcess, msg: Frame, signal: AbortSignal | undefined): Promise<unknown> {
  const { id, reply } = w.send(msg);
  if (signal === undefined) return reply;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      if (w.isRunning(id)) w.stop(true);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    reply.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
