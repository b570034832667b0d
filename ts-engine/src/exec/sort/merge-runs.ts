import { BATCH_SIZE, type ColumnBatch } from "../../columnar/batch.js";
import { concatBatches, vectorToValues } from "../../columnar/rows.js";
import { takeBatch } from "../../columnar/take.js";
import { compareValues } from "../../expr/kernels/compare-values.js";
import type { StructType } from "../../types/data-type.js";
import { normalizeKeys, type KeyWord } from "./key-words.js";
import { keyColumnsOf, withoutKeyColumns } from "./sorted-run.js";

/** Direction of one sort key, as the merge compares it. */
export interface KeyOrder {
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

/** One run's position: its current batch, that batch's key words, and the row. */
interface Cursor {
  readonly run: number;
  readonly source: AsyncIterator<ColumnBatch>;
  batch: ColumnBatch;
  words: readonly KeyWord[];
  /** Values of the keys the words do not settle (null = SQL null). */
  tail: readonly unknown[][];
  row: number;
  /** This batch's slot among the sources of the output batch being built. */
  slot: number;
}

/**
 * Merges sorted runs (each a stream of run batches: output columns then key columns, see
 * sorted-run.ts) into one sorted stream of output batches, with a binary heap over the
 * runs' current rows. Rows compare by their normalized key words, then by the keys the
 * words leave open, then by run number: runs are consecutive slices of the input, so
 * the merge is as stable as the sorts that made them.
 */
export async function* mergeRuns(
  schema: StructType,
  orders: readonly KeyOrder[],
  runs: readonly AsyncIterable<ColumnBatch>[],
  check: () => void,
): AsyncIterable<ColumnBatch> {
  const heap: Cursor[] = [];
  let complete = orders.length;
  const load = (c: Cursor, b: ColumnBatch): void => {
    const keys = keyColumnsOf(schema, b);
    const norm = normalizeKeys(
      keys.map((values, k) => ({ values, ascending: orders[k]!.ascending, nullsFirst: orders[k]!.nullsFirst })),
      b.numRows,
      true,
    );
    complete = norm.complete;
    c.batch = b;
    c.words = norm.words;
    c.tail = keys.slice(norm.complete).map(vectorToValues);
    c.row = 0;
    c.slot = -1;
  };
  const iterators = runs.map((r) => r[Symbol.asyncIterator]());
  try {
    for (let run = 0; run < iterators.length; run++) {
      const source = iterators[run]!;
      let next = await source.next();
      while (!next.done && next.value.numRows === 0) next = await source.next();
      if (next.done) continue;
      const c: Cursor = { run, source, batch: next.value, words: [], tail: [], row: 0, slot: -1 };
      load(c, next.value);
      heap.push(c);
    }
    const less = (a: Cursor, b: Cursor): boolean => {
      const wa = a.words;
      const wb = b.words;
      for (let w = 0; w < wa.length; w++) {
        const x = wa[w]!.data[a.row]!;
        const y = wb[w]!.data[b.row]!;
        if (x !== y) return x < y;
      }
      for (let k = 0; k < a.tail.length; k++) {
        const o = orders[complete + k]!;
        const x = a.tail[k]![a.row];
        const y = b.tail[k]![b.row];
        let r: number;
        if (x === null || y === null) r = x === y ? 0 : (x === null) === o.nullsFirst ? -1 : 1;
        else r = (o.ascending ? 1 : -1) * compareValues(x, y, a.batch.schema.fields[schema.fields.length + complete + k]!.dataType.kind);
        if (r !== 0) return r < 0;
      }
      return a.run < b.run;
    };
    const siftDown = (i: number): void => {
      const n = heap.length;
      const c = heap[i]!;
      for (;;) {
        let m = 2 * i + 1;
        if (m >= n) break;
        if (m + 1 < n && less(heap[m + 1]!, heap[m]!)) m++;
        if (!less(heap[m]!, c)) break;
        heap[i] = heap[m]!;
        i = m;
      }
      heap[i] = c;
    };
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);

    // The output batch being built: which source batch and row each output row comes from.
    let sources: ColumnBatch[] = [];
    const srcOf = new Int32Array(BATCH_SIZE);
    const rowOf = new Int32Array(BATCH_SIZE);
    let count = 0;
    while (heap.length > 0) {
      const c = heap[0]!;
      if (c.slot < 0) {
        c.slot = sources.length;
        sources.push(c.batch);
      }
      srcOf[count] = c.slot;
      rowOf[count] = c.row;
      count++;
      if (++c.row === c.batch.numRows) {
        let next = await c.source.next();
        while (!next.done && next.value.numRows === 0) next = await c.source.next();
        if (next.done) {
          const last = heap.pop()!;
          if (heap.length > 0) {
            heap[0] = last;
            siftDown(0);
          }
        } else {
          load(c, next.value);
          siftDown(0);
        }
      } else siftDown(0);
      if (count === BATCH_SIZE || heap.length === 0) {
        check();
        yield gather(schema, sources, srcOf, rowOf, count);
        count = 0;
        for (const h of heap) h.slot = -1;
        sources = [];
      }
    }
  } finally {
    await Promise.all(iterators.map((it) => it.return?.()));
  }
}

/**
 * The output batch whose row i is row `rowOf[i]` of `sources[srcOf[i]]`: each source's
 * rows are taken at once, the pieces concatenated, then put in output order.
 */
function gather(schema: StructType, sources: readonly ColumnBatch[], srcOf: Int32Array, rowOf: Int32Array, count: number): ColumnBatch {
  const counts = new Int32Array(sources.length);
  for (let i = 0; i < count; i++) counts[srcOf[i]!]!++;
  const rows = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(sources.length);
  const perm = new Int32Array(count);
  const base = new Int32Array(sources.length);
  for (let s = 1; s < sources.length; s++) base[s] = base[s - 1]! + counts[s - 1]!;
  for (let i = 0; i < count; i++) {
    const s = srcOf[i]!;
    const k = fill[s]!++;
    rows[s]![k] = rowOf[i]!;
    perm[i] = base[s]! + k;
  }
  const pieces = sources.map((b, s) => takeBatch(withoutKeyColumns(schema, b), rows[s]!));
  if (pieces.length === 1) return pieces[0]!;
  return takeBatch(concatBatches(schema, pieces), perm);
}
