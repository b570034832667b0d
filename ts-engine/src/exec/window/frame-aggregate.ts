import { takeVector } from "../../columnar/take.js";
import type { Vector } from "../../columnar/vector.js";
import type { AggCall } from "../../expr/expr.js";
import type { Accumulator } from "../../expr/functions/aggregate/accumulator.js";
import { makeAccumulator } from "../aggregate/agg-spec.js";
import type { FrameRanges } from "./frame-bounds.js";

function identity(n: number): Int32Array {
  const g = new Int32Array(n);
  for (let i = 0; i < n; i++) g[i] = i;
  return g;
}

/**
 * An aggregate over a frame that is each row's whole partition: one group per partition,
 * one update over all rows, then each row takes its partition's result. O(n).
 */
export function aggregateOverPartitions(call: AggCall, args: readonly Vector[], partIndex: Int32Array, numPartitions: number, n: number, ansi: boolean): Vector {
  const acc = makeAccumulator(call, ansi);
  acc.ensure(numPartitions);
  acc.update(partIndex, n, args);
  return takeVector(acc.result(numPartitions), partIndex, n);
}

/**
 * An aggregate over arbitrary frames (sliding, running, RANGE offsets) through the registry's
 * accumulator alone (update, merge, partial, result), as a segment tree of partial states:
 * level 0 holds each row's own state, level l the merged state of each aligned block of 2^l
 * rows. Each row's frame [start, end) is covered left to right by at most 2·log2(length)
 * aligned blocks, merged in order (so first/last/collect_list keep their order); every step
 * merges one block for all rows at once, one merge call per level. O(n log w) for frames of
 * w rows, whatever the function; an empty frame gives the function's empty result.
 * `edges`: partial states (one group's each) of rows outside this run that some frames
 * cover: each `before` state is merged into its rows ahead of their frames (the partition's
 * rows before this run: window-carry.ts, spilled-window.ts), each `after` state behind them
 * (rows after a spilled partition's view), so the order of the frame's rows is kept.
 */
export function aggregateOverFrames(
  call: AggCall,
  args: readonly Vector[],
  frames: FrameRanges,
  n: number,
  ansi: boolean,
  edges?: FrameEdges,
): Vector {
  const { frameStart, frameEnd } = frames;
  let maxLen = 0;
  for (let i = 0; i < n; i++) {
    const len = frameEnd[i]! - frameStart[i]!;
    if (len > maxLen) maxLen = len;
  }
  const out = makeAccumulator(call, ansi);
  out.ensure(n);
  for (const e of edges?.before ?? []) mergeEdge(out, e);
  if (maxLen > 0) mergeFrames(call, args, frames, n, ansi, maxLen, out);
  for (const e of edges?.after ?? []) mergeEdge(out, e);
  return out.result(n);
}

/** A state of rows outside a run and the rows (of the run) whose frames cover them. */
export interface EdgeState {
  /** One group's partial state. */
  readonly partial: readonly Vector[];
  /** The rows that take it. */
  readonly rows: Int32Array;
}

/** The states merged ahead of (before) and behind (after) the frames of a run's rows. */
export interface FrameEdges {
  readonly before: readonly EdgeState[];
  readonly after: readonly EdgeState[];
}

function mergeEdge(out: Accumulator, e: EdgeState): void {
  const k = e.rows.length;
  if (k === 0) return;
  out.merge(e.rows, k, e.partial.map((v) => takeVector(v, new Int32Array(k), k)));
}

/** The segment-tree merge of every row's frame [frameStart, frameEnd) into `out`'s group of that row. */
function mergeFrames(call: AggCall, args: readonly Vector[], frames: FrameRanges, n: number, ansi: boolean, maxLen: number, out: Accumulator): void {
  const { frameStart, frameEnd } = frames;
  const maxLevel = 31 - Math.clz32(maxLen);
  // levels[l][node]: the partial state of rows [node << l, (node + 1) << l)
  const levels: Vector[][] = [];
  const leaf = makeAccumulator(call, ansi);
  leaf.ensure(n);
  leaf.update(identity(n), n, args);
  levels.push(leaf.partial(n));
  let width = n;
  for (let l = 1; l <= maxLevel; l++) {
    const parents = (width + 1) >> 1;
    const acc = makeAccumulator(call, ansi);
    acc.ensure(parents);
    const groups = new Int32Array(width);
    for (let i = 0; i < width; i++) groups[i] = i >> 1;
    acc.merge(groups, width, levels[l - 1]!);
    levels.push(acc.partial(parents));
    width = parents;
  }
  const cur = frameStart.slice(0, n);
  let active = new Int32Array(n);
  let numActive = 0;
  for (let i = 0; i < n; i++) if (frameEnd[i]! > frameStart[i]!) active[numActive++] = i;
  const counts = new Int32Array(maxLevel + 1);
  const rowOf = new Int32Array(n);
  const nodeOf = new Int32Array(n);
  const levelOf = new Uint8Array(n);
  while (numActive > 0) {
    counts.fill(0);
    for (let a = 0; a < numActive; a++) {
      const i = active[a]!;
      const c = cur[i]!;
      const len = frameEnd[i]! - c;
      let l = 31 - Math.clz32(len);
      // the largest aligned block starting at c: c's lowest set bit (any level when c is 0)
      if (c !== 0) {
        const tz = 31 - Math.clz32(c & -c);
        if (tz < l) l = tz;
      }
      if (l > maxLevel) l = maxLevel;
      levelOf[a] = l;
      nodeOf[a] = c >> l;
      cur[i] = c + (1 << l);
      counts[l]!++;
    }
    // bucket the step's blocks by level: one merge call per level
    const starts = new Int32Array(maxLevel + 2);
    for (let l = 0; l <= maxLevel; l++) starts[l + 1] = starts[l]! + counts[l]!;
    const fill = starts.slice(0, maxLevel + 1);
    const groups = new Int32Array(numActive);
    const nodes = new Int32Array(numActive);
    for (let a = 0; a < numActive; a++) {
      const l = levelOf[a]!;
      const at = fill[l]!++;
      groups[at] = active[a]!;
      nodes[at] = nodeOf[a]!;
    }
    for (let l = 0; l <= maxLevel; l++) {
      const cnt = counts[l]!;
      if (cnt === 0) continue;
      const s = starts[l]!;
      const g = groups.subarray(s, s + cnt);
      const idx = nodes.subarray(s, s + cnt);
      out.merge(g, cnt, levels[l]!.map((v) => takeVector(v, idx, cnt)));
    }
    let k = 0;
    for (let a = 0; a < numActive; a++) {
      const i = active[a]!;
      if (cur[i]! < frameEnd[i]!) rowOf[k++] = i;
    }
    active = rowOf.slice(0, k);
    numActive = k;
  }
}
