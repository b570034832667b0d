/// <reference path="./untyped-codecs.d.ts" />
import { Transform, type TransformCallback } from "node:stream";
import type { Bz2Instance, Bz2Module } from "libbzip2-wasm";

/**
 * A bzip2 stream encoder (`.bz2` output, Hadoop's BZip2Codec) over libbzip2 compiled to wasm
 * (libbzip2-wasm: the reference library, the same one Python's bz2 module and the RDD
 * writer's workers use; pure-JS bzip2 encoders ran at under 0.1 MB/s). libbzip2-wasm takes a
 * whole input per call, so the output is cut into CHUNK-sized complete bzip2 streams written
 * one after another: bzip2, Hadoop's decoder (Spark's textFile / spark.read) and Python's
 * bz2 read such concatenated streams as one file, and memory stays bounded by CHUNK.
 */

/** Input bytes per bzip2 stream: a multiple of the 900 kB block, so only the last block of each stream is short. */
const CHUNK = 9 * 900_000;
/** libbzip2's defaults (bzip2 -9, workFactor 30), as Hadoop's BZip2Codec uses. */
const BLOCK_SIZE = 9;
const WORK_FACTOR = 30;

let loaded: Promise<Bz2Module> | undefined;

/** The wasm module, loaded and instantiated once per thread on first use (writers without bzip2 never load it). */
function bz2(): Promise<Bz2Module> {
  loaded ??= instantiate();
  return loaded;
}

/**
 * Instantiates libbzip2-wasm, working around its 2019 emscripten glue:
 * - the module object is a thenable whose `then` calls back with the module itself, so
 *   awaiting it (or returning it from a promise callback) adopts it again forever: an endless
 *   microtask loop that spins the thread at 100% and never lets the write finish. It is waited
 *   on through a callback that ignores its argument, and `then` is deleted before the module
 *   enters any promise;
 * - under Node it installs process handlers that turn any unhandled rejection in the engine
 *   into an abort; those are removed again.
 */
async function instantiate(): Promise<Bz2Module> {
  const { default: factory } = await import("libbzip2-wasm");
  const exceptions = new Set(process.listeners("uncaughtException"));
  const rejections = new Set(process.listeners("unhandledRejection"));
  const dropAddedHandlers = (): void => {
    for (const l of process.listeners("uncaughtException")) if (!exceptions.has(l)) process.off("uncaughtException", l);
    for (const l of process.listeners("unhandledRejection")) if (!rejections.has(l)) process.off("unhandledRejection", l);
  };
  const loadedModule: { m?: Bz2Instance } = {};
  try {
    await new Promise<void>((resolve, reject) => {
      // a wasm instantiation that aborts rejects instead of leaving the write waiting forever
      const m = factory({ onAbort: (what) => reject(new Error(`libbzip2-wasm failed to load: ${String(what)}`)) });
      loadedModule.m = m;
      dropAddedHandlers();
      if (m.then === undefined) resolve();
      else m.then(() => resolve());
    });
  } finally {
    dropAddedHandlers();
  }
  const m = loadedModule.m;
  if (m === undefined) throw new Error("libbzip2-wasm did not load");
  delete m.then;
  const ready: Bz2Module = m;
  return ready;
}

/** One complete bzip2 stream of `input`. */
function compressStream(m: Bz2Module, input: Uint8Array): Buffer {
  const r = m.compressBZ2(input, BLOCK_SIZE, WORK_FACTOR);
  try {
    if (r.error !== 0) throw new Error(`bzip2 compression failed (libbzip2 error ${r.error}${r.errorMsg ? `: ${r.errorMsg}` : ""})`);
    const out = Buffer.from(r.output);
    // the glue allocates the output with new[] and never frees it: without this each stream
    // would leak its size in the wasm heap, which only grows
    m._free(r.output.byteOffset);
    return out;
  } finally {
    r.delete();
  }
}

/** A Transform that bzip2-compresses what is written to it. */
export function bzip2Compress(): Transform {
  const pending: Buffer[] = [];
  let size = 0;
  let wrote = false;
  const drain = async (t: Transform, all: boolean): Promise<void> => {
    if (size < CHUNK && !all) return;
    const m = await bz2();
    let buf = Buffer.concat(pending, size);
    pending.length = 0;
    while (buf.length >= CHUNK || (all && (buf.length > 0 || !wrote))) {
      const part = buf.subarray(0, Math.min(CHUNK, buf.length));
      t.push(compressStream(m, part));
      wrote = true;
      buf = buf.subarray(part.length);
    }
    size = buf.length;
    if (size > 0) pending.push(Buffer.from(buf));
  };
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
      pending.push(chunk);
      size += chunk.length;
      drain(this, false).then(() => done(), done);
    },
    flush(done: TransformCallback): void {
      drain(this, true).then(() => done(), done);
    },
  });
}
