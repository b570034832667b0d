import type { ColumnBatch } from "../../columnar/batch.js";
import { concatBatches } from "../../columnar/rows.js";
import { takeBatch } from "../../columnar/take.js";
import type { Vector } from "../../columnar/vector.js";
import type { ExecContext } from "../../exec/exec-context.js";
import { evaluate } from "../../expr/eval/evaluate.js";
import type { SortOrder } from "../../expr/expr.js";
import { assertNever } from "../../errors/assert-never.js";
import { buildExec } from "../build-exec.js";
import { shareBatch } from "../cache/shared-batch.js";
import { hashPartitionIds, partitionBatch, roundRobinDealer, sparkHashPartitionIds } from "../exchange/partition-hash.js";
import { buildHashedRelation } from "../join/hashed-relation.js";
import { keyBatch, rangePartitionIds } from "../exchange/range-partition.js";
import type { StageInputs } from "../exchange/stage-input-exec.js";
import { evalContextOf, throwIfAborted } from "../util.js";
import { planPaths } from "../metrics/plan-paths.js";
import type { StageTask, TaskItem } from "./task.js";

/** A task's reads: only its own partition of each shuffle was sent with it. */
function inputsOf(task: StageTask): StageInputs {
  return {
    shuffle(id) {
      // a coalesced task holds several partitions of one shuffle, one input each
      const own = task.shuffles.filter((x) => x.shuffleId === id);
      if (own.length === 0) throw new Error(`task has no input for shuffle ${id}`);
      return { numPartitions: own[0]!.numPartitions, read: (p) => own.find((s) => s.partition === p)?.batches ?? [] };
    },
    broadcast(id) {
      const b = task.broadcasts.find((x) => x.broadcastId === id);
      if (b === undefined) throw new Error(`task has no broadcast ${id}`);
      return b.batches;
    },
    cached(id) {
      const own = task.cached.filter((x) => x.cacheId === id);
      if (own.length === 0) throw new Error(`task has no input for cached relation ${id}`);
      return { numPartitions: own[0]!.numPartitions, read: (p) => own.find((c) => c.partition === p)?.batches ?? [] };
    },
    relation(id) {
      return task.broadcasts.find((x) => x.broadcastId === id)?.relation;
    },
  };
}

/** Rows a shuffle map task gathers into one partitioned chunk (a few MB of columns). */
const CHUNK_ROWS = 1 << 18;

/**
 * Gathers a map task's rows with their reduce partition ids and hands out chunks of about
 * CHUNK_ROWS rows grouped by partition (PartitionedBatch), in shared memory: one message per
 * chunk reaches the main thread, whatever the number of reduce partitions.
 */
class ChunkWriter {
  private batches: ColumnBatch[] = [];
  private ids: Int32Array[] = [];
  private rows = 0;

  constructor(readonly numPartitions: number) {}

  *add(b: ColumnBatch, ids: Int32Array): Iterable<TaskItem> {
    this.batches.push(b);
    this.ids.push(ids);
    this.rows += b.numRows;
    if (this.rows >= CHUNK_ROWS) yield this.chunk();
  }

  private chunk(): TaskItem {
    const all = this.batches.length === 1 ? this.batches[0]! : concatBatches(this.batches[0]!.schema, this.batches);
    const ids = new Int32Array(this.rows);
    let at = 0;
    for (const x of this.ids) {
      ids.set(x, at);
      at += x.length;
    }
    this.batches = [];
    this.ids = [];
    this.rows = 0;
    const { batch, offsets } = partitionBatch(all, ids, this.numPartitions);
    return { bucket: -1, batch, offsets };
  }

