import type { SqlConf } from "../conf/sql-conf.js";
import { executionMemory } from "../exec/memory/memory-size.js";
import { SpillFile } from "../exec/memory/spill-file.js";
import { blobsBatch, type TaskInput } from "../exec/python-partition-task.js";

/** Blobs per spilled batch (a partition's blobs are written as several binary batches). */
const BLOBS_PER_BATCH = 256;

function byteSize(blobs: readonly Uint8Array[]): number {
  let n = 0;
  for (const b of blobs) n += b.byteLength;
  return n;
}

/**
 * The partitions one RDD run holds on the main thread between its stages (a stage's output,
 * a shuffle's reduce partitions), within the execution memory (spark.executor.memory ×
 * spark.memory.fraction, as for the DataFrame operators): past it a partition's blobs are
 * written to `spark.local.dir` and its task reads them back on its own thread, as Spark's
 * shuffle blocks and cached partitions live on disk, so a groupByKey bigger than memory
 * spills instead of ending the engine. Python and JS RDDs both keep their blobs here.
 */
export class RddMemory {
  private held = 0;
  private readonly sizes = new Map<TaskInput, number>();
  private readonly files = new Map<TaskInput, SpillFile>();
  private readonly budget: number;

  constructor(private readonly conf: SqlConf) {
    this.budget = executionMemory(conf);
  }

  /** A partition's blobs as a task input: in memory while the run is within budget, else a spill file. */
  async keep(blobs: Uint8Array[]): Promise<TaskInput> {
    const bytes = byteSize(blobs);
    if (this.held + bytes <= this.budget || bytes === 0) {
      const input: TaskInput = { kind: "blobs", blobs };
      this.held += bytes;
      this.sizes.set(input, bytes);
      return input;
    }
    const f = await SpillFile.create(this.conf, "rdd-blobs");
    try {
      for (let i = 0; i < blobs.length; i += BLOBS_PER_BATCH) await f.write(blobsBatch(blobs.slice(i, i + BLOBS_PER_BATCH)));
    } finally {
      await f.finish();
    }
    const input: TaskInput = { kind: "spilledBlobs", path: f.path };
    this.files.set(input, f);
    return input;
  }

  /** Partitions a stage has consumed: their memory is free again and their files are deleted. */
  async release(inputs: readonly TaskInput[]): Promise<void> {
    for (const input of inputs) {
      const n = this.sizes.get(input);
      if (n !== undefined) {
        this.held -= n;
        this.sizes.delete(input);
      }
      const f = this.files.get(input);
      if (f !== undefined) {
        this.files.delete(input);
        await f.delete();
      }
    }
  }

  /** Deletes every file still held (the run ended, failed or was cancelled). */
  async close(): Promise<void> {
    const files = [...this.files.values()];
    this.files.clear();
    this.sizes.clear();
    this.held = 0;
    await Promise.all(files.map((f) => f.delete()));
  }
}
