import { batchByteSize, type ColumnBatch } from "../../columnar/batch.js";
import { concatBatches } from "../../columnar/rows.js";
import type { Vector } from "../../columnar/vector.js";
import type { StructType } from "../../types/data-type.js";
import type { ExecContext } from "../exec-context.js";
import type { MemoryReservation } from "../memory/memory-pool.js";
import { SpillFile } from "../memory/spill-file.js";

/**
 * The buffered side's rows of one join key (Spark's SortMergeJoinScanner bufferedMatches).
 * Most groups lie inside one input batch and are a row range of it; a group that runs
 * across batches is copied into a batch of its own while the task's memory budget
 * allows, and past it spills to `spark.local.dir` and is read back for every run of
 * stream rows with its key (Spark's ExternalAppendOnlyUnsafeRowArray), so one huge key
 * never holds more than a batch in memory.
 */
export interface BufferedGroup {
  /** In memory: rows [start, end) of `source`. Spilled: null. */
  readonly source: ColumnBatch | null;
  readonly start: number;
  readonly end: number;
  readonly spill: SpillFile | null;
  /** Rows in the group. */
  readonly rows: number;
  /** The group's key: row `keyRow` of these key columns. */
  readonly keys: readonly Vector[];
  readonly keyRow: number;
  /** The source is the group's own (a copy): it ends with the group. */
  readonly ownSource: boolean;
  /** Bytes reserved for the copy, given back when the group ends. */
  readonly reserved: number;
  /** A spilled group's matched flags (full outer joins), one per row in spill order. */
  matched: Uint8Array | null;
  /** The merge left `source` (an input batch) while the group still used it. */
  releaseSource: boolean;
}

/**
 * Builds a group that spans input batches, piece by piece: pieces are held while the
 * reservation grows, and once it cannot, everything goes to a spill file.
 */
export class GroupBuilder {
  private pieces: ColumnBatch[] = [];
  private file: SpillFile | null = null;
  private rows = 0;
  private reserved = 0;

  constructor(
    private readonly schema: StructType,
    private readonly ctx: ExecContext,
    private readonly memory: MemoryReservation,
  ) {}

  /** Adds the next piece of the group (rows in key order). */
  async add(piece: ColumnBatch): Promise<void> {
    if (piece.numRows === 0) return;
    this.rows += piece.numRows;
    if (this.file !== null) {
      await this.file.write(piece);
      return;
    }
    // Held until the group is complete, then concatenated: twice its size at the peak.
    const cost = 2 * batchByteSize(piece);
    if (this.memory.tryGrow(cost)) {
      this.reserved += cost;
      this.pieces.push(piece);
      return;
    }
    this.file = await SpillFile.create(this.ctx.conf, "smj-group");
    for (const p of this.pieces) await this.file.write(p);
    await this.file.write(piece);
    this.pieces = [];
    this.memory.shrink(this.reserved);
    this.reserved = 0;
  }

  /** The finished group. */
  async finish(keys: readonly Vector[], keyRow: number, matchedFlags: boolean): Promise<BufferedGroup> {
    if (this.file !== null) {
      await this.file.finish();
      return {
        source: null,
        start: 0,
        end: 0,
        spill: this.file,
        rows: this.rows,
        keys,
        keyRow,
        ownSource: true,
        reserved: 0,
        matched: matchedFlags ? new Uint8Array(this.rows) : null,
        releaseSource: false,
      };
    }
    const source = concatBatches(this.schema, this.pieces);
    this.pieces = [];
    return { source, start: 0, end: source.numRows, spill: null, rows: source.numRows, keys, keyRow, ownSource: true, reserved: this.reserved, matched: null, releaseSource: false };
  }
}
