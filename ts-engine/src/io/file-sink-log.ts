import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The directory a streaming file sink keeps its log of committed files in (Spark's FileStreamSink.metadataDir). */
export const SINK_METADATA_DIR = "_spark_metadata";

/** One line of the sink log (Spark's SinkFileStatus). */
export interface SinkFileStatus {
  readonly path: string;
  readonly size: number;
  readonly isDir: boolean;
  readonly modificationTime: number;
  readonly blockReplication: number;
  readonly blockSize: number;
  readonly action: "add" | "delete";
}

/**
 * The files a streaming file sink committed under `dir` (local paths), or undefined when `dir`
 * holds no sink log. Batch reads of a sink's output see only these, as Spark's
 * MetadataLogFileIndex: a file written by a batch that never committed is not there.
 */
export async function committedSinkFiles(dir: string): Promise<string[] | undefined> {
  const logDir = path.join(dir, SINK_METADATA_DIR);
  const names = await readdir(logDir).catch(() => undefined);
  if (names === undefined) return undefined;
  const live = new Map<string, boolean>();
  const ids = names.filter((n) => /^\d+(\.compact)?$/.test(n)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  for (const n of ids) {
    const text = await readFile(path.join(logDir, n), "utf8");
    for (const line of text.split("\n").slice(1)) {
      if (line.trim().length === 0) continue;
      const st = JSON.parse(line) as SinkFileStatus;
      live.set(st.path, st.action === "add");
    }
  }
  const out: string[] = [];
  for (const [p, isLive] of live) {
    if (!isLive) continue;
    out.push(p.startsWith("file://") ? p.slice("file://".length) : p.startsWith("file:") ? p.slice("file:".length) : p);
  }
  return out;
}
