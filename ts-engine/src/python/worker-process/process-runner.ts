import os from "node:os";
import type { Vector } from "../../columnar/vector.js";
import { assertNever } from "../../errors/assert-never.js";
import { InternalError } from "../../errors/spark-exception.js";
import type { EvalAggRequest, EvalUdfsRequest, ForeachPartitionRequest, PartitionInput, PythonRunner, RowsChunk, RunOptions } from "../python-runner.js";
import { decodeResultColumn, encodeArgColumn } from "../column-codec.js";
import { typeJson } from "../type-json.js";
import { pythonExceptionFromFrame } from "../worker-errors.js";
import { WorkerPool } from "./worker-pool.js";
import { resolvePythonExec } from "./worker-env.js";
import { RequestNotStarted, type WorkerProcess } from "./worker-process.js";

type Frame = Readonly<Record<string, unknown>>;

/** PythonRunner over pools of `python -m tspark.worker` processes, one pool per interpreter. */
export class ProcessPythonRunner implements PythonRunner {
  private readonly pools = new Map<string, WorkerPool>();

  /** `size`: workers per interpreter (default: the number of cores). */
  constructor(private readonly size: number = Math.max(1, os.availableParallelism())) {}

  async evalUdfs(req: EvalUdfsRequest, opts: RunOptions): Promise<Vector[]> {
    const reply = await this.call(opts, {
      kind: "evalUdfs",
      numRows: req.numRows,
      maxRecordsPerBatch: req.maxRecordsPerBatch ?? 10000,
      argTypes: req.args.map((a) => typeJson(a.type)),
      columns: req.args.map(encodeArgColumn),
      udfs: req.udfs.map((u) => ({ func: u.func, returnType: typeJson(u.returnType), argOffsets: u.argOffsets, evalType: u.evalType })),
    });
    const cols = listOf(reply.columns, "columns");
    if (cols.length !== req.udfs.length) throw new InternalError("Python worker returned the wrong number of result columns");
    return cols.map((c, i) => decodeResultColumn(req.udfs[i]!.returnType, c, req.numRows));
  }

  async evalAggPandas(req: EvalAggRequest, opts: RunOptions): Promise<Vector[]> {
    const reply = await this.call(opts, {
      kind: "aggPandas",
      numRows: req.numRows,
      argTypes: req.args.map((a) => typeJson(a.type)),
      columns: req.args.map(encodeArgColumn),
      udfs: req.udfs.map((u) => ({ func: u.func, returnType: typeJson(u.returnType), argOffsets: u.argOffsets, evalType: u.evalType })),
      starts: int32Bytes(req.starts),
      ends: int32Bytes(req.ends),
    });
    const cols = listOf(reply.columns, "columns");
    if (cols.length !== req.udfs.length) throw new InternalError("Python worker returned the wrong number of result columns");
    return cols.map((c, i) => decodeResultColumn(req.udfs[i]!.returnType, c, req.starts.length));
  }

  async mapPartitions(func: Uint8Array | null, splitIndex: number, input: PartitionInput, opts: RunOptions): Promise<Uint8Array[]> {
    const reply = await this.call(opts, { kind: "mapPartitions", func, splitIndex, ...inputFields(input) });
    return listOf(reply.blobs, "blobs") as Uint8Array[];
  }

  async shuffleWrite(
    func: Uint8Array | null,
    splitIndex: number,
    input: PartitionInput,
    numPartitions: number,
    partitionFunc: Uint8Array | null,
    opts: RunOptions,
  ): Promise<Uint8Array[][]> {
    const reply = await this.call(opts, { kind: "shuffleWrite", func, splitIndex, numPartitions, partitionFunc, ...inputFields(input) });
    return listOf(reply.buckets, "buckets") as Uint8Array[][];
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
          const reply = this.checked(await requestAbortable(w, frame(next.done === true ? undefined : next.value, first), opts.signal), opts);
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
    return this.checked(await sendRetrying(this.pool(opts.pythonExec), msg, opts.signal), opts);
  }

  /** A reply frame: an error frame thrown as PythonException, accumulator updates passed on. */
  private checked(reply: unknown, opts: RunOptions): Frame {
    if (typeof reply !== "object" || reply === null) throw new InternalError("Python worker sent a non-map reply");
    const frame = reply as Frame;
    if (frame.kind === "error") {
      throw pythonExceptionFromFrame({
        exceptionName: String(frame.exceptionName ?? "Exception"),
        message: String(frame.message ?? ""),
        traceback: String(frame.traceback ?? ""),
      });
    }
    if (frame.kind !== "ok" && frame.kind !== "more") throw new InternalError(`Python worker sent an unexpected reply ${String(frame.kind)}`);
    if (frame.accumulators instanceof Uint8Array) opts.onAccumulators?.(frame.accumulators);
    return frame;
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

function inputFields(input: PartitionInput): Frame {
  switch (input.kind) {
    case "blobs":
      return { blobs: input.blobs };
    case "strings":
      return { strings: input.strings };
    case "text":
      return { texts: input.chunks };
    case "wholeFiles":
      return { wholeFilePaths: input.paths, wholeFiles: input.contents, wholeFilesBinary: input.binary };
    default:
      return assertNever(input);
  }
}

function listOf(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new InternalError(`Python worker reply lacks ${what}`);
  return v;
}

/** An Int32Array as its little-endian bytes (the worker reads them with memoryview.cast("i")). */
function int32Bytes(a: Int32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
