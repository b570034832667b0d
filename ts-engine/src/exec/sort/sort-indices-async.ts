import { yieldToEventLoop } from "../util.js";
import type { RowComparator } from "./compare.js";

/** Rows sorted per synchronous step; between steps the event loop runs. */
const RUN = 32_768;
const MERGE_STEP = 1 << 17;

/** One comparator over the keys, ties broken by row number (so the sort is stable). */
function chain(keys: readonly RowComparator[]): RowComparator {
  const k = keys.length;
  return (x, y) => {
    for (let c = 0; c < k; c++) {
      const r = keys[c]!(x, y);
      if (r !== 0) return r;
    }
    return x - y;
  };
}

/**
 * The stable sort permutation of `n` rows, as a bottom-up merge sort that yields to the
 * event loop every few hundred thousand comparisons, so a big sort on the main thread
 * never stalls pings and other requests. `check` runs at each yield (interrupts).
 */
export async function sortIndicesAsync(n: number, keys: readonly RowComparator[], check: () => void = () => {}): Promise<Int32Array> {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  await sortRowsAsync(a, keys, check);
  return a;
}

/**
 * Sorts the row numbers in `rows` in place by the keys, ties by row number; the same merge
 * sort as `sortIndicesAsync`, for a slice of a permutation (the radix sort's tied runs).
 */
export async function sortRowsAsync(rows: Int32Array, keys: readonly RowComparator[], check: () => void = () => {}): Promise<void> {
  const cmp = chain(keys);
  const n = rows.length;
  if (n <= RUN) {
    rows.sort(cmp);
    return;
  }
  let a: Int32Array = rows;
  for (let s = 0; s < n; s += RUN) {
    a.subarray(s, Math.min(n, s + RUN)).sort(cmp);
    await yieldToEventLoop();
    check();
  }
  let b: Int32Array = new Int32Array(n);
  let steps = 0;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let o = lo;
      while (i < mid && j < hi) {
        b[o++] = cmp(a[j]!, a[i]!) < 0 ? a[j++]! : a[i++]!;
        if (++steps === MERGE_STEP) {
          steps = 0;
          await yieldToEventLoop();
          check();
        }
      }
      while (i < mid) b[o++] = a[i++]!;
      while (j < hi) b[o++] = a[j++]!;
    }
    const t = a;
    a = b;
    b = t;
  }
  if (a !== rows) rows.set(a);
}
