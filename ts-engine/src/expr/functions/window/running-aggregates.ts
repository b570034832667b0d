import { allocVector } from "../../../columnar/builder.js";
import { makeVector, numberData, numbersOf, type Vector } from "../../../columnar/vector.js";
import { DoubleType, LongType, type DataType } from "../../../types/data-type.js";
import type { RunningKernel } from "../function-def.js";

/*
 * Aggregates over running frames (ROWS/RANGE UNBOUNDED PRECEDING … CURRENT ROW or … n
 * FOLLOWING), as Spark's UnboundedPrecedingWindowFunctionFrame: one state per window
 * partition, fed the rows in order, read after each row's frame end. O(n) per run, where the
 * general frames' segment tree is O(n log w). Each kernel is one loop over typed arrays; it
 * returns undefined (the caller then takes the segment tree) when its fast state cannot hold
 * the answer exactly (a long sum past ±2^53, BigInt input) or the frame ends are not
 * monotone within a partition.
 *
 * Rows are added in the order Spark adds them (left to right from the partition's start), so
 * double sums round exactly as Spark's running sums do.
 */

const SAFE = Number.MAX_SAFE_INTEGER;

/** Spark's ordering of doubles: NaN is larger than any other value. */
function less(a: number, b: number): boolean {
  if (b !== b) return a === a;
  return a < b;
}

/** `allValid ? null : valid`: a result column's validity. */
function validityOf(valid: Uint8Array, allValid: boolean): Uint8Array | null {
  return allValid ? null : valid;
}

/**
 * sum over a running frame: the result type's state as Numbers (doubles, or longs while
 * exact); null until the frame holds a non-null value.
 */
export function runningSum(resultType: DataType): RunningKernel {
  const exact = resultType.kind === "long";
  return (args, partStart, frameEnd, n) => {
    const v = args[0]!;
    const d = numberData(v);
    if (d === null) return undefined;
    const val = v.validity;
    const out = new Float64Array(n);
    const valid = new Uint8Array(n);
    let allValid = true;
    let ps = -1;
    let p = 0;
    let s = 0;
    let seen = 0;
    for (let i = 0; i < n; i++) {
      if (partStart[i] !== ps) {
        ps = partStart[i]!;
        p = ps;
        s = 0;
        seen = 0;
      }
      const e = frameEnd[i]!;
      if (e < p) return undefined;
      for (; p < e; p++) {
        if (val !== null && val[p] === 0) continue;
        s += d[p]!;
        seen = 1;
      }
      if (exact && (s > SAFE || s < -SAFE)) return undefined;
      out[i] = s;
      valid[i] = seen;
      if (seen === 0) allValid = false;
    }
    return makeVector(resultType, out, validityOf(valid, allValid), n);
  };
}

/** count over a running frame: rows whose arguments are all non-null (count(*) reads none). */
export const runningCount: RunningKernel = (args, partStart, frameEnd, n) => {
  const masks = args.map((a) => a.validity).filter((m): m is Uint8Array => m !== null);
  const out = new Float64Array(n);
  let ps = -1;
  let p = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (partStart[i] !== ps) {
      ps = partStart[i]!;
      p = ps;
      c = 0;
    }
    const e = frameEnd[i]!;
    if (e < p) return undefined;
    if (masks.length === 0) {
      c += e - p;
      p = e;
    } else {
      for (; p < e; p++) {
        let ok = true;
        for (const m of masks) if (m[p] === 0) ok = false;
        if (ok) c++;
      }
    }
    out[i] = c;
  }
  return makeVector(LongType, out, null, n);
};

/** min/max over a running frame, for types whose values are plain numbers (NaN above all). */
export function runningMinMax(type: DataType, isMax: boolean): RunningKernel {
  return (args, partStart, frameEnd, n) => {
    const v = args[0]!;
    const d = numberData(v);
    if (d === null) return undefined;
    const val = v.validity;
    const valid = new Uint8Array(n);
    const res = new Float64Array(n);
    let allValid = true;
    let ps = -1;
    let p = 0;
    let m = 0;
    let seen = 0;
    for (let i = 0; i < n; i++) {
      if (partStart[i] !== ps) {
        ps = partStart[i]!;
        p = ps;
        seen = 0;
      }
      const e = frameEnd[i]!;
      if (e < p) return undefined;
      for (; p < e; p++) {
        if (val !== null && val[p] === 0) continue;
        const x = d[p]!;
        if (seen === 0 || (isMax ? less(m, x) : less(x, m))) m = x;
        seen = 1;
      }
      res[i] = m;
      valid[i] = seen;
      if (seen === 0) allValid = false;
    }
    const out = allocVector(type, n, validityOf(valid, allValid));
    numbersOf(out).set(res);
    return out;
  };
}

/** avg over a running frame (double result): the running sum over the running count. */
export const runningAvg: RunningKernel = (args, partStart, frameEnd, n) => {
  const v = args[0]!;
  const d = numberData(v);
  if (d === null) return undefined;
  const val = v.validity;
  const out = new Float64Array(n);
  const valid = new Uint8Array(n);
  let allValid = true;
  let ps = -1;
  let p = 0;
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (partStart[i] !== ps) {
      ps = partStart[i]!;
      p = ps;
      s = 0;
      c = 0;
    }
    const e = frameEnd[i]!;
    if (e < p) return undefined;
    for (; p < e; p++) {
      if (val !== null && val[p] === 0) continue;
      s += d[p]!;
      c++;
    }
    if (c === 0) allValid = false;
    else {
      out[i] = s / c;
      valid[i] = 1;
    }
  }
  return makeVector(DoubleType, out, validityOf(valid, allValid), n);
};
