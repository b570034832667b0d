import os from "node:os";
import { InternalError } from "../../errors/spark-exception.js";
import type { EvalUdtfResult, EvalUdtfStreamHead, ForeachPartitionRequest, PythonMapResult, PythonMapSide, PythonMapStreamHead, PythonRunner, RowsChunk, RunOptions, UdtfChunk } from "../python-runner.js";
import { encodeArgColumn } from "../column-codec.js";
import { FrameRunner } from "../frame-runner.js";
import { typeJson } from "../type-json.js";
import { checkedReply, evalUdtfResult, evalUdtfStreamFrame, pythonMapStreamFrame, pythonMapStreamResult, type Frame } from "../runner-frames.js";
import { WorkerPool } from "./worker-pool.js";
import { resolvePythonExec } from "./worker-env.js";
import { RequestNotStarted, type WorkerProcess } from "./worker-process.js";

/** PythonRunner over pools of `python -m tspark.worker` processes, one pool per interpreter and memory limit. */
export class ProcessPythonRunner extends FrameRunner implements PythonRunner {
  private readonly pools = new Map<string, WorkerPool>();

  /** `size`: workers per interpreter (default: the number of cores). */
  constructor(private readonly size: number = Math.max(1, os.availableParallelism())) {
    super();
  }

  pythonMapStream(head: PythonMapStreamHead, chunks: AsyncIterable<PythonMapSide>, opts: RunOptions): AsyncIterable<PythonMapResult> {
    // the worker asks for the next chunk ("more", with the output so far) only when the function reads past it
    return mapAsync(this.converse(chunks, head.empty, (side, first, last) => pythonMapStreamFrame(head, side, first, last), opts), (reply) => pythonMapStreamResult(head, reply));
  }

  evalUdtfStream(head: EvalUdtfStreamHead, chunks: AsyncIterable<UdtfChunk>, opts: RunOptions): AsyncIterable<EvalUdtfResult> {
    return mapAsync(this.converse(chunks, head.empty, (c, first, last) => evalUdtfStreamFrame(head, c, first, last), opts), (reply) => evalUdtfResult(head, reply));
  }

  /**
   * A conversation of several frames on a worker of its own: `frame(chunk, first, last)` per
   * chunk, one chunk ahead so that each frame knows whether it is the last (`empty` stands in
   * for a partition of none); the worker answers a chunk with `more` when it wants the next
   * and ends with another reply, which is the last one yielded.
   */
  private async *converse<C>(chunks: AsyncIterable<C>, empty: C, frame: (chunk: C, first: boolean, last: boolean) => Frame, opts: RunOptions): AsyncGenerator<Frame> {
    const pool = this.pool(opts);
    const w = await pool.acquireExclusive();
    const it = chunks[Symbol.asyncIterator]();
    let ended = false;
    let clean = false;
    try {
      let cur = await it.next();
      let chunk = cur.done === true ? empty : cur.value;
      for (let first = true; ; first = false) {
        const next = cur.done === true ? cur : await it.next();
        const last = next.done === true;
        if (last) ended = true;
        const raw = await requestAbortable(w, frame(chunk, first, last), opts.signal);
        clean = endsConversation(raw);
        const reply = checkedReply(raw, opts);
        yield reply;
        if (reply.kind !== "more") return;
        if (last) throw new InternalError("Python worker asked for rows past the partition's end");
        cur = next;
        chunk = (next as IteratorYieldResult<C>).value;
      }
    } finally {
      if (!ended) await it.return?.();
      // a conversation left mid-way (the consumer stopped reading, an error) leaves the worker waiting for a chunk: replace it
      if (!clean) w.stop(true);
      pool.releaseExclusive(w);
    }
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
    await this.pool(opts).useExclusive(async (w) => {
      let done = false;
      let clean = false;
      try {
        // one chunk in flight: the next is made only when Python asks for it ("more")
        for (let first = true; ; first = false) {
          const next = await it.next();
          if (next.done === true) done = true;
          const raw = await requestAbortable(w, frame(next.done === true ? undefined : next.value, first), opts.signal);
          clean = endsConversation(raw);
          if (checkedReply(raw, opts).kind !== "more") return;
          if (done) throw new InternalError("Python worker asked for rows past the partition's end");
        }
      } finally {
        if (!done) await it.return?.();
        // left mid-way (a cancel while the next chunk was being made, an error) the worker still waits for a chunk: replace it
        if (!clean) w.stop(true);
      }
    });
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.close()));
  }

  /** The pool of the call's interpreter under its memory limit (workers of another limit are other processes). */
  private pool(opts: RunOptions): WorkerPool {
    const exec = resolvePythonExec(opts.pythonExec);
    const key = opts.workerMemoryMb === undefined ? exec : `${exec}\0${opts.workerMemoryMb}`;
    let p = this.pools.get(key);
    if (p === undefined) {
      p = new WorkerPool(exec, this.size, opts.workerMemoryMb);
      this.pools.set(key, p);
    }
    return p;
  }

  protected async call(opts: RunOptions, msg: Frame): Promise<Frame> {
    return checkedReply(await sendRetrying(this.pool(opts), msg, opts.signal), opts);
  }
}

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

/**
 * Runs one request. On abort it rejects at once; the worker is killed only when it is
 * running this very request (deep in user code), not when the request merely waits in
 * its pipe behind another one (its reply is then dropped).
 */
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

/** Whether a worker's reply ends its conversation (`ok` or `error`: it reads no further chunk). */
function endsConversation(raw: unknown): boolean {
  return typeof raw === "object" && raw !== null && (raw as Frame).kind !== "more";
}

/** `src`'s items through `f`, as they come. */
async function* mapAsync<A, B>(src: AsyncIterable<A>, f: (a: A) => B): AsyncGenerator<B> {
  for await (const a of src) yield f(a);
}
