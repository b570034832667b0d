import type { Vector } from "./vector.js";

/**
 * Buffers that something long-lived keeps and hands out again (the evaluator's cached literal
 * vectors, one per literal node, reused by every batch): a worker thread posting a batch must
 * copy these, never transfer them, or the next batch that reuses the vector would read a
 * detached buffer.
 */
const pinned = new WeakSet<ArrayBufferLike>();

/** Pins the typed-array buffers of `v` (its data, string offsets and bytes, validity); returns `v`. */
export function pinVector(v: Vector): Vector {
  if (ArrayBuffer.isView(v.data)) pinned.add(v.data.buffer);
  if (v.storage === "utf8") {
    pinned.add(v.data.offsets.buffer);
    pinned.add(v.data.bytes.buffer);
  }
  if (v.validity !== null) pinned.add(v.validity.buffer);
  return v;
}

/** Whether `buffer` is kept by a cache and so must be copied, not moved, to another thread. */
export function isPinned(buffer: ArrayBufferLike): boolean {
  return pinned.has(buffer);
}
