import type { ColumnBatch } from "../../columnar/batch.js";
import type { SqlConf } from "../../conf/sql-conf.js";
import type { StructType } from "../../types/data-type.js";
import type { Vector } from "../../columnar/vector.js";
import { splitByPartition } from "../exchange/partition-hash.js";
import { SpillFile } from "../memory/spill-file.js";
import { hashInto, toKeyColumn } from "./key-columns.js";

/** Hash partitions of a spilled aggregation: each re-aggregates about 1/16 of the groups. */
export const SPILL_PARTITIONS = 16;

/**
 * The spill partition of each row's keys: keys that group together (the hash tables'
 * equality: numbers by value whatever their storage, -0 = 0, NaN = NaN) hash alike. Not
 * the shuffle's `hashPartitionIds`: this task's rows all share one shuffle partition, so
 * that hash mod 16 would put them in a few spill partitions (200 = 8 × 25); the top bits
 * of a multiplicative remix spread them, and leave the low bits the group table uses.
 */
function spillPartitions(keys: readonly Vector[], n: number): Int32Array {
  const h = new Int32Array(n).fill(0x2545f491);
  for (const k of keys) hashInto(toKeyColumn(k), h, n);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.imul(h[i]! ^ (h[i]! >>> 16), 0x9e3779b1) >>> 28;
  return out;
}

/**
 * Groups of a hash aggregation that did not fit its budget, written as partial rows
 * ([keys…, partial states…]) into hash partitions on disk (Spark's
 * UnsafeFixedWidthAggregationMap falls back the same way, there by sorting): every spill
 * of the table sends each key to the same partition, so re-aggregating one partition at a
 * time merges every state of a key while holding about 1/17 of the groups.
 */
export class AggregateSpill {
  private readonly files: (SpillFile | null)[] = new Array<SpillFile | null>(SPILL_PARTITIONS).fill(null);
  private count = 0;
  /** The partial rows' schema, from the first batch written. */
  private schema: StructType | null = null;

  constructor(
    private readonly conf: SqlConf,
    private readonly numKeys: number,
  ) {}

  /** Times the table was spilled. */
  get spills(): number {
    return this.count;
  }

  /** Writes one table's partial rows (in batches) to the partitions. */
  async write(batches: Iterable<ColumnBatch>): Promise<void> {
    this.count++;
    for (const b of batches) {
      if (b.numRows === 0) continue;
      this.schema ??= b.schema;
      const parts = splitByPartition(b, spillPartitions(b.columns.slice(0, this.numKeys), b.numRows), SPILL_PARTITIONS);
      for (let p = 0; p < SPILL_PARTITIONS; p++) {
        const piece = parts[p];
        if (piece === null || piece === undefined) continue;
        let f = this.files[p] ?? null;
        if (f === null) {
          f = await SpillFile.create(this.conf, "agg");
          this.files[p] = f;
        }
        await f.write(piece);
      }
    }
  }

  /** The spilled partitions, each a stream of partial rows; call after the last write. */
  async partitions(): Promise<AsyncIterable<ColumnBatch>[]> {
    const out: AsyncIterable<ColumnBatch>[] = [];
    for (const f of this.files) {
      if (f === null) continue;
      await f.finish();
      out.push(this.readAndDelete(f));
    }
    return out;
  }

  private async *readAndDelete(f: SpillFile): AsyncIterable<ColumnBatch> {
    try {
      if (this.schema !== null) yield* f.read(this.schema);
    } finally {
      await f.delete();
    }
  }

  /** Deletes every spill file (idempotent). */
  async close(): Promise<void> {
    await Promise.all(this.files.map((f) => f?.delete()));
  }
}
