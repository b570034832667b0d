import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { SparkException } from "../errors/spark-exception.js";
import { readSegment, type TextSegment } from "../python/text-split.js";

/** Files a textFile path names: the file itself, or a directory's visible files in name order (as Hadoop lists them). */
async function inputFiles(p: string): Promise<string[]> {
  const local = p.startsWith("file://") ? p.slice("file://".length) : p;
  const st = await stat(local).catch(() => null);
  if (st === null) {
    throw new SparkException("AnalysisException", "PATH_NOT_FOUND", { message: `Path does not exist: file:${local}.` });
  }
  if (!st.isDirectory()) return [local];
  const names = (await readdir(local)).filter((n) => !n.startsWith(".") && !n.startsWith("_")).sort();
  return names.map((n) => path.join(local, n));
}

/** Lines without terminators (\n, \r\n, \r), as Hadoop's LineRecordReader gives them. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * `sc.textFile`'s partitions as byte ranges, planned from the files' sizes only: the
 * files' bytes in order cut into `minPartitions` contiguous ranges of equal size (each
 * range as one segment per file it touches). The client counts on exactly
 * `minPartitions` partitions (getNumPartitions); a task reads its own segments.
 */
export async function planTextSplits(p: string, minPartitions: number): Promise<TextSegment[][]> {
  const files: { path: string; size: number }[] = [];
  for (const f of await inputFiles(p)) files.push({ path: f, size: (await stat(f)).size });
  const total = files.reduce((s, f) => s + f.size, 0);
  const bound = (k: number): number => Math.floor((k * total) / minPartitions);
  return Array.from({ length: minPartitions }, (_, k) => {
    const [lo, hi] = [bound(k), bound(k + 1)];
    const segs: TextSegment[] = [];
    let off = 0;
    for (const f of files) {
      const start = Math.max(lo, off) - off;
      const end = Math.min(hi, off + f.size) - off;
      if (start < end) segs.push({ path: f.path, start, end, size: f.size });
      off += f.size;
    }
    return segs;
  });
}

/**
 * `sc.textFile`'s partitions read here as lines (without line terminators), in order:
 * the same split plan and per-segment reads a task does, for callers on one thread.
 */
export async function readTextPartitions(p: string, minPartitions: number): Promise<string[][]> {
  const parts: string[][] = [];
  for (const segs of await planTextSplits(p, minPartitions)) {
    const lines: string[] = [];
    for (const seg of segs) {
      // One push per line: spreading a file's lines into one call overflows the stack past ~100k.
      for (const line of splitLines(Buffer.from(await readSegment(seg)).toString("utf8"))) lines.push(line);
    }
    parts.push(lines);
  }
  return parts;
}
