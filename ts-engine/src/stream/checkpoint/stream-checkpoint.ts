import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { MetadataLog } from "./metadata-log.js";

/*
 * A query's checkpoint directory, in Spark's layout (so that its files read the same):
 *
 *   metadata        {"id":"<query id>"} — one line, written when the query first starts; a
 *                   restart from the same directory keeps the id (a new runId each run)
 *   offsets/N       v1 · {"batchWatermarkMs":…,"batchTimestampMs":…,"conf":{…}} · one line per
 *                   source with the end offset of batch N (JSON). Written before batch N runs:
 *                   the write-ahead log that says which rows batch N holds
 *   commits/N       v1 · {"nextBatchWatermarkMs":…} — written once the sink committed batch N
 *   sources/<i>/N   what source i needs to replay batch N (the file source's files of batch N,
 *                   one {"path","timestamp","batchId"} per line; the rate source's start time in 0)
 *
 * A restart reads the newest offsets entry N: when commits/N exists the next batch is N+1 from
 * there, otherwise batch N runs again over the same offsets (so a sink sees each batch id with
 * the same rows however often it is replayed, and skips one it already committed).
 */

/** The offsets entry of one batch: its metadata line and each source's end offset. */
export interface OffsetEntry {
  readonly batchWatermarkMs: number;
  readonly batchTimestampMs: number;
  readonly conf: Readonly<Record<string, string>>;
  /** Each source's end offset (JSON text), in source order. */
  readonly offsets: readonly string[];
}

/** Where a (re)started query goes on from. */
export interface ResumePoint {
  /** The batch id to run next. */
  readonly nextBatchId: number;
  /** The committed end offsets (JSON text per source) that the next batch starts after; undefined before the first batch. */
  readonly committed: readonly string[] | undefined;
  /** A batch written to the offsets log but not committed: it runs again with these end offsets. */
  readonly pending: OffsetEntry | undefined;
  readonly watermarkMs: number;
}

/** The checkpoint directory of one query (see the layout above). */
export class StreamCheckpoint {
  readonly offsets: MetadataLog;
  readonly commits: MetadataLog;

  constructor(readonly dir: string) {
    this.offsets = new MetadataLog(path.join(dir, "offsets"));
    this.commits = new MetadataLog(path.join(dir, "commits"));
  }

  /** The directory of source `i`'s own log. */
  sourceDir(i: number): string {
    return path.join(this.dir, "sources", String(i));
  }

  /** The query id kept in `metadata`, written with `newId` when the directory has none. */
  async queryId(newId: string): Promise<string> {
    const file = path.join(this.dir, "metadata");
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text !== undefined) {
      const parsed: unknown = JSON.parse(text.split("\n")[0] ?? "{}");
      if (typeof parsed === "object" && parsed !== null && "id" in parsed && typeof parsed.id === "string") return parsed.id;
    }
    await mkdir(this.dir, { recursive: true });
    await writeFile(file, JSON.stringify({ id: newId }));
    return newId;
  }

  /** Whether any batch was ever planned here (the offsets log is not empty). */
  async hasOffsets(): Promise<boolean> {
    return (await this.offsets.latestId()) !== undefined;
  }

  /** Where a query started on this directory goes on from. */
  async resumePoint(): Promise<ResumePoint> {
    const last = await this.offsets.latestId();
    if (last === undefined) return { nextBatchId: 0, committed: undefined, pending: undefined, watermarkMs: 0 };
    const entry = await this.readOffsets(last);
    const committed = (await this.commits.get(last)) !== undefined;
    if (committed) return { nextBatchId: last + 1, committed: entry.offsets, pending: undefined, watermarkMs: entry.batchWatermarkMs };
    const before = last === 0 ? undefined : (await this.readOffsets(last - 1)).offsets;
    return { nextBatchId: last, committed: before, pending: entry, watermarkMs: entry.batchWatermarkMs };
  }

  /** Records batch `batchId`'s offsets (before it runs). */
  async writeOffsets(batchId: number, entry: OffsetEntry): Promise<void> {
    const meta = { batchWatermarkMs: entry.batchWatermarkMs, batchTimestampMs: entry.batchTimestampMs, conf: entry.conf };
    await this.offsets.add(batchId, [JSON.stringify(meta), ...entry.offsets]);
  }

  /** Records that batch `batchId` reached its sink. */
  async writeCommit(batchId: number, nextWatermarkMs: number): Promise<void> {
    await this.commits.add(batchId, [JSON.stringify({ nextBatchWatermarkMs: nextWatermarkMs })]);
  }

  private async readOffsets(batchId: number): Promise<OffsetEntry> {
    const lines = await this.offsets.get(batchId);
    if (lines === undefined || lines.length === 0) throw new Error(`${this.offsets.dir}/${batchId} is missing or empty`);
    const meta = JSON.parse(lines[0]!) as { batchWatermarkMs?: number; batchTimestampMs?: number; conf?: Record<string, string> };
    return {
      batchWatermarkMs: meta.batchWatermarkMs ?? 0,
      batchTimestampMs: meta.batchTimestampMs ?? 0,
      conf: meta.conf ?? {},
      offsets: lines.slice(1),
    };
  }
}
