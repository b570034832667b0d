/** Largest number of (x, y) cells a DirectIntMap allocates (1 MiB of group ids). */
const MAX_CELLS = 1 << 18;

/**
 * A cache in front of GroupHashTable for one or two non-null int keys with small ranges
 * (DuckDB's perfect-hash aggregate idea): the cell (x - minX) * spanY + (y - minY) holds the
 * key's group id, or -1 until the hash table has been asked once. The hash table stays the
 * one source of group ids; keys outside the ranges fixed by the first batch just skip the cache.
 */
export class DirectIntMap {
  private constructor(
    readonly minX: number,
    readonly spanX: number,
    readonly minY: number,
    readonly spanY: number,
    readonly cells: Int32Array,
  ) {}

  /** A map sized for the ranges of the first batch's keys, or null when they are too wide. */
  static forBatch(a: Int32Array, b: Int32Array | null, n: number): DirectIntMap | null {
    const [minX, maxX] = range(a, n);
    const [minY, maxY] = b === null ? [0, 0] : range(b, n);
    const spanX = maxX - minX + 1;
    const spanY = maxY - minY + 1;
    if (n === 0 || spanX * spanY > MAX_CELLS) return null;
    return new DirectIntMap(minX, spanX, minY, spanY, new Int32Array(spanX * spanY).fill(-1));
  }
}

function range(d: Int32Array, n: number): [number, number] {
  let lo = 2147483647;
  let hi = -2147483648;
  for (let i = 0; i < n; i++) {
    const x = d[i]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}
