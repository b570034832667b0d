import { BATCH_SIZE, makeBatch, type ColumnBatch } from "../../columnar/batch.js";
import { concatBatches, sliceBatch, sliceVector } from "../../columnar/rows.js";
import { takeVector } from "../../columnar/take.js";
import type { Vector } from "../../columnar/vector.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { EvalContext } from "../../expr/eval/eval-context.js";
import type { AggCall, SortOrder, WindowExpression } from "../../expr/expr.js";
import { lookupFunction } from "../../expr/functions/registry.js";
import type { FrameBoundary, WindowFrame } from "../../expr/window-frame.js";
import { InternalError } from "../../errors/spark-exception.js";
import type { StructType } from "../../types/data-type.js";
import { makeAccumulator, updateArgs } from "../aggregate/agg-spec.js";
import type { ExecContext } from "../exec-context.js";
import { throwIfAborted } from "../util.js";
import { aggregateOverFrames, type EdgeState } from "./frame-aggregate.js";
import { directedKey, frameRanges, type FrameRanges } from "./frame-bounds.js";
import type { SpilledPartition } from "./spilled-partition.js";
import { partitionBounds, type PartitionBounds } from "./window-bounds.js";

/*
 * Evaluating one spilled window partition (spilled-partition.ts) a chunk of blocks at a time,
 * as Spark's WindowExec runs its frames over a spilled row buffer. Each chunk is read back
 * with a halo: the rows its frames reach on either side, counted in rows for ROWS offsets and
 * lag/lead, in key values for RANGE offsets. That view is evaluated as a run whose partition
 * and peer-group bounds reach past it (partStart < 0, partEnd > rows): ranking functions
 * take their position, size and peers from those bounds alone. An aggregate's frame may run
 * past the view only at an unbounded end or over a peer group (RANGE CURRENT ROW, null keys):
 * those rows' partial state comes from the blocks' states and the few rows of a block cut
 * by the frame, merged ahead of or behind the rows inside the view, so the frame's order is
 * kept. So memory holds a chunk, its halo and one state per block, whatever the partition's
 * size. Only nth_value over a RANGE frame or an unbounded one cannot run this way
 * (spillsExactly).
 */

/** Whether WindowExec can evaluate `w` over a spilled partition (else it holds the partition whole). */
export function spillsExactly(w: WindowExpression): boolean {
  const fn = w.fn;
  if (fn.kind === "AggCall") return true;
  if (fn.kind !== "ScalarCall") return false;
  const def = lookupFunction(fn.fn);
  if (def?.kind !== "window") return false;
  if (def.framelessOffset === true || def.requiredFrame(fn) !== undefined) return true;
  // nth_value reads its frame's rows: only a ROWS frame the halo covers
  const f = w.frame;
  const inHalo = (b: FrameBoundary): boolean => b.kind === "offset" || b.kind === "currentRow";
  return f.type === "rows" && inHalo(f.lower) && inHalo(f.upper);
}

/** Whether an aggregate's frame may reach past a view (so the blocks' states are kept for it). */
export function reachesPastView(w: WindowExpression): boolean {
  if (w.fn.kind !== "AggCall") return false;
  const f = w.frame;
  const inView = (b: FrameBoundary): boolean => b.kind === "offset" || b.kind === "currentRow";
  return !(f.type === "rows" && inView(f.lower) && inView(f.upper));
}

/** Whether a window function's value comes from the row's position, partition and peers alone (the ranking functions). */
function positional(w: WindowExpression): boolean {
  const fn = w.fn;
  if (fn.kind !== "ScalarCall") return false;
  const def = lookupFunction(fn.fn);
  return def?.kind === "window" && def.framelessOffset !== true && def.requiredFrame(fn) !== undefined;
}

/** Rows before and after the current one that ROWS frames (and lag/lead) reach. */
function rowsReach(exprs: readonly WindowExpression[]): { before: number; after: number } {
  let before = 0;
  let after = 0;
  for (const w of exprs) {
    if (w.frame.type !== "rows" || positional(w)) continue;
    for (const b of [w.frame.lower, w.frame.upper]) {
      if (b.kind !== "offset") continue;
      if (b.value < 0) before = Math.max(before, -b.value);
      else after = Math.max(after, b.value);
    }
  }
  return { before, after };
}

