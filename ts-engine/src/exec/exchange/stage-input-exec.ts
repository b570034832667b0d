import { BATCH_SIZE, type ColumnBatch } from "../../columnar/batch.js";
import { sliceBatch } from "../../columnar/rows.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecutionPlan } from "../execution-plan.js";
import type { HashedRelation } from "../join/hashed-relation.js";
import type { PhysicalPlan } from "../physical-plan.js";

/** What a stage reads from the stages before it (shuffle partitions, broadcasts) and from the cache. */
export interface StageInputs {
  /** Shuffle `id` as the reading stage sees it: its (coalesced) partitions. */
  shuffle(id: number): { readonly numPartitions: number; read(partition: number): readonly ColumnBatch[] };
  /** Every row of broadcast `id`. */
  broadcast(id: number): readonly ColumnBatch[];
  /** Cached relation `id` (exec/cache): its partitions, of which the task holds its own. */
  cached(id: number): { readonly numPartitions: number; read(partition: number): readonly ColumnBatch[] };
  /** Broadcast `id` hashed on its join keys, when it was (built once per query, shared). */
  relation?(id: number): HashedRelation | undefined;
  /** The nodes whose operators are metered, with their paths (exec/metrics/plan-paths.ts); absent = none. */
  readonly metered?: ReadonlyMap<PhysicalPlan, string>;
}

/** Inputs of a stage that reads nothing from other stages. */
export const NO_STAGE_INPUTS: StageInputs = {
  shuffle(id: number): never {
    throw new Error(`stage has no shuffle input ${id}`);
  },
  broadcast(id: number): never {
    throw new Error(`stage has no broadcast input ${id}`);
  },
  cached(id: number): never {
    throw new Error(`stage has no cached input ${id}`);
  },
};

/**
 * A leaf that yields batches an earlier stage produced: a shuffle's partition (Spark's
 * ShuffledRowRDD / AQEShuffleRead) or a broadcast's rows (one partition, read whole).
 */
export class StageInputExec implements ExecutionPlan {
  readonly children: readonly ExecutionPlan[] = [];

  constructor(
    readonly name: string,
    readonly schema: StructType,
    private readonly partitions: number,
    private readonly read: (partition: number) => readonly ColumnBatch[],
  ) {}

  numPartitions(): number {
    return this.partitions;
  }

  explainDetail(): string {
    return "";
  }

  async *execute(partition: number): AsyncIterable<ColumnBatch> {
    // shuffle blocks are large chunks: operators get batches of the usual size, as views
    for (const b of this.read(partition)) {
      if (b.numRows <= BATCH_SIZE) {
        if (b.numRows > 0) yield b;
        continue;
      }
      for (let s = 0; s < b.numRows; s += BATCH_SIZE) yield sliceBatch(b, s, Math.min(b.numRows, s + BATCH_SIZE));
    }
  }
}
