import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planTextSplits, readTextPartitions, splitLines } from "../../src/rdd/text-file.js";
import { FUZZ_SEED, FuzzRandom } from "../fuzz-seed.js";

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

  it(`cuts files into byte ranges whose partitions hold every line once, in order (seed ${FUZZ_SEED})`, async () => {
    const rnd = new FuzzRandom(FUZZ_SEED);
    const pick = (n: number): number => rnd.next() % n;
    const ends = ["\n", "\r\n", "\r"];
    for (let round = 0; round < 40; round++) {
      const dir = mkdtempSync(path.join(tmpdir(), "tspark-splits-"));
      const expected: string[] = [];
      const files = 1 + pick(4);
      for (let f = 0; f < files; f++) {
        const lines = Array.from({ length: pick(30) }, () => "é".repeat(pick(3)) + "x".repeat(pick(12)));
        let text = "";
        lines.forEach((l, i) => (text += l + (i < lines.length - 1 || pick(2) === 0 ? ends[pick(3)]! : "")));
        writeFileSync(path.join(dir, `part-${f}.txt`), text);
        for (const l of splitLines(text)) expected.push(l);
      }
      const n = 1 + pick(12);
      const parts = await readTextPartitions(dir, n);
      expect(parts, `round ${round}, ${n} partitions`).toHaveLength(n);
      expect(parts.flat(), `round ${round}, ${n} partitions`).toEqual(expected);
    }
  });

  it("plans splits from file sizes only: equal byte ranges, one segment per file touched", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tspark-plan-"));
    writeFileSync(path.join(dir, "a.txt"), "0123456789");
    writeFileSync(path.join(dir, "b.txt"), "abcdefghij");
    writeFileSync(path.join(dir, "_SUCCESS"), "");
    const plan = await planTextSplits(dir, 4);
    expect(plan.map((segs) => segs.map((s) => [path.basename(s.path), s.start, s.end]))).toEqual([
      [["a.txt", 0, 5]],
      [["a.txt", 5, 10]],
      [["b.txt", 0, 5]],
      [["b.txt", 5, 10]],
    ]);
    expect((await planTextSplits(dir, 3)).map((segs) => segs.length)).toEqual([1, 2, 1]);
  });
});
