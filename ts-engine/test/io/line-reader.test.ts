import { writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { FileSplit, FileStatus } from "../../src/io/file-split.js";
import { splitLines } from "../../src/io/line-reader.js";
import { tempDir } from "../temp-dir.js";

const dir = tempDir("line-reader-");
const dec = new TextDecoder();

function file(name: string, bytes: Uint8Array | string): FileStatus {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  const size = typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.length;
  return { path: p, size, modificationTime: 0, partitionValues: [] };
}

async function lines(split: FileSplit, sep: string | null = null): Promise<string[]> {
  const out: string[] = [];
  for await (const c of splitLines(split, sep === null ? null : new TextEncoder().encode(sep))) {
    for (let i = 0; i < c.count; i++) out.push(dec.decode(c.bytes.subarray(c.starts[i]!, c.ends[i]!)));
  }
  return out;
}

/** Every line of a file read through `k`-byte splits, in split order. */
async function bySplits(f: FileStatus, k: number, sep: string | null = null): Promise<string[]> {
  const out: string[] = [];
  for (let s = 0; s < f.size; s += k) out.push(...(await lines({ file: f, start: s, length: Math.min(k, f.size - s) }, sep)));
  return out;
}

describe("splitLines", () => {
  it("ends lines at \\n, \\r\\n and \\r and keeps a last line without terminator", async () => {
    const f = file("mixed.txt", "a\nbb\r\nccc\rdd\n\nlast");
    expect(await lines({ file: f, start: 0, length: f.size })).toEqual(["a", "bb", "ccc", "dd", "", "last"]);
  });

  it("gives every line to exactly one split, whatever the split size", async () => {
    const text = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? "" : `line-${i}`)).join(i_sep()) + "\r\n";
    const f = file("many.txt", text);
    const whole = await lines({ file: f, start: 0, length: f.size });
    for (const k of [1, 2, 3, 7, 64, 1000]) expect(await bySplits(f, k)).toEqual(whole);
  });

  it("splits at a multi-byte separator that straddles split boundaries", async () => {
    // a separator that cannot overlap itself: where one occurrence starts is never ambiguous
    const f = file("sep.txt", "x#;y#;#;z#;");
    const whole = await lines({ file: f, start: 0, length: f.size }, "#;");
    expect(whole).toEqual(["x", "y", "", "z"]);
    for (const k of [1, 2, 3, 5]) expect(await bySplits(f, k, "#;")).toEqual(whole);
  });

  it("reads a gzip file whole by its extension", async () => {
    const f = file("z.txt.gz", gzipSync(Buffer.from("one\ntwo\n")));
    expect(await lines({ file: f, start: 0, length: f.size })).toEqual(["one", "two"]);
  });

  it("fails on a truncated gzip file", async () => {
    const full = gzipSync(Buffer.from("x".repeat(10_000)));
    const f = file("cut.txt.gz", full.subarray(0, full.length - 20));
    await expect(lines({ file: f, start: 0, length: f.size })).rejects.toThrow();
  });
});

/** Mixed terminators, cycling so that \r\n pairs fall on split boundaries. */
function i_sep(): string {
  return "\n";
}