  *flush(): Iterable<TaskItem> {
    if (this.rows > 0) yield this.chunk();
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
  // CollectMetrics operators report their partials once their partition ends: they follow the
  // task's output, tagged with the operator. A range exchange's sampling pass reads the rows a
  // second time, so its metrics are not counted.
  const reported: TaskItem[] = [];
  const reportMetrics = (metricsId: number, batch: ColumnBatch): void => {
    reported.push({ bucket: -1, batch, metricsId });
  };
  yield* runTaskOutput(task, { ...ctx, reportMetrics });
  if (task.output.kind !== "sample") yield* reported;
}

async function* runTaskOutput(task: StageTask, ctx: ExecContext): AsyncGenerator<TaskItem> {
  const inputs = inputsOf(task);
  const exec = buildExec(task.plan, ctx.operatorMetrics === undefined ? inputs : { ...inputs, metered: planPaths(task.plan) });
  const rows = exec.execute(task.partition, ctx);
  const out = task.output;
  switch (out.kind) {
    case "rows":
      for await (const batch of rows) yield { bucket: -1, batch };
      return;
    case "cache": {
      // Copied into shared memory here, on the thread that made the rows, in chunks of about
      // CHUNK_ROWS rows: every later task is sent a few large batches, not thousands of small ones.
      let pending: ColumnBatch[] = [];
      let n = 0;
      const chunk = (): TaskItem => {
        const all = pending.length === 1 ? pending[0]! : concatBatches(pending[0]!.schema, pending);
        pending = [];
        n = 0;
        return { bucket: -1, batch: shareBatch(all) };
      };
      for await (const batch of rows) {
        if (batch.numRows === 0) continue;
        pending.push(batch);
        n += batch.numRows;
        if (n >= CHUNK_ROWS) yield chunk();
      }
      if (n > 0) yield chunk();
      return;
    }
    case "hash": {
      const w = new ChunkWriter(out.numPartitions);
      const ectx = evalContextOf(ctx);
      for await (const b of rows) {
        throwIfAborted(ctx);
        if (b.numRows === 0) continue;
        const keys = out.keys.map((k) => (k.kind === "BoundRef" ? b.columns[k.ordinal]! : evaluate(k, b, ectx)));
        const ids =
          out.numPartitions === 1
            ? new Int32Array(b.numRows)
            : out.sparkHash === true
              ? sparkHashPartitionIds(keys, b.numRows, out.numPartitions)
              : hashPartitionIds(keys, b.numRows, out.numPartitions);
        yield* w.add(b, ids);
      }
      yield* w.flush();
      return;
    }
    case "roundRobin": {
      const w = new ChunkWriter(out.numPartitions);
      const deal = roundRobinDealer(task.partition, out.numPartitions);
      for await (const b of rows) {
        throwIfAborted(ctx);
        if (b.numRows > 0) yield* w.add(b, deal(b.numRows));
      }
      yield* w.flush();
      return;
    }
    case "range": {
      const w = new ChunkWriter(out.bounds.numRows + 1);
      for await (const b of rows) {
        throwIfAborted(ctx);
        if (b.numRows === 0) continue;
        const ids = rangePartitionIds(sortKeys(b, out.orders, ctx), b.numRows, out.bounds, out.orders);
        yield* w.add(b, ids);
      }
      yield* w.flush();
      return;
    }
    case "sample": {
      const r = new KeyReservoir(out.size);
      for await (const b of rows) {
        throwIfAborted(ctx);
        if (b.numRows > 0) r.add(keyBatch(sortKeys(b, out.orders, ctx), b.numRows));
      }
      const sample = r.sample();
      if (sample !== null) yield { bucket: -1, batch: sample };
      return;
    }
    case "hashed": {
      // a broadcast hash join's build side, hashed once for every task of the join
      const parts: ColumnBatch[] = [];
      for await (const b of rows) parts.push(b);
      throwIfAborted(ctx);
      const relation = buildHashedRelation(exec.schema, parts, out.keys, evalContextOf(ctx));
      yield { bucket: -1, batch: relation.batch, relation };
      return;
    }
    default:
      assertNever(out);
  }
}

/** Key batches a reservoir keeps referenced before it copies its rows out of them. */
const RESERVOIR_BATCHES = 64;

/**
 * A uniform sample of `size` rows of the key batches it is given (reservoir sampling with
 * Li's Algorithm L, as Spark's RangePartitioner samples with a reservoir): after the first
 * `size` rows it draws how many rows to skip, so it costs random numbers per kept row, not
 * per row. Kept rows are indices into the batches seen (views, not copies), compacted into
 * one batch now and then.
 */
class KeyReservoir {
  private batches: ColumnBatch[] = [];
  /** Rows in `batches`, and the global index of batches[0]'s first row. */
  private rows = 0;
  private base = 0;
  private readonly picks: Int32Array;
  private filled = 0;
  private w = 1;
  private next = 0;

