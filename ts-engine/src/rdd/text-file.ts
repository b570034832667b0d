import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { SparkException } from "../errors/spark-exception.js";

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
 * `sc.textFile`: all lines, split into `minPartitions` contiguous partitions of about
 * equal byte size (Spark splits files by byte ranges; line order is kept).
 */
export async function readTextPartitions(p: string, minPartitions: number): Promise<string[][]> {
  const lines: string[] = [];
  for (const f of await inputFiles(p)) {
    // One push per line: spreading a file's lines into one call overflows the stack past ~100k.
    for (const line of splitLines(await readFile(f, "utf8"))) lines.push(line);
  }
  const total = lines.reduce((s, l) => s + l.length + 1, 0);
  const parts: string[][] = Array.from({ length: minPartitions }, () => []);
  let acc = 0;
  for (const line of lines) {
    const idx = Math.min(minPartitions - 1, Math.floor((acc * minPartitions) / Math.max(1, total)));
    parts[idx]!.push(line);
    acc += line.length + 1;
  }
  return parts;
}
