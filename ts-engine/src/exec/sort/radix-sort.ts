import type { KeyWord } from "./key-words.js";

/** Bits per radix digit: 2^11 buckets keep the histogram and scatter heads in L1/L2. */
export const DIGIT_BITS = 11;

/** Rows handled per synchronous step; between steps `pause` runs (event loop, interrupts). */
const STEP = 1 << 20;

/** Called between steps of a long sort: yields to the event loop and checks for interrupts. */
export type Pause = () => Promise<void>;

/**
 * The stable sort permutation of rows 0 … n-1 by their key words (most significant first,
 * compared as unsigned integers), by LSD radix sort. A digit that every row shares costs
 * no pass, so a long column of small values sorts in the passes its values need. Before a
 * word's passes its values are gathered into the current order once, then each pass
 * scatters the (word, row) pairs, so every pass reads sequentially.
 */
export async function radixSortPermutation(
  words: readonly KeyWord[],
  n: number,
  pause: Pause,
  digitBits: number = DIGIT_BITS,
): Promise<Int32Array> {
  return (await radixSort(words, n, pause, digitBits)).idx;
}

/** A radix sort's permutation, and what it learnt about the words on the way. */
export interface RadixSorted {
  readonly idx: Int32Array;
  /** Per word: whether its value differs between rows (a constant word is never sorted on). */
  readonly varies: readonly boolean[];
  /**
   * The most significant word that varies, in sorted row order (the last one sorted on, so
   * its scratch array ends in the final order), or null when no word varies.
   */
  readonly lastSorted: { readonly word: number; readonly data: Uint32Array } | null;
}

/** radixSortPermutation with the words' variation and the last sorted word kept (see RadixSorted). */
export async function radixSort(words: readonly KeyWord[], n: number, pause: Pause, digitBits: number = DIGIT_BITS): Promise<RadixSorted> {
  let idx = identity(n);
  const varies = words.map(() => false);
  let lastSorted: { word: number; data: Uint32Array } | null = null;
  if (n < 2 || words.length === 0) return { idx, varies, lastSorted };
  let key = new Uint32Array(n);
  let idx2 = new Int32Array(n);
  let key2 = new Uint32Array(n);
  const buckets = 1 << digitBits;
  const mask = buckets - 1;
  for (let w = words.length - 1; w >= 0; w--) {
    const word = words[w]!;
    const src = word.data;
    // Bits that differ between rows: a word (or high digits) every row shares costs no
    // gather and no histogram (a long key's high word, small ints in a wide type).
    const vary = varyingBits(src, n);
    if (vary === 0) continue;
    varies[w] = true;
    for (let s = 0; s < n; s += STEP) {
      gather(key, src, idx, s, Math.min(n, s + STEP));
      if (n > STEP) await pause();
    }
    const digits = Math.ceil(Math.min(word.bits, 32 - Math.clz32(vary)) / digitBits);
    const hist = histograms(key, n, digits, digitBits);
    for (let p = 0; p < digits; p++) {
      const h = hist.subarray(p * buckets, (p + 1) * buckets);
      if (isTrivial(h, n)) continue;
      const shift = p * digitBits;
      // Exclusive prefix sums: where each digit's rows start in the output.
      let sum = 0;
      for (let b = 0; b < buckets; b++) {
        const c = h[b]!;
        h[b] = sum;
        sum += c;
      }
      for (let s = 0; s < n; s += STEP) {
        scatter(key, idx, key2, idx2, h, shift, mask, s, Math.min(n, s + STEP));
        if (n > STEP) await pause();
      }
      [key, key2] = [key2, key];
      [idx, idx2] = [idx2, idx];
    }
    lastSorted = { word: w, data: key };
  }
  return { idx, varies, lastSorted };
}

/*
 * The loops live in plain functions: inside the async function every variable that
 * lives across an await is a context slot, and its loops measured 2-3x slower.
 */

/** key[i] = src[idx[i]] for i in [s, e): the word in the current order. */
function gather(key: Uint32Array, src: Uint32Array, idx: Int32Array, s: number, e: number): void {
  for (let i = s; i < e; i++) key[i] = src[idx[i]!]!;
}

/** One counting-sort pass over rows [s, e) by the digit at `shift`; `h` holds each digit's next slot. */
function scatter(key: Uint32Array, idx: Int32Array, key2: Uint32Array, idx2: Int32Array, h: Uint32Array, shift: number, mask: number, s: number, e: number): void {
  for (let i = s; i < e; i++) {
    const k = key[i]!;
    const o = h[(k >>> shift) & mask]!++;
    key2[o] = k;
    idx2[o] = idx[i]!;
  }
}

function identity(n: number): Int32Array<ArrayBuffer> {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}

/** The OR of every row's difference from row 0: the bits some rows differ in. */
function varyingBits(src: Uint32Array, n: number): number {
  const x0 = src[0]!;
  let vary = 0;
  for (let i = 1; i < n; i++) vary |= src[i]! ^ x0;
  return vary;
}

/** Counts of every digit position of `key` in one read of it. */
function histograms(key: Uint32Array, n: number, digits: number, digitBits: number): Uint32Array {
  const buckets = 1 << digitBits;
  const mask = buckets - 1;
  const hist = new Uint32Array(digits * buckets);
  for (let i = 0; i < n; i++) {
    const k = key[i]!;
    for (let p = 0, shift = 0; p < digits; p++, shift += digitBits) hist[p * buckets + ((k >>> shift) & mask)]!++;
  }
  return hist;
}

/** True when one bucket holds every row: the pass would not move anything. */
function isTrivial(h: Uint32Array, n: number): boolean {
  for (let b = 0; b < h.length; b++) {
    const c = h[b]!;
    if (c !== 0) return c === n;
  }
  return true;
}
