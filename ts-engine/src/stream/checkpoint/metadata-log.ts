import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** The version line every log file starts with (Spark's HDFSMetadataLog "v1"). */
export const LOG_VERSION = "v1";

/**
 * A directory of numbered files, one per batch (Spark's HDFSMetadataLog): file `N` holds
 * the `v1` line and then the batch's entries, one JSON text per line. A file is written to a
 * hidden temporary name and renamed into place, so a reader never sees half of one, and a
 * batch id already written is never overwritten (a second writer of the same batch fails).
 */
export class MetadataLog {
  constructor(readonly dir: string) {}

  /** Writes batch `batchId`'s lines; false when the batch was already there (nothing written). */
  async add(batchId: number, lines: readonly string[]): Promise<boolean> {
    await mkdir(this.dir, { recursive: true });
    const target = path.join(this.dir, String(batchId));
    if ((await readFile(target).catch(() => undefined)) !== undefined) return false;
    const tmp = path.join(this.dir, `.${batchId}.${process.pid}.${Date.now()}.tmp`);
    await writeFile(tmp, [LOG_VERSION, ...lines].join("\n"));
    await rename(tmp, target);
    return true;
  }

  /** Batch `batchId`'s entry lines (without the version line); undefined when it was never written. */
  async get(batchId: number): Promise<string[] | undefined> {
    const text = await readFile(path.join(this.dir, String(batchId)), "utf8").catch(() => undefined);
    if (text === undefined) return undefined;
    const [version, ...lines] = text.split("\n");
    if (version !== LOG_VERSION) throw new Error(`${path.join(this.dir, String(batchId))}: unsupported log version ${JSON.stringify(version)}`);
    return lines;
  }

  /** The batch ids written, ascending. */
  async batchIds(): Promise<number[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names.filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  }

  /** The newest batch id, or undefined for an empty log. */
  async latestId(): Promise<number | undefined> {
    const ids = await this.batchIds();
    return ids[ids.length - 1];
  }
}
