import type { ColumnBatch } from "../columnar/batch.js";
import type { BatchSegment } from "./protocol/encode-batch.js";

/** Rows per result chunk before size adaptation (bridge/PROTOCOL.md, Flow control). */
export const DEFAULT_CHUNK_ROWS = 4096;
/** Target encoded size of one chunk. */
export const TARGET_CHUNK_BYTES = 1 << 20;
/**
 * Arrow chunks are bigger: each IPC stream carries a schema and per-chunk overhead on the
 * client (open_stream, concat), so bulk transfer (toPandas) wants fewer, larger chunks.
 */
export const ARROW_CHUNK_ROWS = 65536;
export const ARROW_TARGET_CHUNK_BYTES = 8 << 20;

/**
 * Cuts a stream of batches into chunks of at most `chunkRows` rows without copying
 * (a chunk is a list of row ranges), and shrinks `chunkRows` when chunks encode larger
 * than the target (~1 MiB for rows), so wide rows still make bounded messages.
 */
export class Chunker {
  private pending: BatchSegment[] = [];
  private pendingRows = 0;

  constructor(
    private chunkRows = DEFAULT_CHUNK_ROWS,
    private readonly targetBytes = TARGET_CHUNK_BYTES,
  ) {}

  /** Adds a batch; returns the chunks it completed. */
  push(batch: ColumnBatch): BatchSegment[][] {
    const out: BatchSegment[][] = [];
    let start = 0;
    while (start < batch.numRows) {
      const take = Math.min(batch.numRows - start, this.chunkRows - this.pendingRows);
      this.pending.push({ batch, start, end: start + take });
      this.pendingRows += take;
      start += take;
      if (this.pendingRows >= this.chunkRows) out.push(this.take());
    }
    return out;
  }

  /** The last, partial chunk, if any rows remain. */
  flush(): BatchSegment[] | undefined {
    return this.pendingRows > 0 ? this.take() : undefined;
  }

  /** Tells the chunker how large a chunk of `rows` rows encoded. */
  observe(rows: number, bytes: number): void {
    if (bytes > this.targetBytes && rows > 1) {
      this.chunkRows = Math.max(1, Math.floor((rows * this.targetBytes) / bytes));
    }
  }

  private take(): BatchSegment[] {
    const chunk = this.pending;
    this.pending = [];
    this.pendingRows = 0;
    return chunk;
  }
}

/** Rows in a chunk. */
export function chunkRows(chunk: readonly BatchSegment[]): number {
  let n = 0;
  for (const s of chunk) n += s.end - s.start;
  return n;
}