  private readonly size: number;

  constructor(size: number) {
    this.size = Math.max(1, size);
    this.picks = new Int32Array(this.size);
  }

  private skip(): void {
    this.w *= Math.exp(Math.log(Math.random()) / this.size);
    this.next += Math.floor(Math.log(Math.random()) / Math.log(1 - this.w)) + 1;
  }

  add(b: ColumnBatch): void {
    const start = this.base + this.rows;
    this.batches.push(b);
    this.rows += b.numRows;
    const end = start + b.numRows;
    let i = start;
    while (this.filled < this.size && i < end) this.picks[this.filled++] = i++ - this.base;
    if (this.filled === this.size && this.next === 0) {
      this.next = i - 1;
      this.skip();
    }
    while (this.filled === this.size && this.next < end) {
      this.picks[Math.floor(Math.random() * this.size)] = this.next - this.base;
      this.skip();
    }
    if (this.batches.length >= RESERVOIR_BATCHES) this.compact();
  }

  /**
   * Copies the kept rows into one batch and drops the batches they came from: each batch
   * gives its own picks (the sample's order does not matter, its bounds are sorted), so
   * only the kept rows are copied, not every batch seen.
   */
  private compact(): void {
    if (this.filled === 0) return;
    const nb = this.batches.length;
    const starts = new Int32Array(nb + 1);
    for (let j = 0; j < nb; j++) starts[j + 1] = starts[j]! + this.batches[j]!.numRows;
    // picks grouped by batch (a counting sort on the batch of each pick)
    const of = new Int32Array(this.filled);
    const counts = new Int32Array(nb + 1);
    for (let k = 0; k < this.filled; k++) {
      const p = this.picks[k]!;
      let lo = 0;
      let hi = nb - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= p) lo = mid;
        else hi = mid - 1;
      }
      of[k] = lo;
      counts[lo + 1]!++;
    }
    for (let j = 0; j < nb; j++) counts[j + 1]! += counts[j]!;
    const local = new Int32Array(this.filled);
    const at = counts.slice(0, nb);
    for (let k = 0; k < this.filled; k++) {
      const j = of[k]!;
      local[at[j]!++] = this.picks[k]! - starts[j]!;
    }
    const pieces: ColumnBatch[] = [];
    for (let j = 0; j < nb; j++) {
      const from = counts[j]!;
      const to = counts[j + 1]!;
      if (to > from) pieces.push(takeBatch(this.batches[j]!, local.subarray(from, to), to - from, { nonNegative: true }));
    }
    const kept = pieces.length === 1 ? pieces[0]! : concatBatches(this.batches[0]!.schema, pieces);
    this.base += this.rows;
    // the kept rows become rows [base - filled, base) of the stream, so picks index them again
    this.base -= this.filled;
    this.batches = [kept];
    this.rows = this.filled;
    for (let k = 0; k < this.filled; k++) this.picks[k] = k;
  }

  /** The sample (null when no row was seen). */
  sample(): ColumnBatch | null {
    if (this.filled === 0) return null;
    this.compact();
    return this.batches[0]!;
  }
}