/** The least and greatest key offsets of RANGE frames with offsets (undefined: none has one). */
function rangeReach(exprs: readonly WindowExpression[]): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const w of exprs) {
    if (w.frame.type !== "range") continue;
    for (const b of [w.frame.lower, w.frame.upper]) {
      if (b.kind !== "offset") continue;
      min = Math.min(min, b.value);
      max = Math.max(max, b.value);
    }
  }
  return min === Infinity ? undefined : { min, max };
}

/** A view: blocks [v0, v1) of the partition as one batch, rows [vs, vs + n) of it. */
interface View {
  readonly batch: ColumnBatch;
  readonly vs: number;
  readonly n: number;
  readonly v0: number;
  readonly v1: number;
}

/**
 * Evaluates the window expressions over a finished spilled partition, a chunk of
 * `chunkBlocks` blocks at a time, yielding its rows with their window columns appended.
 */
export async function* evaluateSpilled(
  p: SpilledPartition,
  exprs: readonly WindowExpression[],
  orderSpec: readonly SortOrder[],
  outSchema: StructType,
  chunkBlocks: number,
  ctx: ExecContext,
  ectx: EvalContext,
): AsyncGenerator<ColumnBatch> {
  const ansi = ctx.conf.ansi;
  const B = p.blockRows;
  const N = p.rows;
  const m = p.blocks;
  const reach = rowsReach(exprs);
  const ranged = rangeReach(exprs);
  const hb = Math.ceil(reach.before / B);
  const ha = Math.ceil(reach.after / B);
  const first = orderSpec[0];
  const asc = first?.ascending ?? true;
  const cache = new Map<number, ColumnBatch>();
  const load = async (from: number, to: number): Promise<void> => {
    let k = from;
    while (k < to) {
      if (cache.has(k)) {
        k++;
        continue;
      }
      let e = k;
      while (e < to && !cache.has(e)) e++;
      const got = await p.readBlocks(k, e);
      got.forEach((b, i) => cache.set(k + i, b));
      k = e;
    }
  };
  const blockAt = async (k: number): Promise<ColumnBatch> => cache.get(k) ?? (await p.readBlocks(k, k + 1))[0]!;
  // the directed order key of a block's first or last row; null for a null key
  const edgeKey = (b: ColumnBatch, row: number): number | null => {
    if (first === undefined) return null;
    const v = evaluate(first.child, sliceBatch(b, row, row + 1), ectx);
    return v.validity !== null && v.validity[0] === 0 ? null : directedKey(v, asc, 1)[0]!;
  };
  const totals = new Map<number, Vector>();
  for (let c0 = 0; c0 < m; c0 += chunkBlocks) {
    throwIfAborted(ctx);
    const c1 = Math.min(m, c0 + chunkBlocks);
    let v0 = Math.max(0, c0 - hb);
    let v1 = Math.min(m, c1 + ha);
    for (const k of [...cache.keys()]) if (k < v0) cache.delete(k);
    await load(v0, v1);
    if (ranged !== undefined && first !== undefined) {
      // widen the view until it holds every row whose key a chunk row's RANGE frame can reach
      const chunk = concatBatches(p.schema, blocksOf(cache, c0, c1));
      const key = evaluate(first.child, chunk, ectx);
      const dk = directedKey(key, asc, chunk.numRows);
      const valid = key.validity;
      let lo: number | undefined;
      let hi: number | undefined;
      for (let i = 0; i < chunk.numRows; i++) {
        if (valid !== null && valid[i] === 0) continue;
        lo ??= dk[i]!;
        hi = dk[i]!;
      }
      if (lo !== undefined && hi !== undefined) {
        while (v0 > 0) {
          const k = edgeKey(cache.get(v0)!, 0);
          if (k === null || k < lo + ranged.min) break;
          v0--;
          await load(v0, v0 + 1);
        }
        while (v1 < m) {
          const last = cache.get(v1 - 1)!;
          const k = edgeKey(last, last.numRows - 1);
          if (k === null || k > hi + ranged.max) break;
          v1++;
          await load(v1 - 1, v1);
        }
      }
    }
    const batch = concatBatches(p.schema, blocksOf(cache, v0, v1));
    const view: View = { batch, vs: v0 * B, n: batch.numRows, v0, v1 };
    const cs = c0 * B - view.vs;
    const ce = Math.min(c1 * B, N) - view.vs;
    const orderKeys = orderSpec.map((o) => evaluate(o.child, batch, ectx));
    const local = partitionBounds([], orderKeys, view.n);
    const virtual = virtualBounds(local, view, N, p.groupStartAt(v0), v1 < m ? p.nextGroupStart(v1) : N);
    const results: Vector[] = [];
    for (let j = 0; j < exprs.length; j++) {
      const w = exprs[j]!;
      const fn = w.fn;
      if (fn.kind === "AggCall") {
        results.push(await aggregateInView(w, fn, j, view, cs, ce, local, virtual, orderKeys[0], asc));
        continue;
      }
      if (fn.kind !== "ScalarCall") throw new InternalError(`${fn.kind} in a spilled window`);
      const def = lookupFunction(fn.fn);
      if (def?.kind !== "window") throw new InternalError(`${fn.fn} is not a window function`);
      const args = fn.args.map((a) => evaluate(a, batch, ectx));
      const v = positional(w)
        ? def.evaluate(args, fn, { numRows: view.n, ...virtual, frameStart: new Int32Array(view.n), frameEnd: new Int32Array(view.n), peersBefore: p.peersBefore(v0) })
        : def.evaluate(args, fn, { numRows: view.n, ...local, ...frameRanges(w.frame, local, view.n, orderKeys[0], asc) });
      results.push(sliceVector(v, cs, ce));
    }
    const rows = sliceBatch(batch, cs, ce);
    const out = makeBatch(outSchema, [...rows.columns, ...results], ce - cs);
    for (let s = 0; s < out.numRows; s += BATCH_SIZE) yield sliceBatch(out, s, s + BATCH_SIZE);
  }

  /** An aggregate's column for chunk rows [cs, ce) of a view. */
  async function aggregateInView(
    w: WindowExpression,
    fn: AggCall,
    j: number,
    view: View,
    cs: number,
    ce: number,
    local: PartitionBounds,
    virtual: PartitionBounds,
    orderKey: Vector | undefined,
    ascending: boolean,
  ): Promise<Vector> {
    const f = w.frame;
    if (f.lower.kind === "unboundedPreceding" && f.upper.kind === "unboundedFollowing") {
      let total = totals.get(j);
      if (total === undefined) {
        const acc = makeAccumulator(fn, ansi);
        acc.ensure(1);
        acc.merge(new Int32Array(m), m, statesOf(j));
        total = acc.result(1);
        totals.set(j, total);
      }
      return takeVector(total, new Int32Array(ce - cs));
    }
    const { n, vs } = view;
    const g = globalFrames(f, local, virtual, view, N, orderKey, ascending);
    const frameStart = new Int32Array(n);
    const frameEnd = new Int32Array(n);
    const before = new Map<string, number[]>();
    const after = new Map<string, number[]>();
    const note = (into: Map<string, number[]>, a: number, b: number, i: number): void => {
      const key = `${a}:${b}`;
      const list = into.get(key);
      if (list === undefined) into.set(key, [i]);
      else list.push(i);
    };
    for (let i = cs; i < ce; i++) {
      const a = g.frameStart[i]!;
      const b = g.frameEnd[i]!;
      if (b <= a) continue;
      if (a < 0) note(before, a + vs, Math.min(b, 0) + vs, i);
      if (b > n) note(after, Math.max(a, n) + vs, b + vs, i);
      const s = Math.max(a, 0);
      const e = Math.min(b, n);
      if (e > s) {
        frameStart[i] = s;
        frameEnd[i] = e;
      }
    }
    const edgesOf = async (from: Map<string, number[]>): Promise<EdgeState[]> => {
      const out: EdgeState[] = [];
      for (const [key, rows] of from) {
        const [a, b] = key.split(":").map(Number) as [number, number];
        out.push({ partial: await rangeState(j, fn, a, b), rows: Int32Array.from(rows) });
      }
      return out;
    };
    const edges = { before: await edgesOf(before), after: await edgesOf(after) };
    const args = updateArgs(fn).map((a) => evaluate(a, view.batch, ectx));
    const frames: FrameRanges = { frameStart, frameEnd };
    return sliceVector(aggregateOverFrames(fn, args, frames, n, ansi, edges), cs, ce);
  }

  /** Expression j's kept block states. */
  function statesOf(j: number): readonly Vector[] {
    const s = p.partials[j];
    if (s === undefined) throw new InternalError("a spilled window aggregate without block states");
    return s;
  }

  /** One group's partial state over global rows [a, b): the blocks inside from their states, cut blocks from their rows. */
  async function rangeState(j: number, fn: AggCall, a: number, b: number): Promise<Vector[]> {
    const acc = makeAccumulator(fn, ansi);
    acc.ensure(1);
    let r = a;
    while (r < b) {
      const k = Math.floor(r / B);
      const end = b === N ? m : Math.floor(b / B);
      if (r === k * B && end > k) {
        const count = end - k;
        acc.merge(new Int32Array(count), count, statesOf(j).map((v) => sliceVector(v, k, end)));
        r = Math.min(end * B, N);
        continue;
      }
      const block = await blockAt(k);
      const e = Math.min(b, k * B + block.numRows) - k * B;
      const piece = sliceBatch(block, r - k * B, e);
      acc.update(new Int32Array(piece.numRows), piece.numRows, updateArgs(fn).map((x) => evaluate(x, piece, ectx)));
      r = k * B + e;
    }
    return acc.partial(1);
  }
}

