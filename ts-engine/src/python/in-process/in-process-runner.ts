import { spawnSync } from "node:child_process";
import { SparkException } from "../../errors/spark-exception.js";
import type { EvalUdtfResult, EvalUdtfStreamHead, ForeachPartitionRequest, PythonMapResult, PythonMapSide, PythonMapStreamHead, PythonRunner, RowsChunk, RunOptions, UdtfChunk } from "../python-runner.js";
import { FrameRunner } from "../frame-runner.js";
import { checkedReply, type Frame } from "../runner-frames.js";
import { ProcessPythonRunner } from "../worker-process/process-runner.js";
import { decodeBody, encodeBody } from "../worker-process/frame-codec.js";
import { resolvePythonExec, workerEnv } from "../worker-process/worker-env.js";
import { workerSpawnError } from "../worker-errors.js";

/** The part of node-calls-python's interpreter this runner uses (its own typings use `any`). */
interface EmbeddedInterpreter {
  import(filename: string, allowReimport: boolean): Promise<object>;
  call(module: object, functionName: string, ...args: unknown[]): Promise<unknown>;
  addImportPath(path: string): void;
}

interface Embedded {
  readonly py: EmbeddedInterpreter;
  readonly module: object;
}

/** What the client's interpreter says about itself: its import path, minor version and the entry module's file. */
interface Probe {
  readonly path: readonly string[];
  readonly version: string;
  readonly file: string;
}

// written to the real stdout: importing the entry module points sys.stdout at stderr
const PROBE =
  "import json, sys, tspark.worker.in_process as m; sys.__stdout__.write(json.dumps({'path': sys.path, 'version': '%d.%d' % sys.version_info[:2], 'file': m.__file__}))";

/** This thread's embedded interpreter, loaded once (the CPython inside the process is one, whichever thread loads it). */
let embedded: Promise<Embedded> | null = null;

/**
 * PythonRunner on the CPython embedded in the engine's own process through node-calls-python:
 * requests are the pipe workers' frames (runner-frames.ts), handed to
 * `tspark.worker.in_process.handle_frame` as bytes with no pipe or process in between. Calls
 * are async (node-calls-python runs them on libuv's threads), so the thread that asked stays
 * free, but all threads share the one interpreter and its GIL: Python code runs one call at a
 * time however many worker threads ask. A call cannot be interrupted: on abort it rejects at
 * once and its result is dropped when it ends.
 *
 * foreachPartition's conversation (chunks asked for mid-request over the worker's pipes)
 * runs on a worker process of its own.
 *
 * The embedded interpreter must be the client's minor version (cloudpickled code does not
 * cross minors) and have hash randomization off (PYTHONHASHSEED=0, set in the engine's
 * environment before it starts), which portable_hash's shuffle routing relies on.
 */
export class InProcessPythonRunner extends FrameRunner implements PythonRunner {
  /** The worker process foreachPartition streams to, made on first use. */
  private streaming: ProcessPythonRunner | null = null;

  pythonMapStream(head: PythonMapStreamHead, chunks: AsyncIterable<PythonMapSide>, opts: RunOptions): AsyncIterable<PythonMapResult> {
    // a conversation of several frames: on a worker process, as foreachPartition's
    this.streaming ??= new ProcessPythonRunner(1);
    return this.streaming.pythonMapStream(head, chunks, opts);
  }

  evalUdtfStream(head: EvalUdtfStreamHead, chunks: AsyncIterable<UdtfChunk>, opts: RunOptions): AsyncIterable<EvalUdtfResult> {
    this.streaming ??= new ProcessPythonRunner(1);
    return this.streaming.evalUdtfStream(head, chunks, opts);
  }

  foreachPartition(req: ForeachPartitionRequest, chunks: AsyncIterable<RowsChunk>, opts: RunOptions): Promise<void> {
    this.streaming ??= new ProcessPythonRunner(1);
    return this.streaming.foreachPartition(req, chunks, opts);
  }

  /** Stops foreachPartition's worker; the embedded interpreter lives as long as the process. */
  async close(): Promise<void> {
    const s = this.streaming;
    this.streaming = null;
    await s?.close();
  }

  protected async call(opts: RunOptions, frame: Frame): Promise<Frame> {
    const { py, module } = await loadEmbedded(opts.pythonExec);
    opts.signal?.throwIfAborted();
    const reply = py.call(module, "handle_frame", encodeBody(frame));
    const raw = await abortable(reply, opts.signal);
    if (!(raw instanceof ArrayBuffer)) throw new SparkException("SparkRuntimeException", "PYTHON_WORKER_EXITED_UNEXPECTEDLY", { message: "the in-process Python runner returned no reply bytes" });
    return checkedReply(decodeBody(new Uint8Array(raw)), opts);
  }
}

function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return p;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
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

function loadEmbedded(pythonExec: string): Promise<Embedded> {
  if (embedded === null) {
    const loading = load(resolvePythonExec(pythonExec));
    embedded = loading;
    loading.catch(() => {
      if (embedded === loading) embedded = null; // a failed start is tried again by the next call
    });
  }
  return embedded;
}

async function load(pythonExec: string): Promise<Embedded> {
  const probe = probeInterpreter(pythonExec);
  let py: EmbeddedInterpreter;
  try {
    const mod = (await import("node-calls-python")) as unknown as { interpreter: EmbeddedInterpreter };
    py = mod.interpreter;
  } catch (e) {
    throw workerSpawnError(pythonExec, `node-calls-python is not built (${e instanceof Error ? e.message : String(e)}); it needs the Python headers (python3-dev) at npm install`);
  }
  // the client's import path first: its site-packages hold tspark, msgpack and cloudpickle
  for (const p of probe.path) if (p !== "") py.addImportPath(p);
  const module = await py.import(probe.file, false);
  const check = (await py.call(module, "check")) as { version?: unknown; stableHash?: unknown };
  if (check.version !== probe.version) {
    throw workerSpawnError(pythonExec, `the in-process interpreter is Python ${String(check.version)}, the client's is ${probe.version}: cloudpickled code does not cross minor versions`);
  }
  if (check.stableHash !== true) {
    throw workerSpawnError(pythonExec, "the in-process interpreter hashes strings randomly: start the engine with PYTHONHASHSEED=0 (shuffles route keys by hash)");
  }
  return { py, module };
}

function probeInterpreter(pythonExec: string): Probe {
  const out = spawnSync(pythonExec, ["-c", PROBE], { env: workerEnv(), encoding: "utf8", timeout: 60_000 });
  if (out.status !== 0) throw workerSpawnError(pythonExec, (out.stderr || out.error?.message || `exit ${String(out.status)}`).trim());
  const parsed = JSON.parse(out.stdout) as Probe;
  return parsed;
}
