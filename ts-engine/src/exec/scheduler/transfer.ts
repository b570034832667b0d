import type { ColumnBatch } from "../../columnar/batch.js";
import { makeBatch } from "../../columnar/batch.js";
import { makeVector, type Vector } from "../../columnar/vector.js";
import { isPinned } from "../../columnar/pinned-buffers.js";
import { compactUtf8 } from "../../columnar/utf8.js";

/** Whether `a` is the whole of a buffer that is its own to give away (not a cache's: pinned-buffers.ts). */
function owns(a: ArrayBufferView): boolean {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && a.buffer instanceof ArrayBuffer && !isPinned(a.buffer);
}

function own<T extends ArrayBufferView>(a: T): T {
  if (owns(a)) return a;
  return (a as unknown as { slice(): T }).slice();
}

/**
 * The batch made ready to post with its buffers transferred (not copied): views into a
 * larger buffer, and buffers a cache keeps (a literal's vector, reused by the next batch), are
 * copied first, so moving a buffer never detaches data that is still in use.
 * Returns the batch and the transfer list.
 */
export function prepareTransfer(b: ColumnBatch): { batch: ColumnBatch; transfer: ArrayBuffer[] } {
  const seen = new Set<ArrayBuffer>();
  const transfer: ArrayBuffer[] = [];
  const take = <T extends ArrayBufferView>(a: T): T => {
    // shared memory (a cached relation's) is shared by the clone: nothing to move or copy
    if (a.buffer instanceof SharedArrayBuffer) return a;
    let x = own(a);
    if (seen.has(x.buffer as ArrayBuffer)) x = (x as unknown as { slice(): T }).slice();
    seen.add(x.buffer as ArrayBuffer);
    transfer.push(x.buffer as ArrayBuffer);
    return x;
  };
  const columns: Vector[] = b.columns.map((v) => {
    let data = ArrayBuffer.isView(v.data) ? take(v.data) : v.data;
    if (v.storage === "utf8") {
      // Strings move as their two buffers (compacted first when a slice holds extra bytes).
      const shared = v.data.offsets.buffer instanceof SharedArrayBuffer && v.data.bytes.buffer instanceof SharedArrayBuffer;
      const d = shared || v.data.offsets[0] === 0 && v.data.bytes.length === v.data.offsets[v.length] ? v.data : compactUtf8(v.data, v.length);
      data = { offsets: take(d.offsets), bytes: take(d.bytes) };
    }
    const validity = v.validity === null ? null : take(v.validity);
    return makeVector(v.type, data, validity, v.length);
  });
  return { batch: makeBatch(b.schema, columns, b.numRows), transfer };
}