function blocksOf(cache: ReadonlyMap<number, ColumnBatch>, from: number, to: number): ColumnBatch[] {
  const out: ColumnBatch[] = [];
  for (let k = from; k < to; k++) {
    const b = cache.get(k);
    if (b === undefined) throw new InternalError(`spilled window block ${k} not loaded`);
    out.push(b);
  }
  return out;
}

/**
 * The view's bounds in its own row numbers but reaching past it: the partition is global rows
 * [0, N), and the view's first and last peer groups run from `groupStart` to `groupEnd`.
 */
function virtualBounds(local: PartitionBounds, view: View, N: number, groupStart: number, groupEnd: number): PartitionBounds {
  const { n, vs } = view;
  const peerStart = local.peerStart.slice();
  const peerEnd = local.peerEnd.slice();
  for (let i = 0; i < n && local.peerStart[i] === 0; i++) peerStart[i] = groupStart - vs;
  for (let i = n - 1; i >= 0 && local.peerEnd[i] === n; i--) peerEnd[i] = groupEnd - vs;
  return {
    partStart: new Int32Array(n).fill(-vs),
    partEnd: new Int32Array(n).fill(N - vs),
    peerStart,
    peerEnd,
    partIndex: new Int32Array(n),
    numPartitions: 1,
  };
}

