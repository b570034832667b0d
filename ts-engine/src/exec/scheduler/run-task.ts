import { BATCH_SIZE, type ColumnBatch } from "../../columnar/batch.js";
import { concatBatches } from "../../columnar/rows.js";
import { takeBatch } from "../../columnar/take.js";
import type { Vector } from "../../columnar/vector.js";
import type { ExecContext } from "../../exec/exec-context.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { SortOrder } from "../../expr/expr.js";
import { assertNever } from "../../errors/assert-never.js";
import { buildExec } from "../build-exec.js";
import { shareBatch } from "../cache/shared-batch.js";
import { hashPartitionIds, splitByPartition } from "../exchange/partition-hash.js";
import { keyBatch, rangePartitionIds } from "../exchange/range-partition.js";
import type { StageInputs } from "../exchange/stage-input-exec.js";
import { evalContextOf, throwIfAborted } from "../util.js";
import type { StageTask, TaskItem } from "./task.js";

/** A task's reads: only its own partition of each shuffle was sent with it. */
function inputsOf(task: StageTask): StageInputs {
  return {
    shuffle(id) {
      const s = task.shuffles.find((x) => x.shuffleId === id);
      if (s === undefined) throw new Error(`task has no input for shuffle ${id}`);
      return { numPartitions: s.numPartitions, read: (p) => (p === s.partition ? s.batches : []) };
    },
    broadcast(id) {
      const b = task.broadcasts.find((x) => x.broadcastId === id);
      if (b === undefined) throw new Error(`task has no broadcast ${id}`);
      return b.batches;
    },
    cached(id) {
      const c = task.cached.find((x) => x.cacheId === id);
      if (c === undefined) throw new Error(`task has no input for cached relation ${id}`);
      return { numPartitions: c.numPartitions, read: (p) => (p === c.partition ? c.batches : []) };
    },
  };
}

/** Buffers rows per reduce partition and hands out a block once it holds a batch's worth. */
class BlockWriter {
  private readonly parts: ColumnBatch[][];
  private readonly rows: Int32Array;

  constructor(readonly numPartitions: number) {
    this.parts = Array.from({ length: numPartitions }, () => []);
    this.rows = new Int32Array(numPartitions);
  }

  *add(split: readonly (ColumnBatch | null)[]): Iterable<TaskItem> {
    for (let p = 0; p < split.length; p++) {
      const b = split[p];
      if (b === null || b === undefined) continue;
      this.parts[p]!.push(b);
      this.rows[p]! += b.numRows;
      if (this.rows[p]! >= BATCH_SIZE) yield this.flushOne(p);
    }
  }

  private flushOne(p: number): TaskItem {
    const bs = this.parts[p]!;
    const batch = concatBatches(bs[0]!.schema, bs);
    this.parts[p] = [];
    this.rows[p] = 0;
    return { bucket: p, batch };
  }

  *flush(): Iterable<TaskItem> {
    for (let p = 0; p < this.numPartitions; p++) if (this.parts[p]!.length > 0) yield this.flushOne(p);
  }
}

function sortKeys(b: ColumnBatch, orders: readonly SortOrder[], ctx: ExecContext): Vector[] {
  const ectx = evalContextOf(ctx);
  return orders.map((o) => evaluate(o.child, b, ectx));
}

/**
 * Runs one task in the current thread: builds the stage's operators over the task's
 * inputs, runs its partition and shapes the output (rows, shuffle blocks or a key
 * sample). Worker threads call this for every task they are sent; without a pool the
 * scheduler calls it in-process.
 */
export async function* runTask(task: StageTask, ctx: ExecContext): AsyncGenerator<TaskItem> {
  const exec = buildExec(task.plan, inputsOf(task));
  const rows = exec.execute(task.partition, ctx);
  const out = task.output;
  switch (out.kind) {
    case "rows":
      for await (const batch of rows) yield { bucket: -1, batch };
      return;
    case "cache":
      // copied into shared memory here, on the thread that made the rows, in parallel
      for await (const batch of rows) yield { bucket: -1, batch: shareBatch(batch) };
      return;
    case "hash": {
      const w = new BlockWriter(out.numPartitions);
      const ectx = evalContextOf(ctx);
      for await (const b of rows) {
        throwIfAborted(ctx);
        const keys = out.keys.map((k) => (k.kind === "BoundRef" ? b.columns[k.ordinal]! : evaluate(k, b, ectx)));
        const ids = out.numPartitions === 1 ? new Int32Array(b.numRows) : hashPartitionIds(keys, b.numRows, out.numPartitions);
        yield* w.add(splitByPartition(b, ids, out.numPartitions));
      }
      yield* w.flush();
      return;
    }
    case "range": {
      const w = new BlockWriter(out.bounds.numRows + 1);
      for await (const b of rows) {
        throwIfAborted(ctx);
        const ids = rangePartitionIds(sortKeys(b, out.orders, ctx), b.numRows, out.bounds, out.orders);
        yield* w.add(splitByPartition(b, ids, w.numPartitions));
      }
      yield* w.flush();
      return;
    }
    case "sample": {
      // Bernoulli admission at the running rate size/seen, thinned back to `size` when it
      // doubles: close enough to uniform for choosing range bounds.
      let sample: ColumnBatch | null = null;
      let seen = 0;
      for await (const b of rows) {
        throwIfAborted(ctx);
        const keys = keyBatch(sortKeys(b, out.orders, ctx), b.numRows);
        const pick: number[] = [];
        for (let i = 0; i < b.numRows; i++) {
          seen++;
          if (seen <= out.size || Math.random() * seen < out.size) pick.push(i);
        }
        const add = takeBatch(keys, Int32Array.from(pick));
        sample = sample === null ? add : concatBatches(add.schema, [sample, add]);
        if (sample.numRows > 2 * out.size) sample = takeBatch(sample, randomSubset(sample.numRows, out.size));
      }
      if (sample !== null) yield { bucket: -1, batch: sample };
      return;
    }
    default:
      assertNever(out);
  }
}

/** `k` distinct indices of [0, n), ascending. */
function randomSubset(n: number, k: number): Int32Array {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(Math.random() * (n - i));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx.subarray(0, k).sort();
}
