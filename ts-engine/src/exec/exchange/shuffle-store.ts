import { batchByteSize, type ColumnBatch } from "../../columnar/batch.js";
import { sliceBatch } from "../../columnar/rows.js";
import type { SqlConf } from "../../conf/sql-conf.js";
import { InternalError } from "../../errors/spark-exception.js";
import { SpillFile } from "../memory/spill-file.js";
import type { PartitionRange } from "./coalesce-partitions.js";

/** Shuffle spill activity of this thread (tests and metrics). */
export const shuffleSpillStats = { chunks: 0, bytes: 0 };

/**
 * The memory one query's shuffle outputs may hold on the main thread (the execution
 * memory, spark.executor.memory × spark.memory.fraction as for the operators): past it,
 * map output chunks are written to `spark.local.dir` and read back by their readers, as
 * Spark's shuffle blocks live in files.
 */
export class ShuffleMemory {
  held = 0;

  constructor(
    readonly budget: number,
    readonly conf: SqlConf,
  ) {}
}

/** One map output chunk: its rows grouped by reduce partition, in memory or spilled. */
interface Chunk {
  /** The map task (partition) that made it; a reader gets chunks in map partition order. */
  readonly mapPartition: number;
  batch: ColumnBatch | null;
  readonly offsets: Int32Array;
  readonly bytes: number;
  /** Spilled: the file holds one batch per non-empty reduce partition, in partition order. */
  file: SpillFile | null;
  /** frames[p]: the file's batches before reduce partition p's (frames[n]: all of them). */
  frames: Int32Array | null;
  /** Set while the chunk is being written out. */
  spilling: Promise<void> | null;
}

/**
 * A shuffle's map output, held on the main thread until its reading stage runs: each map
 * task's chunks of rows grouped by reduce partition (PartitionedBatch), so a reader of
 * partitions [a, b) takes one slice of each chunk. Chunks past the query's ShuffleMemory
 * budget are spilled as they arrive; a reader of a spilled chunk reads just its
 * partitions' batches back. Readers get the chunks in map partition order, whatever order the
 * map tasks ended in, so that a reduce task reads the same input every time it runs (a task
 * whose worker thread died runs again and skips the output it already gave: task-retry.ts).
 */
export class ShuffleOutput {
  private chunks: Chunk[] = [];
  readonly bytes: Float64Array;
  /** The reading stage's partitions (after adaptive coalescing), set when it starts. */
  ranges: readonly PartitionRange[] = [];
  private consumed = 0;
  private schema: ColumnBatch["schema"] | null = null;

  constructor(
    readonly numPartitions: number,
    private readonly memory: ShuffleMemory,
  ) {
    this.bytes = new Float64Array(numPartitions);
  }

  /** Adds one chunk of map task `mapPartition` (rows grouped by reduce partition, `offsets` per partition). */
  add(batch: ColumnBatch, offsets: Int32Array | undefined, mapPartition = 0): void {
    if (offsets === undefined || offsets.length !== this.numPartitions + 1) throw new InternalError("shuffle map output without partition offsets");
    if (batch.numRows === 0) return;
    this.schema ??= batch.schema;
    const bytes = batchByteSize(batch);
    const chunk: Chunk = { mapPartition, batch, offsets, bytes, file: null, frames: null, spilling: null };
    // after the last chunk of a map partition not after it (a task's chunks keep their order)
    let at = this.chunks.length;
    while (at > 0 && this.chunks[at - 1]!.mapPartition > mapPartition) at--;
    this.chunks.splice(at, 0, chunk);
    const perRow = bytes / batch.numRows;
    for (let p = 0; p < this.numPartitions; p++) this.bytes[p]! += (offsets[p + 1]! - offsets[p]!) * perRow;
    this.memory.held += bytes;
    if (this.memory.held > this.memory.budget) chunk.spilling = this.spill(chunk);
  }

  private async spill(c: Chunk): Promise<void> {
    const b = c.batch!;
    const file = await SpillFile.create(this.memory.conf, "shuffle");
    const frames = new Int32Array(this.numPartitions + 1);
    try {
      for (let p = 0; p < this.numPartitions; p++) {
        const lo = c.offsets[p]!;
        const hi = c.offsets[p + 1]!;
        frames[p + 1] = frames[p]! + (hi > lo ? 1 : 0);
        if (hi > lo) await file.write(sliceBatch(b, lo, hi));
      }
      await file.finish();
    } catch (e) {
      await file.delete();
      throw e;
    }
    shuffleSpillStats.chunks++;
    shuffleSpillStats.bytes += file.size;
    c.file = file;
    c.frames = frames;
    c.batch = null;
    this.memory.held -= c.bytes;
    // dropped (every reader done) while it was written: nothing may stay behind
    if (!this.chunks.includes(c)) await file.delete();
  }

  /** Waits until every chunk being spilled is written (a spill failure fails the read). */
  private async settled(): Promise<void> {
    await Promise.all(this.chunks.map((c) => c.spilling));
  }

  /**
   * The rows of reduce partitions [r.start, r.end), a slice per chunk (read back for a
   * spilled one). `consume`: handed out for the last time; once every range was, the
   * chunks are dropped here and their files deleted.
   */
  async take(r: PartitionRange, consume: boolean): Promise<ColumnBatch[]> {
    await this.settled();
    const out: ColumnBatch[] = [];
    for (const c of this.chunks) {
      if (c.batch !== null) {
        const lo = c.offsets[r.start]!;
        const hi = c.offsets[r.end]!;
        if (hi > lo) out.push(lo === 0 && hi === c.batch.numRows ? c.batch : sliceBatch(c.batch, lo, hi));
      } else if (c.file !== null && c.frames !== null && this.schema !== null) {
        out.push(...(await c.file.readAt(this.schema, c.frames[r.start]!, c.frames[r.end]!)));
      }
    }
    if (consume && ++this.consumed >= this.ranges.length) this.discard();
    return out;
  }

  /** Drops every chunk: memory back to the query's budget, spill files deleted (not awaited). */
  discard(): void {
    for (const c of this.chunks) {
      if (c.batch !== null) this.memory.held -= c.bytes;
      void c.file?.delete();
    }
    this.chunks = [];
  }
}
