import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { ParsedPlan } from "../../plan/parsed-plan.js";
import type { StructType } from "../../types/data-type.js";
import { hidden, localPath, qualified } from "../../io/file-index.js";
import { MetadataLog } from "../checkpoint/metadata-log.js";
import { emptyRelation, type StreamSource } from "./stream-source.js";
import { boolOption, longOption, optionOf, type StreamOptions } from "./stream-options.js";

/** One file of the source's log (Spark's FileEntry): its URI, modification time and batch. */
interface FileEntry {
  readonly path: string;
  readonly timestamp: number;
  readonly batchId: number;
}

/** The data files under `dir` (hidden names skipped, as batch reads skip them), with modification times. */
async function listDataFiles(dir: string): Promise<{ path: string; mtime: number }[]> {
  const out: { path: string; mtime: number }[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (hidden(e.name)) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push({ path: p, mtime: Math.floor((await stat(p)).mtimeMs) });
    }
  };
  await walk(dir);
  return out;
}

function logOffset(offset: string | undefined): number {
  if (offset === undefined) return -1;
  const v = JSON.parse(offset) as { logOffset?: number };
  return Number(v.logOffset ?? -1);
}

/**
 * `readStream.format(csv|json|parquet|text).load(dir)`: each batch is the files that appeared in
 * the directory since the last one, read by the batch reader of the format with the same
 * options (Spark's FileStreamSource). The files of every batch are kept in the source's log
 * (`sources/<i>/<logOffset>`), so a file is read once, and a replayed batch reads the same files.
 * maxFilesPerTrigger caps a batch; latestFirst takes the newest files first.
 */
export class FileStreamSource implements StreamSource {
  readonly endless = false;
  readonly description: string;
  private readonly dir: string;
  private readonly maxFiles: number | undefined;
  private readonly latestFirst: boolean;
  private entries: FileEntry[] | undefined;
  private frozen: Set<string> | undefined;

  constructor(
    private readonly format: string,
    dirPath: string,
    readonly schema: StructType,
    private readonly options: StreamOptions,
    private readonly log: MetadataLog,
  ) {
    this.dir = localPath(dirPath);
    this.description = `FileStreamSource[${qualified(this.dir)}]`;
    const max = optionOf(options, "maxFilesPerTrigger");
    this.maxFiles = max === undefined ? undefined : longOption(options, "maxFilesPerTrigger", 0);
    this.latestFirst = boolOption(options, "latestFirst", false);
  }

  /** Every file the log holds (read once, then kept). */
  private async logged(): Promise<FileEntry[]> {
    if (this.entries !== undefined) return this.entries;
    const all: FileEntry[] = [];
    for (const id of await this.log.batchIds()) {
      for (const line of (await this.log.get(id)) ?? []) if (line.length > 0) all.push(JSON.parse(line) as FileEntry);
    }
    this.entries = all;
    return all;
  }

  async nextOffset(start: string | undefined, capped: boolean): Promise<string | undefined> {
    const entries = await this.logged();
    const after = logOffset(start);
    const latestLogged = (await this.log.latestId()) ?? -1;
    // a batch logged but never run (the query stopped in between) is the next one again
    if (latestLogged > after) return JSON.stringify({ logOffset: after + 1 });
    const seen = new Set(entries.map((e) => e.path));
    let fresh = (await listDataFiles(this.dir)).map((f) => ({ uri: `file://${f.path}`, mtime: f.mtime })).filter((f) => !seen.has(f.uri));
    if (this.frozen !== undefined) fresh = fresh.filter((f) => this.frozen!.has(f.uri));
    if (fresh.length === 0) return start;
    fresh.sort((a, b) => (this.latestFirst ? b.mtime - a.mtime : a.mtime - b.mtime) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    if (capped && this.maxFiles !== undefined) fresh = fresh.slice(0, Math.max(1, this.maxFiles));
    const id = latestLogged + 1;
    const added = fresh.map((f) => ({ path: f.uri, timestamp: f.mtime, batchId: id }));
    await this.log.add(id, added.map((e) => JSON.stringify(e)));
    entries.push(...added);
    return JSON.stringify({ logOffset: id });
  }

  async freezeAvailable(): Promise<void> {
    this.frozen = new Set((await listDataFiles(this.dir)).map((f) => `file://${f.path}`));
  }

  async planBatch(start: string | undefined, end: string): Promise<ParsedPlan> {
    const from = logOffset(start);
    const to = logOffset(end);
    const files = (await this.logged()).filter((e) => e.batchId > from && e.batchId <= to).map((e) => e.path);
    if (files.length === 0) return emptyRelation(this.schema);
    const options = this.options.filter(([k]) => !STREAM_ONLY.has(k.toLowerCase()));
    return { kind: "DataSource", format: this.format, paths: files, options, schema: this.schema };
  }
}

/** The file source's own options, which the batch reader does not take. */
const STREAM_ONLY = new Set(["maxfilespertrigger", "latestfirst", "maxfileage", "cleansource", "sourcearchivedir", "path"]);
