import { InternalError } from "../../errors/spark-exception.js";
import type { Vector } from "../../columnar/vector.js";
import type { FrameBoundary, WindowFrame } from "../../expr/window-frame.js";
import type { PartitionBounds } from "./window-bounds.js";

/** The rows of each row's frame: [frameStart[i], frameEnd[i]), empty when end <= start. */
export interface FrameRanges {
  readonly frameStart: Int32Array;
  readonly frameEnd: Int32Array;
}

/** The order key of a RANGE frame with offsets as plain numbers in sort direction (descending keys negated). */
export function directedKey(key: Vector, ascending: boolean, n: number): Float64Array {
  const out = new Float64Array(n);
  const sign = ascending ? 1 : -1;
  switch (key.storage) {
    case "i8":
    case "i16":
    case "i32":
    case "f32":
    case "f64": {
      const d = key.data;
      for (let i = 0; i < n; i++) out[i] = sign * d[i]!;
      return out;
    }
    case "i64big": {
      const d = key.data;
      for (let i = 0; i < n; i++) out[i] = sign * Number(d[i]!);
      return out;
    }
    case "dec64":
    case "dec128": {
      const scale = key.type.kind === "decimal" ? 10 ** key.type.scale : 1;
      const d = key.data;
      for (let i = 0; i < n; i++) out[i] = (sign * Number(d[i]!)) / scale;
      return out;
    }
    case "bool":
    case "utf8":
    case "binary":
    case "values":
      throw new InternalError(`RANGE frame over a ${key.type.kind} key`);
  }
}

/**
 * The frame of every row (Spark's frame semantics): ROWS offsets count rows from the current
 * one; RANGE offsets take the rows whose single order key lies within key ± offset (in sort
 * direction), CURRENT ROW in a RANGE frame is the row's peers, and a null key's rows are
 * peers of each other only. Frames never leave the row's partition. One pass per bound, with
 * a pointer that only moves forward within each partition for RANGE offsets.
 */
export function frameRanges(frame: WindowFrame, b: PartitionBounds, n: number, orderKey: Vector | undefined, ascending: boolean): FrameRanges {
  const frameStart = new Int32Array(n);
  const frameEnd = new Int32Array(n);
  if (frame.type === "rows") {
    rowsBound(frame.lower, b, n, frameStart, true);
    rowsBound(frame.upper, b, n, frameEnd, false);
    return { frameStart, frameEnd };
  }
  const needsKey = frame.lower.kind === "offset" || frame.upper.kind === "offset";
  const key = needsKey && orderKey !== undefined ? directedKey(orderKey, ascending, n) : undefined;
  const valid = orderKey?.validity ?? null;
  rangeBound(frame.lower, b, n, frameStart, true, key, valid);
  rangeBound(frame.upper, b, n, frameEnd, false, key, valid);
  return { frameStart, frameEnd };
}

function rowsBound(bd: FrameBoundary, b: PartitionBounds, n: number, out: Int32Array, lower: boolean): void {
  switch (bd.kind) {
    case "unboundedPreceding":
      out.set(b.partStart.subarray(0, n));
      return;
    case "unboundedFollowing":
      out.set(b.partEnd.subarray(0, n));
      return;
    case "currentRow":
      for (let i = 0; i < n; i++) out[i] = lower ? i : i + 1;
      return;
    case "offset": {
      const k = bd.value;
      for (let i = 0; i < n; i++) {
        const at = lower ? i + k : i + k + 1;
        const ps = b.partStart[i]!;
        const pe = b.partEnd[i]!;
        out[i] = at < ps ? ps : at > pe ? pe : at;
      }
      return;
    }
  }
}

function rangeBound(bd: FrameBoundary, b: PartitionBounds, n: number, out: Int32Array, lower: boolean, key: Float64Array | undefined, valid: Uint8Array | null): void {
  switch (bd.kind) {
    case "unboundedPreceding":
      out.set(b.partStart.subarray(0, n));
      return;
    case "unboundedFollowing":
      out.set(b.partEnd.subarray(0, n));
      return;
    case "currentRow":
      out.set((lower ? b.peerStart : b.peerEnd).subarray(0, n));
      return;
    case "offset": {
      if (key === undefined) throw new InternalError("RANGE offset frame without an order key");
      const k = bd.value;
      let i = 0;
      while (i < n) {
        const pe = b.partEnd[i]!;
        // the partition's non-null keys are contiguous (nulls sort first or last)
        let lo = i;
        let hi = pe;
        if (valid !== null) {
          while (lo < pe && valid[lo] === 0) lo++;
          while (hi > lo && valid[hi - 1] === 0) hi--;
        }
        let p = lo;
        for (let r = i; r < pe; r++) {
          if (valid !== null && valid[r] === 0) {
            // a null key's frame on an offset side is its peers (the other nulls)
            out[r] = lower ? b.peerStart[r]! : b.peerEnd[r]!;
            continue;
          }
          const target = key[r]! + k;
          if (lower) {
            while (p < hi && key[p]! < target) p++;
          } else {
            while (p < hi && key[p]! <= target) p++;
          }
          out[r] = p;
        }
        i = pe;
      }
      return;
    }
  }
}
