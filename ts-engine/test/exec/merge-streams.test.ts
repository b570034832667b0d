import { describe, expect, it } from "vitest";
import { mergeOrdered, mergeOrderedAhead, mergeUnordered } from "../../src/exec/exchange/merge-streams.js";

async function* gen(p: number, n: number, log?: string[]): AsyncGenerator<string> {
  try {
    for (let i = 0; i < n; i++) {
      await new Promise((r) => setImmediate(r));
      yield `${p}:${i}`;
    }
  } finally {
    log?.push(`closed ${p}`);
  }
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("merge streams", () => {
  it("ordered merge yields partition 0 first, then 1, … while running them concurrently", async () => {
    const out = await all(mergeOrdered(3, (p) => gen(p, 3 - p), 2));
    expect(out).toEqual(["0:0", "0:1", "0:2", "1:0", "1:1", "2:0"]);
  });

  it("unordered merge yields everything", async () => {
    const out = await all(mergeUnordered(4, (p) => gen(p, 5), 2));
    expect(out.sort()).toEqual(Array.from({ length: 4 }, (_, p) => Array.from({ length: 5 }, (_, i) => `${p}:${i}`)).flat().sort());
  });

  it("stopping early closes the producers", async () => {
    const log: string[] = [];
    for await (const x of mergeOrdered(5, (p) => gen(p, 1000, log), 2)) if (x === "0:3") break;
    await new Promise((r) => setTimeout(r, 20));
    expect(log.sort()).toEqual(["closed 0", "closed 1"]);
  });

  it("propagates a producer's error", async () => {
    async function* bad(): AsyncGenerator<string> {
      yield "x";
      throw new Error("boom");
    }
    await expect(all(mergeUnordered(2, () => bad(), 2))).rejects.toThrow("boom");
    await expect(all(mergeOrdered(2, () => bad(), 2))).rejects.toThrow("boom");
  });

  it("ordered-ahead runs only the stream being read and `ahead` after it, however slow the reader (toLocalIterator)", async () => {
    for (const ahead of [0, 1]) {
      const started: number[] = [];
      const make = (p: number): AsyncGenerator<string> => {
        started.push(p);
        return gen(p, 3);
      };
      const it = mergeOrderedAhead(6, make, ahead)[Symbol.asyncIterator]();
      expect((await it.next()).value).toBe("0:0");
      // a slow reader: the producers get every chance to run ahead
      await new Promise((r) => setTimeout(r, 30));
      expect(started).toEqual(ahead === 0 ? [0] : [0, 1]);
      const rest: string[] = [];
      for (let r = await it.next(); r.done !== true; r = await it.next()) {
        rest.push(r.value);
        // reading partition p: nothing past p + ahead has started
        const p = Number(r.value.split(":")[0]);
        expect(Math.max(...started)).toBeLessThanOrEqual(p + ahead);
      }
      expect(["0:0", ...rest]).toEqual(Array.from({ length: 6 }, (_, p) => Array.from({ length: 3 }, (_, i) => `${p}:${i}`)).flat());
    }
  });

  it("ordered-ahead stops its producers when the reader stops, and passes errors on", async () => {
    const log: string[] = [];
    for await (const x of mergeOrderedAhead(5, (p) => gen(p, 1000, log), 1)) if (x === "0:3") break;
    await new Promise((r) => setTimeout(r, 20));
    expect(log.sort()).toEqual(["closed 0", "closed 1"]);
    async function* bad(): AsyncGenerator<string> {
      yield "x";
      throw new Error("boom");
    }
    await expect(all(mergeOrderedAhead(3, () => bad(), 1))).rejects.toThrow("boom");
  });
});
