import { equalUtf8 } from "../../columnar/utf8.js";
import type { Vector } from "../../columnar/vector.js";
import { keyComparator } from "../sort/compare.js";

/**
 * Marks in `out` (1 = a new group starts here) every row i > 0 whose value of `v` differs
 * from row i-1's, as grouping compares: nulls equal each other, NaN equals NaN. One loop per
 * storage over the whole run of rows.
 */
export function markChanges(v: Vector, n: number, out: Uint8Array): void {
  const val = v.validity;
  switch (v.storage) {
    case "bool":
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64": {
      const d = v.data;
      for (let i = 1; i < n; i++) {
        if (val !== null) {
          const a = val[i - 1] === 0;
          const b = val[i] === 0;
          if (a || b) {
            if (a !== b) out[i] = 1;
            continue;
          }
        }
        const x = d[i - 1]!;
        const y = d[i]!;
        // x !== x: NaN, which groups with NaN
        if (x !== y && !(x !== x && y !== y)) out[i] = 1;
      }
      return;
    }
    case "utf8": {
      const { offsets: o, bytes: b } = v.data;
      for (let i = 1; i < n; i++) {
        if (val !== null) {
          const a = val[i - 1] === 0;
          const c = val[i] === 0;
          if (a || c) {
            if (a !== c) out[i] = 1;
            continue;
          }
        }
        if (!equalUtf8(b, o[i - 1]!, o[i]!, b, o[i]!, o[i + 1]!)) out[i] = 1;
      }
      return;
    }
    case "i64big":
    case "dec64":
    case "dec128":
    case "binary":
    case "values": {
      const cmp = keyComparator(v, true, true);
      for (let i = 1; i < n; i++) if (cmp(i - 1, i) !== 0) out[i] = 1;
      return;
    }
  }
}

/** Each row's partition and peer group as half-open row ranges (see WindowRows). */
export interface PartitionBounds {
  readonly partStart: Int32Array;
  readonly partEnd: Int32Array;
  readonly peerStart: Int32Array;
  readonly peerEnd: Int32Array;
  /** The index (0, 1, …) of each row's partition within the run. */
  readonly partIndex: Int32Array;
  readonly numPartitions: number;
}

/**
 * The partitions and peer groups of `n` rows sorted by their partition keys then order keys:
 * a partition starts where a partition key changes, a peer group where any key changes.
 */
export function partitionBounds(partKeys: readonly Vector[], orderKeys: readonly Vector[], n: number): PartitionBounds {
  const newPart = new Uint8Array(n);
  for (const k of partKeys) markChanges(k, n, newPart);
  const newPeer = newPart.slice();
  for (const k of orderKeys) markChanges(k, n, newPeer);
  const partStart = new Int32Array(n);
  const peerStart = new Int32Array(n);
  const partIndex = new Int32Array(n);
  let ps = 0;
  let qs = 0;
  let pi = -1;
  for (let i = 0; i < n; i++) {
    if (i === 0 || newPart[i] === 1) {
      ps = i;
      pi++;
    }
    if (i === 0 || newPeer[i] === 1) qs = i;
    partStart[i] = ps;
    peerStart[i] = qs;
    partIndex[i] = pi;
  }
  const partEnd = new Int32Array(n);
  const peerEnd = new Int32Array(n);
  let pe = n;
  let qe = n;
  for (let i = n - 1; i >= 0; i--) {
    partEnd[i] = pe;
    peerEnd[i] = qe;
    if (partStart[i] === i) pe = i;
    if (peerStart[i] === i) qe = i;
  }
  return { partStart, partEnd, peerStart, peerEnd, partIndex, numPartitions: pi + 1 };
}
