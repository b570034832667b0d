import { batchByteSize, type ColumnBatch } from "../../columnar/batch.js";
import type { SqlConf } from "../../conf/sql-conf.js";
import type { StorageLevel } from "../../plan/storage-level.js";
import type { StructType } from "../../types/data-type.js";
import { SpillFile } from "../memory/spill-file.js";

/** Where one cached partition is: in memory, in a file, or dropped (evicted without a disk copy). */
interface Block {
  batches: readonly ColumnBatch[] | null;
  file: SpillFile | null;
  readonly bytes: number;
  readonly level: StorageLevel;
  readonly schema: StructType;
  lastUse: number;
}

/** What the store holds (tests and the storage figures). */
export interface CacheStoreStats {
  readonly memoryBytes: number;
  readonly blocksInMemory: number;
  readonly blocksOnDisk: number;
  /** Blocks dropped from memory without a disk copy since the store was made (MEMORY_ONLY). */
  readonly evicted: number;
}

const blockKey = (entry: number, partition: number): string => `${entry}:${partition}`;

/**
 * The cached partitions of every cache entry (Spark's MemoryStore and DiskStore behind the
 * BlockManager), on the main thread, in shared memory. Memory is bounded by a budget (the
 * unified memory pool of spark.executor.memory × spark.memory.fraction, which Spark's
 * storage may fill while execution does not claim it): past it the least recently used
 * blocks leave memory, to disk when their level has useDisk (MEMORY_AND_DISK), else
 * dropped, and then their entry is computed again when next read (Spark recomputes only the
 * lost partition; here the whole relation is). DISK_ONLY blocks go to disk at once.
 */
export class CacheStore {
  private readonly blocks = new Map<string, Block>();
  private memory = 0;
  private clock = 0;
  private evictedCount = 0;

  /** Stores partition `partition` of entry `entry`, evicting other blocks past `budget`. */
  async put(entry: number, partition: number, schema: StructType, batches: readonly ColumnBatch[], level: StorageLevel, budget: number, conf: SqlConf): Promise<void> {
    await this.remove(entry, partition);
    let bytes = 0;
    for (const b of batches) bytes += batchByteSize(b);
    const block: Block = { batches, file: null, bytes, level, schema, lastUse: ++this.clock };
    this.blocks.set(blockKey(entry, partition), block);
    if (!level.useMemory) {
      await this.toDisk(block, conf);
      return;
    }
    this.memory += bytes;
    await this.evict(budget, conf);
  }

  /** Leaves memory until it fits the budget, least recently used first. */
  private async evict(budget: number, conf: SqlConf): Promise<void> {
    while (this.memory > budget) {
      let victim: Block | undefined;
      for (const b of this.blocks.values()) if (b.batches !== null && (victim === undefined || b.lastUse < victim.lastUse)) victim = b;
      if (victim === undefined) return;
      this.memory -= victim.bytes;
      if (victim.level.useDisk) await this.toDisk(victim, conf);
      else {
        victim.batches = null;
        this.evictedCount++;
      }
    }
  }

  private async toDisk(block: Block, conf: SqlConf): Promise<void> {
    const batches = block.batches ?? [];
    block.batches = null;
    const f = await SpillFile.create(conf, "cache");
    try {
      for (const b of batches) await f.write(b);
      await f.finish();
    } catch (e) {
      await f.delete();
      throw e;
    }
    block.file = f;
  }

  /** Whether every partition [0, n) of `entry` can still be read (none was dropped). */
  complete(entry: number, n: number): boolean {
    for (let p = 0; p < n; p++) {
      const b = this.blocks.get(blockKey(entry, p));
      if (b === undefined || (b.batches === null && b.file === null)) return false;
    }
    return true;
  }

  /** A partition's batches (read back from disk when it was spilled), or null when it was dropped. */
  async read(entry: number, partition: number): Promise<readonly ColumnBatch[] | null> {
    const b = this.blocks.get(blockKey(entry, partition));
    if (b === undefined) return null;
    b.lastUse = ++this.clock;
    if (b.batches !== null) return b.batches;
    if (b.file === null) return null;
    const out: ColumnBatch[] = [];
    for await (const x of b.file.read(b.schema)) out.push(x);
    return out;
  }

  /** Drops one block (its file too). */
  async remove(entry: number, partition: number): Promise<void> {
    const k = blockKey(entry, partition);
    const b = this.blocks.get(k);
    if (b === undefined) return;
    this.blocks.delete(k);
    if (b.batches !== null && b.level.useMemory) this.memory -= b.bytes;
    b.batches = null;
    await b.file?.delete();
  }

  /** Drops partitions [0, n) of `entry`. */
  async removeEntry(entry: number, n: number): Promise<void> {
    for (let p = 0; p < n; p++) await this.remove(entry, p);
  }

  /** What is held now. */
  stats(): CacheStoreStats {
    let inMemory = 0;
    let onDisk = 0;
    for (const b of this.blocks.values()) {
      if (b.batches !== null) inMemory++;
      else if (b.file !== null) onDisk++;
    }
    return { memoryBytes: this.memory, blocksInMemory: inMemory, blocksOnDisk: onDisk, evicted: this.evictedCount };
  }
}
