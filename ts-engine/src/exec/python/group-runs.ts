import { concatBatches, sliceBatch } from "../../columnar/rows.js";
import type { ColumnBatch } from "../../columnar/batch.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { EvalContext } from "../../expr/eval/eval-context.js";
import type { Expr } from "../../expr/expr.js";
import type { Vector } from "../../columnar/vector.js";
import type { StructType } from "../../types/data-type.js";
import { markChanges, partitionBounds } from "../window/window-bounds.js";

/** Rows buffered before a run is cut at its last group boundary and handed on. */
const RUN_ROWS = 1 << 16;

/** The first row of the last group of `b` by `keys` (0 when it holds one group). */
function lastGroupStart(b: ColumnBatch, keys: readonly Expr[], ectx: EvalContext): number {
  if (keys.length === 0) return 0;
  const changes = new Uint8Array(b.numRows);
  for (const k of keys) markChanges(evaluate(k, b, ectx), b.numRows, changes);
  for (let i = b.numRows - 1; i > 0; i--) if (changes[i] === 1) return i;
  return 0;
}

/**
 * The batches of a partition sorted on `keys`, regrouped into runs that each hold whole
 * groups: batches are buffered until RUN_ROWS rows, then cut at the last group boundary (the
 * tail waits for the rest of its group). Without keys the whole partition is one run. Memory
 * stays bounded by the largest group plus a run, as Spark's grouped Python operators buffer
 * one group at a time.
 */
export async function* wholeGroupRuns(
  batches: AsyncIterable<ColumnBatch>,
  schema: StructType,
  keys: readonly Expr[],
  ectx: EvalContext,
): AsyncGenerator<ColumnBatch> {
  let buffered: ColumnBatch[] = [];
  let rows = 0;
  for await (const b of batches) {
    if (b.numRows === 0) continue;
    buffered.push(b);
    rows += b.numRows;
    if (rows < RUN_ROWS || keys.length === 0) continue;
    const all = concatBatches(schema, buffered);
    const cut = lastGroupStart(all, keys, ectx);
    if (cut <= 0) {
      buffered = [all];
      continue;
    }
    yield sliceBatch(all, 0, cut);
    const rest = sliceBatch(all, cut, all.numRows);
    buffered = [rest];
    rows = rest.numRows;
  }
  if (rows > 0) yield concatBatches(schema, buffered);
}

/** Each group's row range [starts[g], ends[g]) in a run, from each row's group index (partIndex of window-bounds). */
export function groupRanges(groupIndex: Int32Array, numGroups: number, n: number): { starts: Int32Array; ends: Int32Array } {
  const starts = new Int32Array(numGroups);
  const ends = new Int32Array(numGroups);
  let g = -1;
  for (let i = 0; i < n; i++) {
    const gi = groupIndex[i]!;
    if (gi !== g) {
      if (g >= 0) ends[g] = i;
      g = gi;
      starts[g] = i;
    }
  }
  if (g >= 0) ends[g] = n;
  return { starts, ends };
}

/** A run's grouping keys, evaluated, and each group's row range (the run sorted on the keys). */
export function keyGroups(keys: readonly Expr[], run: ColumnBatch, ectx: EvalContext): { keys: Vector[]; starts: Int32Array; ends: Int32Array } {
  const values = keys.map((k) => evaluate(k, run, ectx));
  const bounds = partitionBounds(values, [], run.numRows);
  return { keys: values, ...groupRanges(bounds.partIndex, bounds.numPartitions, run.numRows) };
}
