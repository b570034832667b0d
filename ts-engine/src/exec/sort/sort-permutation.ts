import { yieldToEventLoop } from "../util.js";
import { keyComparator } from "./compare.js";
import { normalizeKeys, sortedFirstKey, type KeyWord, type SortKey } from "./key-words.js";
import { radixSort } from "./radix-sort.js";
import { sortRowsAsync } from "./sort-indices-async.js";

/**
 * The stable sort permutation of `n` rows under `keys` (Spark's order: NaN greatest,
 * -0.0 = 0.0, strings by UTF-8 bytes, nulls first or last per key). Fixed-width keys and
 * string prefixes are normalized into unsigned words and radix sorted; only rows whose
 * words tie are compared, by the comparators of the keys the words do not settle.
 * `check` runs between steps (interrupts), which also yield to the event loop.
 */
export async function sortPermutation(keys: readonly SortKey[], n: number, check: () => void = () => {}): Promise<Int32Array> {
  return (await sortPermutationKeyed(keys, n, check)).idx;
}

/**
 * sortPermutation, plus the first key's values already in sorted order when the radix
 * sort left them (sortedFirstKey): then a sort need not gather that column through the
 * permutation, a random read per row. Rows the comparator reorders within a run of equal
 * words have equal first keys, so those values stay right.
 */
export async function sortPermutationKeyed(
  keys: readonly SortKey[],
  n: number,
  check: () => void = () => {},
): Promise<{ readonly idx: Int32Array; readonly firstKey: Float64Array | Int32Array | null }> {
  const pause = async (): Promise<void> => {
    await yieldToEventLoop();
    check();
  };
  const norm = normalizeKeys(keys, n);
  const sorted = await radixSort(norm.words, n, pause);
  const idx = sorted.idx;
  const firstKey = keys.length > 0 && norm.complete > 0 ? sortedFirstKey(keys[0]!, norm.words, sorted, n) : null;
  if (norm.complete === keys.length) return { idx, firstKey };
  const rest = keys.slice(norm.complete).map((k) => keyComparator(k.values, k.ascending, k.nullsFirst));
  if (norm.words.length === 0) {
    await sortRowsAsync(idx, rest, check);
    return { idx, firstKey };
  }
  let start = 0;
  let work = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && sameWords(norm.words, idx[i - 1]!, idx[i]!)) continue;
    if (i - start > 1) {
      const run = idx.subarray(start, i);
      await sortRowsAsync(run, rest, check);
      work += run.length;
    }
    start = i;
    if (++work >= 1 << 18) {
      work = 0;
      await pause();
    }
  }
  return { idx, firstKey };
}

function sameWords(words: readonly KeyWord[], a: number, b: number): boolean {
  for (const w of words) if (w.data[a] !== w.data[b]) return false;
  return true;
}
