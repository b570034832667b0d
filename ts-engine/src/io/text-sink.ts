import { once } from "node:events";
import type { Codec } from "./compression.js";
import { openCompressed } from "./compression.js";

/**
 * A buffered byte sink for one output file of a text-like format (text, CSV, JSON): writers
 * append bytes into one growing buffer and hand it to the file stream in large pieces, so
 * writing is one copy per value, not one stream call.
 */
export interface TextSink {
  append(src: Uint8Array, start: number, end: number): void;
  appendString(s: string): void;
  /** Writes the buffer out once it is large (call after each batch). */
  flushIfFull(): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

const FLUSH_AT = 1 << 20;
const encoder = new TextEncoder();

/** Opens `path` (which must not exist) for writing through `codec`. */
export async function openTextSink(path: string, codec: Codec | undefined): Promise<TextSink> {
  const { sink, file, done } = openCompressed(path, codec);
  let failure: unknown = undefined;
  sink.on("error", (e) => {
    failure ??= e;
  });
  done.catch((e: unknown) => {
    failure ??= e;
  });
  let buf = new Uint8Array(FLUSH_AT * 2);
  let pos = 0;
  const reserve = (k: number): void => {
    if (pos + k <= buf.length) return;
    const next = new Uint8Array(Math.max(buf.length * 2, pos + k));
    next.set(buf.subarray(0, pos));
    buf = next;
  };
  const flush = async (): Promise<void> => {
    if (failure !== undefined) throw failure;
    if (pos === 0) return;
    const piece = buf.slice(0, pos);
    pos = 0;
    if (!sink.write(piece)) await once(sink, "drain");
    if (failure !== undefined) throw failure;
  };
  return {
    append(src, start, end) {
      reserve(end - start);
      buf.set(src.subarray(start, end), pos);
      pos += end - start;
    },
    appendString(s) {
      reserve(s.length * 3);
      pos += encoder.encodeInto(s, buf.subarray(pos)).written;
    },
    async flushIfFull() {
      if (pos >= FLUSH_AT) await flush();
    },
    async close() {
      await flush();
      sink.end();
      await done;
      if (failure !== undefined) throw failure;
    },
    async abort() {
      sink.destroy();
      file.destroy();
      await done.catch(() => undefined);
    },
  };
}
