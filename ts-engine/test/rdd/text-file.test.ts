import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readTextPartitions, splitLines } from "../../src/rdd/text-file.js";

describe("textFile reader", () => {
  it("reads a file of 300k lines (spreading them into one push overflowed the stack)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tspark-textfile-"));
    const file = path.join(dir, "big.txt");
    const n = 300_000;
    writeFileSync(file, Array.from({ length: n }, (_, i) => `line ${i}`).join("\n") + "\n");
    const parts = await readTextPartitions(file, 3);
    expect(parts).toHaveLength(3);
    const all = parts.flat();
    expect(all).toHaveLength(n);
    expect(all[0]).toBe("line 0");
    expect(all[n - 1]).toBe(`line ${n - 1}`);
    // contiguous byte ranges: each partition holds about a third of the lines
    for (const p of parts) expect(Math.abs(p.length - n / 3)).toBeLessThan(n / 30);
  });

  it("splits on \\n, \\r\\n and \\r and drops only a final empty line", () => {
    expect(splitLines("a\r\nb\rc\n\nd\n")).toEqual(["a", "b", "c", "", "d"]);
    expect(splitLines("")).toEqual([]);
  });
});
