import { randomUUID } from "node:crypto";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { AnalysisException } from "../../errors/spark-exception.js";
import type { ExecContext } from "../../exec/exec-context.js";
import { localPath } from "../../io/file-index.js";
import { hidden } from "../../io/file-index.js";
import { SINK_METADATA_DIR } from "../../io/file-sink-log.js";
import type { ParsedPlan } from "../../plan/parsed-plan.js";
import { MetadataLog } from "../checkpoint/metadata-log.js";
import type { OutputMode } from "../output-mode.js";
import type { StreamOptions } from "../sources/stream-options.js";
import type { StreamSink } from "./stream-sink.js";

/** Writes a plan's rows as files of `format` into a new directory (engine/save-to-path's saveToPath). */
export type WriteDir = (plan: ParsedPlan, format: string, dir: string, options: StreamOptions, partitionBy: readonly string[], ctx: ExecContext) => Promise<void>;

/** The data files under `dir`, relative to it (hidden names skipped). */
async function dataFiles(dir: string, rel = ""): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    if (hidden(e.name)) continue;
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...(await dataFiles(dir, r)));
    else out.push(r);
  }
  return out;
}

/**
 * `writeStream.format(parquet|json|csv|text).option("path", p)`: each batch is written by the
 * batch writer into a staging directory, its files moved into `p`, and then listed in
 * `p/_spark_metadata/<batchId>` (Spark's FileStreamSink and its ManifestFileCommitProtocol).
 * The log entry is the commit: batch reads of `p` see only logged files, and a replayed batch
 * that is already logged writes nothing, so each row lands exactly once.
 */
export class FileStreamSink implements StreamSink {
  readonly description: string;
  private readonly dir: string;
  private readonly log: MetadataLog;

  constructor(private readonly format: string, outPath: string, private readonly options: StreamOptions, private readonly partitionBy: readonly string[], private readonly write: WriteDir) {
    this.dir = localPath(outPath);
    this.description = `FileSink[${outPath}]`;
    this.log = new MetadataLog(path.join(this.dir, SINK_METADATA_DIR));
  }

  supports(mode: OutputMode): boolean {
    return mode === "append";
  }

  /** Spark's error for a mode the file sink refuses. */
  unsupported(mode: OutputMode): AnalysisException {
    return new AnalysisException("STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE", { outputMode: mode, className: this.format });
  }

  async addBatch(batchId: number, plan: ParsedPlan, _mode: OutputMode, ctx: ExecContext): Promise<number> {
    if ((await this.log.get(batchId)) !== undefined) return 0;
    const staging = path.join(this.dir, "_temporary", `batch-${batchId}-${randomUUID()}`);
    await this.write(plan, this.format, staging, this.options, this.partitionBy, ctx);
    const lines: string[] = [];
    for (const rel of await dataFiles(staging)) {
      const target = path.join(this.dir, rel);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(path.join(staging, rel), target);
      const st = await stat(target);
      lines.push(JSON.stringify({ path: `file://${target}`, size: st.size, isDir: false, modificationTime: Math.floor(st.mtimeMs), blockReplication: 1, blockSize: 33554432, action: "add" }));
    }
    await this.log.add(batchId, lines);
    await rm(staging, { recursive: true, force: true });
    return -1;
  }
}