/**
 * Each view row's frame in view row numbers, reaching past the view where the frame does:
 * unbounded ends at the partition's, CURRENT ROW of RANGE at the (virtual) peers, ROWS
 * offsets clipped to the partition; RANGE offsets from the view's keys (the halo holds every
 * key they reach), but a null key's at its peers.
 */
function globalFrames(f: WindowFrame, local: PartitionBounds, virtual: PartitionBounds, view: View, N: number, orderKey: Vector | undefined, asc: boolean): FrameRanges {
  const { n, vs } = view;
  const byKey = f.type === "range" && (f.lower.kind === "offset" || f.upper.kind === "offset") ? frameRanges(f, local, n, orderKey, asc) : undefined;
  const side = (b: FrameBoundary, lower: boolean): Int32Array => {
    const out = new Int32Array(n);
    switch (b.kind) {
      case "unboundedPreceding":
        return out.fill(-vs);
      case "unboundedFollowing":
        return out.fill(N - vs);
      case "currentRow":
        if (f.type === "range") return (lower ? virtual.peerStart : virtual.peerEnd).slice();
        for (let i = 0; i < n; i++) out[i] = lower ? i : i + 1;
        return out;
      case "offset": {
        if (byKey !== undefined) {
          out.set(lower ? byKey.frameStart : byKey.frameEnd);
          const valid = orderKey?.validity ?? null;
          if (valid !== null) for (let i = 0; i < n; i++) if (valid[i] === 0) out[i] = lower ? virtual.peerStart[i]! : virtual.peerEnd[i]!;
          return out;
        }
        for (let i = 0; i < n; i++) {
          const at = i + b.value + (lower ? 0 : 1);
          out[i] = Math.min(N - vs, Math.max(-vs, at));
        }
        return out;
      }
    }
  };
  return { frameStart: side(f.lower, true), frameEnd: side(f.upper, false) };
}
