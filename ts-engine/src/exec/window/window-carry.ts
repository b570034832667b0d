import { sliceBatch } from "../../columnar/rows.js";
import type { ColumnBatch } from "../../columnar/batch.js";
import { makeVector, type Vector } from "../../columnar/vector.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { EvalContext } from "../../expr/eval/eval-context.js";
import type { WindowExpression } from "../../expr/expr.js";
import { distinctMatters, makeAccumulator, updateArgs } from "../aggregate/agg-spec.js";
import type { PartitionBounds } from "./window-bounds.js";

/**
 * What a window partition cut across runs carries from the rows already emitted into the next
 * run: how many rows and peer groups came before, and each aggregate's partial state over them.
 * So one huge window partition streams through WindowExec a run at a time instead of being
 * held whole, for the window expressions whose value depends only on the rows before
 * (Spark's WindowExec holds such a partition in a spillable buffer instead).
 */
export interface PartitionCarry {
  readonly rows: number;
  readonly peers: number;
  /** Per window expression: the aggregate's partial state over the carried rows (undefined for ranking functions). */
  readonly states: readonly (readonly Vector[] | undefined)[];
}

/** Ranking functions whose value is the row's position, shifted by the rows (or peer groups) before. */
const SHIFTED = new Set(["row_number", "rank", "dense_rank"]);

/**
 * Whether a window expression's values over a partition cut at a peer-group boundary follow
 * from the carry alone: row_number, rank, dense_rank, and aggregates over a running frame
 * (UNBOUNDED PRECEDING to CURRENT ROW, ROWS or RANGE), not under DISTINCT. Frames that reach
 * past the current row's peers, lag/lead and the functions that need the partition's size
 * (ntile, percent_rank, cume_dist) are not.
 */
export function streamsAcrossRuns(w: WindowExpression): boolean {
  const fn = w.fn;
  if (fn.kind === "ScalarCall") return SHIFTED.has(fn.fn);
  if (fn.kind !== "AggCall") return false;
  return w.frame.lower.kind === "unboundedPreceding" && w.frame.upper.kind === "currentRow" && !distinctMatters(fn);
}

/** A ranking function's column with the carried rows (row_number, rank) or peer groups (dense_rank) added to the first partition's rows. */
export function shiftRanking(w: WindowExpression, v: Vector, bounds: PartitionBounds, carry: PartitionCarry): Vector {
  if (w.fn.kind !== "ScalarCall" || v.storage !== "i32") return v;
  const by = w.fn.fn === "dense_rank" ? carry.peers : carry.rows;
  const out = v.data.slice();
  for (let i = 0; i < out.length && bounds.partIndex[i] === 0; i++) out[i] = out[i]! + by;
  return makeVector(v.type, out, v.validity, v.length);
}

/** Rows [0, n) of `bounds`' first partition: how many there are (they continue the carried partition). */
export function firstPartitionRows(bounds: PartitionBounds, n: number): number {
  let k = 0;
  while (k < n && bounds.partIndex[k] === 0) k++;
  return k;
}

/**
 * The carry into the next run from a run whose last partition continues there: the rows and
 * peer groups of that partition so far, and each aggregate's state over them (the previous
 * carry's state merged first when the whole run continued it).
 */
export function nextCarry(
  exprs: readonly WindowExpression[],
  run: ColumnBatch,
  bounds: PartitionBounds,
  carry: PartitionCarry | undefined,
  ectx: EvalContext,
  ansi: boolean,
): PartitionCarry {
  const n = run.numRows;
  const start = bounds.partStart[n - 1]!;
  const continued = carry !== undefined && bounds.partIndex[n - 1] === 0 ? carry : undefined;
  let peers = 0;
  for (let i = start; i < n; i++) if (bounds.peerStart[i] === i) peers++;
  const tail = sliceBatch(run, start, n);
  const m = n - start;
  const zeros = new Int32Array(Math.max(1, m));
  const states = exprs.map((w, j): readonly Vector[] | undefined => {
    const fn = w.fn;
    if (fn.kind !== "AggCall") return undefined;
    const acc = makeAccumulator(fn, ansi);
    acc.ensure(1);
    const before = continued?.states[j];
    if (before !== undefined) acc.merge(zeros.subarray(0, 1), 1, before);
    acc.update(zeros.subarray(0, m), m, updateArgs(fn).map((a) => evaluate(a, tail, ectx)));
    return acc.partial(1);
  });
  return { rows: (continued?.rows ?? 0) + m, peers: (continued?.peers ?? 0) + peers, states };
}
