import os from "node:os";
import type { Vector } from "../../columnar/vector.js";
import { InternalError } from "../../errors/spark-exception.js";
import type { EvalAggRequest, EvalUdfsRequest, EvalUdtfRequest, EvalUdtfResult, ForeachPartitionRequest, PartitionInput, PythonMapRequest, PythonMapResult, PythonMapSide, PythonMapStreamHead, PythonRunner, RowsChunk, RunOptions } from "../python-runner.js";
import { encodeArgColumn } from "../column-codec.js";
import { typeJson } from "../type-json.js";
import {
  barrierMapPartitionsFrame,
  blobsOf,
  bucketsOf,
  checkedReply,
  evalAggFrame,
  evalAggResult,
  evalUdfsFrame,
  evalUdfsResult,
  mapPartitionsFrame,
  pythonMapFrame,
  pythonMapResult,
  pythonMapStreamFrame,
  pythonMapStreamResult,
  evalUdtfFrame,
  evalUdtfResult,
  shuffleWriteFrame,
  type Frame,
} from "../runner-frames.js";
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

  async evalAggPandas(req: EvalAggRequest, opts: RunOptions): Promise<Vector[]> {
    return evalAggResult(req, await this.call(opts, evalAggFrame(req)));
  }

  async pythonMap(req: PythonMapRequest, opts: RunOptions): Promise<PythonMapResult> {
    return pythonMapResult(req, await this.call(opts, pythonMapFrame(req)));
  }

  async *pythonMapStream(head: PythonMapStreamHead, chunks: AsyncIterable<PythonMapSide>, opts: RunOptions): AsyncIterable<PythonMapResult> {
    const pool = this.pool(opts.pythonExec);
    const w = await pool.acquireExclusive();
    const it = chunks[Symbol.asyncIterator]();
    let ended = false;
    let clean = false;
    try {
      // one chunk ahead, so that each frame knows whether it is the last; the worker asks
      // for the next ("more", with the output so far) only when the function reads past it
      let cur = await it.next();
      let side = cur.done === true ? head.empty : cur.value;
      for (let first = true; ; first = false) {
        const next = cur.done === true ? cur : await it.next();
        const last = next.done === true;
        if (last) ended = true;
        const reply = checkedReply(await requestAbortable(w, pythonMapStreamFrame(head, side, first, last), opts.signal), opts);
        if (reply.kind !== "more") clean = true;
        yield pythonMapStreamResult(head, reply);
        if (reply.kind !== "more") return;
        if (last) throw new InternalError("Python worker asked for rows past the partition's end");
        cur = next;
        side = (next as IteratorYieldResult<PythonMapSide>).value;
      }
    } finally {
      if (!ended) await it.return?.();
      // a conversation left mid-way (the consumer stopped reading, an error) leaves the worker waiting for a chunk: replace it
      if (!clean) w.stop(true);
      pool.releaseExclusive(w);
    }
  }

  async evalUdtf(req: EvalUdtfRequest, opts: RunOptions): Promise<EvalUdtfResult> {
    return evalUdtfResult(req, await this.call(opts, evalUdtfFrame(req)));
  }

  async barrierMapPartitions(func: Uint8Array, inputs: readonly PartitionInput[], opts: RunOptions): Promise<Uint8Array[][]> {
    return bucketsOf(await this.call(opts, barrierMapPartitionsFrame(func, inputs)));
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

  async foreachPartition(req: ForeachPartitionRequest, chunks: AsyncIterable<RowsChunk>, opts: RunOptions): Promise<void> {
    const head = { func: req.func, perRow: req.perRow, splitIndex: req.splitIndex, names: req.names, types: req.types.map(typeJson) };
    const frame = (c: RowsChunk | undefined, first: boolean): Frame => ({
      ...(first ? { kind: "foreachPartition", ...head } : { kind: "chunk" }),
      columns: c === undefined ? req.types.map(() => []) : c.columns.map(encodeArgColumn),
      numRows: c?.numRows ?? 0,
      last: c === undefined,
    });
    const it = chunks[Symbol.asyncIterator]();
    await this.pool(opts.pythonExec).useExclusive(async (w) => {
      let done = false;
      try {
        // one chunk in flight: the next is made only when Python asks for it ("more")
        for (let first = true; ; first = false) {
          const next = await it.next();
          if (next.done === true) done = true;
          const reply = checkedReply(await requestAbortable(w, frame(next.done === true ? undefined : next.value, first), opts.signal), opts);
          if (reply.kind !== "more") return;
          if (done) throw new InternalError("Python worker asked for rows past the partition's end");
        }
      } finally {
        if (!done) await it.return?.();
      }
    });
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
