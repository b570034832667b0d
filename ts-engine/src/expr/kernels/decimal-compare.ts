import { pow10 } from "../../columnar/decimal-value.js";
import type { Vector } from "../../columnar/vector.js";
import { testCompare as test, type CompareOp } from "./compare-op.js";
import { unscaledData } from "./decimal-arith.js";

/**
 * Comparison of two decimal vectors on their unscaled storage, one loop per batch: the
 * analyzer's DecimalPrecision rule has already brought both sides to decimals (Spark compares
 * decimals by value, whatever their scales). Before this kernel, every row went through the
 * canonical text (`formatUnscaled`, then a string comparison of digits): 6 µs/row on TPC-H
 * Q6's filter, whose `l_quantity < 24` and `l_discount` tests are all decimals.
 *
 * Writes 1/0 into `out` for rows where both sides are valid (the caller applies nulls).
 */
export function compareDecimals(op: CompareOp, a: Vector, b: Vector, out: Uint8Array, n: number): void {
  if (a.type.kind !== "decimal" || b.type.kind !== "decimal") return;
  const sa = a.type.scale;
  const sb = b.type.scale;
  if (sa === sb && a.storage === "dec64" && b.storage === "dec64") {
    compareLongPairs(op, words(a.data), words(b.data), out, n);
    return;
  }
  // Different scales or wide storage: exact BigInt comparison at the larger scale.
  const xs = unscaledData(a);
  const ys = unscaledData(b);
  const s = Math.max(sa, sb);
  const ma = pow10(s - sa);
  const mb = pow10(s - sb);
  for (let i = 0; i < n; i++) {
    const x = xs[i]! * ma;
    const y = ys[i]! * mb;
    out[i] = test(op, x < y ? -1 : x > y ? 1 : 0);
  }
}

/** The little-endian 32-bit halves of 64-bit unscaled values: [lo0, hi0, lo1, hi1, …], no copy. */
function words(d: BigInt64Array): Int32Array {
  return new Int32Array(d.buffer, d.byteOffset, d.length * 2);
}

/**
 * Signed 64-bit order from the halves, with no BigInt made per row (a BigInt64Array read
 * allocates one): the high words compare signed, and on a tie the low words unsigned.
 */
function compareLongPairs(op: CompareOp, x: Int32Array, y: Int32Array, out: Uint8Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const xh = x[2 * i + 1]!;
    const yh = y[2 * i + 1]!;
    let c: number;
    if (xh !== yh) c = xh < yh ? -1 : 1;
    else {
      const xl = x[2 * i]! >>> 0;
      const yl = y[2 * i]! >>> 0;
      c = xl < yl ? -1 : xl > yl ? 1 : 0;
    }
    out[i] = test(op, c);
  }
}
