import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One record of a .slt file (tests/sql/slt.py documents the format and records the files). */
export interface SltRecord {
  readonly kind: "statement" | "query";
  readonly sql: string;
  readonly expectError?: string;
  readonly rowsort: boolean;
  readonly rows?: readonly string[];
  readonly line: number;
}

/** tests/sql/ from ts-engine/. */
export const SLT_ROOT = join(import.meta.dirname, "..", "..", "..", "tests", "sql");

/** Every tests/sql/<topic>/<name>.slt, sorted, as "topic/name.slt". */
export function sltFiles(): string[] {
  const out: string[] = [];
  for (const topic of readdirSync(SLT_ROOT, { withFileTypes: true })) {
    if (!topic.isDirectory()) continue;
    for (const f of readdirSync(join(SLT_ROOT, topic.name))) if (f.endsWith(".slt")) out.push(`${topic.name}/${f}`);
  }
  return out.sort();
}

/** The records of a file (header comments skipped). */
export function parseSlt(rel: string): SltRecord[] {
  const lines = readFileSync(join(SLT_ROOT, rel), "utf8").split("\n");
  const out: SltRecord[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === "" || line.startsWith("#")) {
      i++;
      continue;
    }
    const start = i + 1;
    const words = line.split(/\s+/);
    i++;
    const body: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "" && lines[i] !== "----") body.push(lines[i++]!);
    const sql = body.join("\n");
    if (words[0] === "statement") {
      out.push(words[1] === "error" ? { kind: "statement", sql, expectError: words.slice(2).join(" "), rowsort: false, line: start } : { kind: "statement", sql, rowsort: false, line: start });
    } else {
      let rows: string[] | undefined;
      if (lines[i] === "----") {
        i++;
        rows = [];
        while (i < lines.length && lines[i] !== "") rows.push(lines[i++]!);
      }
      out.push({ kind: "query", sql, rowsort: words.includes("rowsort"), line: start, ...(rows === undefined ? {} : { rows }) });
    }
  }
  return out;
}
