import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hadoopTextSplits, listHadoopInputs, wholeFileGroups } from "../../src/io/hadoop-input-splits.js";
import { splitLines } from "../../src/io/line-reader.js";
import type { FileSplit } from "../../src/io/file-split.js";
import { FUZZ_SEED, FuzzRandom } from "../fuzz-seed.js";
import { tempDir } from "../temp-dir.js";

const text = new TextDecoder();

/** Lines (without line terminators) of each split, as a textFile task reads them. */
async function readSplits(splits: readonly FileSplit[]): Promise<string[][]> {
  const parts: string[][] = [];
  for (const sp of splits) {
    const lines: string[] = [];
    for await (const c of splitLines(sp, null)) for (let i = 0; i < c.count; i++) lines.push(text.decode(c.bytes.subarray(c.starts[i]!, c.ends[i]!)));
    parts.push(lines);
  }
  return parts;
}

/** Lines without terminators (\n, \r\n, \r), a final terminator not starting an empty line. */
function linesOf(t: string): string[] {
  if (t === "") return [];
  const lines = t.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

describe("sc.textFile's input splits (Hadoop's FileInputFormat)", () => {
  it("reads a file of 300k lines in 3 splits of about a third each", async () => {
    const dir = tempDir("tspark-textfile-");
    const file = path.join(dir, "big.txt");
    const n = 300_000;
    writeFileSync(file, Array.from({ length: n }, (_, i) => `line ${i}`).join("\n") + "\n");
    const parts = await readSplits(hadoopTextSplits(await listHadoopInputs(file), 3));
    expect(parts).toHaveLength(3);
    const all = parts.flat();
    expect(all).toHaveLength(n);
    expect(all[0]).toBe("line 0");
    expect(all[n - 1]).toBe(`line ${n - 1}`);
    for (const p of parts) expect(Math.abs(p.length - n / 3)).toBeLessThan(n / 30);
  });

  it(`cuts files into splits that hold every line once, in order (seed ${FUZZ_SEED})`, async () => {
    const rnd = new FuzzRandom(FUZZ_SEED);
    const pick = (n: number): number => rnd.next() % n;
    const ends = ["\n", "\r\n", "\r"];
    for (let round = 0; round < 40; round++) {
      const dir = tempDir("tspark-splits-");
      const byFile = new Map<string, string[]>();
      const files = 1 + pick(4);
      for (let f = 0; f < files; f++) {
        const lines = Array.from({ length: pick(30) }, () => "é".repeat(pick(3)) + "x".repeat(pick(12)));
        let t = "";
        lines.forEach((l, i) => (t += l + (i < lines.length - 1 || pick(2) === 0 ? ends[pick(3)]! : "")));
        writeFileSync(path.join(dir, `part-${f}.txt`), t);
        byFile.set(path.join(dir, `part-${f}.txt`), linesOf(t));
      }
      const n = 1 + pick(12);
      const listed = await listHadoopInputs(dir);
      const splits = hadoopTextSplits(listed, n);
      // every non-empty file is at least one split; more when the goal size cuts it
      expect(splits.length, `round ${round}`).toBeGreaterThanOrEqual(listed.filter((f) => f.size > 0).length);
      const expected = listed.flatMap((f) => byFile.get(f.path)!);
      expect((await readSplits(splits)).flat(), `round ${round}, ${n} partitions`).toEqual(expected);
    }
  });

  it("splits on \\n, \\r\\n and \\r and drops only a final empty line", async () => {
    const dir = tempDir("tspark-ends-");
    writeFileSync(path.join(dir, "a.txt"), "a\r\nb\rc\n\nd\n");
    writeFileSync(path.join(dir, "b.txt"), "");
    expect((await readSplits(hadoopTextSplits(await listHadoopInputs(dir), 1))).flat()).toEqual(["a", "b", "c", "", "d"]);
  });

  it("plans splits from file sizes only, as Hadoop's getSplits: goal size, 1.1 slop, one file per split", async () => {
    const dir = tempDir("tspark-plan-");
    writeFileSync(path.join(dir, "a.txt"), "0123456789");
    writeFileSync(path.join(dir, "b.txt"), "abcdefghij");
    writeFileSync(path.join(dir, "_SUCCESS"), "");
    writeFileSync(path.join(dir, ".hidden"), "x");
    // a directory lists in readdir order, as Spark's Hadoop listing does: sort here to compare
    const files = (await listHadoopInputs(dir)).sort((a, b) => (a.path < b.path ? -1 : 1));
    const shape = (n: number): [string, number, number][] => hadoopTextSplits(files, n).map((s) => [path.basename(s.file.path), s.start, s.start + s.length]);
    expect(shape(4)).toEqual([
      ["a.txt", 0, 5],
      ["a.txt", 5, 10],
      ["b.txt", 0, 5],
      ["b.txt", 5, 10],
    ]);
    // goal 6: 10/6 > 1.1 cuts once; the 4 left are the last split (Spark gives 4 partitions for minPartitions 3)
    expect(shape(3)).toEqual([
      ["a.txt", 0, 6],
      ["a.txt", 6, 10],
      ["b.txt", 0, 6],
      ["b.txt", 6, 10],
    ]);
    // goal 10: 10/10 = 1 is within the slop, one split per file
    expect(shape(2)).toHaveLength(2);
    expect(shape(1)).toHaveLength(2);
  });

  it("keeps a compressed file as one split and gives an empty file none (ignoreEmptySplits)", async () => {
    const dir = tempDir("tspark-plan-gz-");
    writeFileSync(path.join(dir, "a.txt.gz"), Buffer.alloc(1000));
    writeFileSync(path.join(dir, "b.txt"), "");
    const splits = hadoopTextSplits(await listHadoopInputs(dir), 8);
    expect(splits.map((s) => [path.basename(s.file.path), s.start, s.length])).toEqual([["a.txt.gz", 0, 1000]]);
  });

  it("lists comma-separated paths and globs, and rejects a subdirectory and a missing path", async () => {
    const dir = tempDir("tspark-list-");
    writeFileSync(path.join(dir, "x1.txt"), "1\n");
    writeFileSync(path.join(dir, "x2.txt"), "2\n");
    writeFileSync(path.join(dir, "y.log"), "3\n");
    const got = await listHadoopInputs(`${path.join(dir, "x*.txt")},${path.join(dir, "y.log")}`);
    expect(got.map((f) => path.basename(f.path))).toEqual(["x1.txt", "x2.txt", "y.log"]); // a glob's matches are sorted
    await expect(listHadoopInputs(path.join(dir, "nope.txt"))).rejects.toThrow(/PATH_NOT_FOUND/);
    mkdirSync(path.join(dir, "sub"));
    await expect(listHadoopInputs(dir)).rejects.toThrow(/Not a file: file:.*sub/);
  });

  it("packs whole files into groups of at least total / minPartitions bytes", () => {
    const f = (name: string, size: number) => ({ path: name, size, modificationTime: 0, partitionValues: [] });
    const files = [f("a", 10), f("b", 10), f("c", 30), f("d", 5), f("e", 5)];
    // total 60, minPartitions 3: groups close once they reach 20 bytes
    expect(wholeFileGroups(files, 3).map((g) => g.map((x) => x.path))).toEqual([["a", "b"], ["c"], ["d", "e"]]);
    expect(wholeFileGroups(files, 1)).toHaveLength(1);
    expect(wholeFileGroups([], 2)).toEqual([]);
  });
});
