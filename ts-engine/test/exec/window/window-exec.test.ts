import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functions as F, SparkSession, Window, type Column } from "../../../src/index.js";
import { tempDir } from "../../temp-dir.js";

// Every frame and function against a brute-force reference over the same rows: partition k,
// a unique order key o (so ROWS frames are deterministic), a tied key t for RANGE frames and
// ranking, values x with nulls. The rows span several shuffle partitions and several runs.
const spark = SparkSession.builder.appName("window-exec").config("spark.sql.shuffle.partitions", "3").getOrCreate();
afterAll(() => spark.stop());

interface R {
  readonly id: number;
  readonly k: number | null;
  readonly o: number;
  readonly t: number | null;
  readonly x: number | null;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeRows(n: number, parts: number, seed: number): R[] {
  const r = rng(seed);
  const rows: R[] = [];
  for (let id = 0; id < n; id++) {
    const kr = r();
    rows.push({
      id,
      k: kr < 0.05 ? null : Math.floor(r() * parts),
      o: id * 7919 % n,
      t: r() < 0.1 ? null : Math.floor(r() * 6),
      x: r() < 0.2 ? null : Math.round(r() * 100) - 30,
    });
  }
  return rows;
}

const rows = makeRows(3000, 37, 7);
const df = spark.createDataFrame(
  rows.map((x) => [x.id, x.k, x.o, x.t, x.x]),
  "id INT, k INT, o INT, t INT, x INT",
);

/** Rows of each partition in window order, by the key `key` (nulls first), ties by id. */
function partitions(key: (r: R) => number | null, desc = false): R[][] {
  const byK = new Map<number | null, R[]>();
  for (const r of rows) {
    const list = byK.get(r.k) ?? [];
    list.push(r);
    byK.set(r.k, list);
  }
  const cmp = (a: R, b: R): number => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? -1 : 1;
    return desc ? kb - ka : ka - kb;
  };
  return [...byK.values()].map((l) => l.sort(cmp));
}

type Frame = (p: R[], i: number) => R[];

/** Expected values by id for an aggregate over a frame. */
function expected(frame: Frame, agg: (xs: R[]) => unknown, key: (r: R) => number | null = (r) => r.o, desc = false): Map<number, unknown> {
  const out = new Map<number, unknown>();
  for (const p of partitions(key, desc)) p.forEach((r, i) => out.set(r.id, agg(frame(p, i))));
  return out;
}

const sum = (xs: R[]): number | null => (xs.some((r) => r.x !== null) ? xs.reduce((s, r) => s + (r.x ?? 0), 0) : null);
const count = (xs: R[]): number => xs.filter((r) => r.x !== null).length;
const max = (xs: R[]): number | null => xs.reduce<number | null>((m, r) => (r.x === null ? m : m === null || r.x > m ? r.x : m), null);
const min = (xs: R[]): number | null => xs.reduce<number | null>((m, r) => (r.x === null ? m : m === null || r.x < m ? r.x : m), null);
const firstX = (xs: R[]): number | null => (xs.length === 0 ? null : xs[0]!.x);
const list = (xs: R[]): number[] => xs.filter((r) => r.x !== null).map((r) => r.x!);

const rowsFrame = (lo: number | null, hi: number | null): Frame => (p, i) => p.slice(lo === null ? 0 : Math.max(0, i + lo), hi === null ? p.length : Math.max(0, i + hi + 1));
/**
 * RANGE over key t (ascending, nulls first): rows whose t lies in [t_i + lo, t_i + hi]; the
 * null keys are peers of each other only, and lie inside an unbounded lower side.
 */
const rangeFrame = (lo: number | null, hi: number | null): Frame => (p, i) => {
  const me = p[i]!.t;
  const nulls = p.filter((r) => r.t === null);
  if (me === null) return hi === null ? p : nulls;
  return p.filter((r) => (r.t === null ? lo === null : (lo === null || r.t >= me + lo) && (hi === null || r.t <= me + hi)));
};

async function byId(c: Column): Promise<Map<number, unknown>> {
  const got = await df.select(F.col("id"), c.alias("w")).collect();
  return new Map(got.map((r) => [r.get(0) as number, r.get(1)]));
}

/** The suites below, run as configured by the caller (held in memory, or spilled). */
function frameSuites(): void {
  describe("WindowExec: aggregates over every frame", () => {
    const w = Window.partitionBy("k").orderBy("o");
    const cases: [string, Column, Map<number, unknown>][] = [
      ["running sum (default RANGE frame, unique key)", F.sum("x").over(w), expected(rowsFrame(null, 0), sum)],
      ["sliding sum over ROWS -2 … 1", F.sum("x").over(w.rowsBetween(-2, 1)), expected(rowsFrame(-2, 1), sum)],
      ["sliding max over ROWS -3 … 0", F.max("x").over(w.rowsBetween(-3, 0)), expected(rowsFrame(-3, 0), max)],
      ["min over ROWS 1 … unbounded following", F.min("x").over(w.rowsBetween(1, Window.unboundedFollowing)), expected(rowsFrame(1, null), min)],
      ["count over a frame ahead of the row (ROWS 2 … 5)", F.count("x").over(w.rowsBetween(2, 5)), expected(rowsFrame(2, 5), count)],
      ["first over ROWS -1 … 1 keeps order", F.first("x").over(w.rowsBetween(-1, 1)), expected(rowsFrame(-1, 1), firstX)],
      ["collect_list over ROWS -4 … -1 keeps order", F.collect_list("x").over(w.rowsBetween(-4, -1)), expected(rowsFrame(-4, -1), list)],
      ["sum over the whole partition", F.sum("x").over(Window.partitionBy("k")), expected(rowsFrame(null, null), sum)],
      // running frames (UNBOUNDED PRECEDING … a monotone end) take the registry's O(n) running kernels
      ["running count over ROWS unbounded … 2 following", F.count("x").over(w.rowsBetween(Window.unboundedPreceding, 2)), expected(rowsFrame(null, 2), count)],
      ["running count(*) over ROWS unbounded … current", F.count(F.lit(1)).over(w.rowsBetween(Window.unboundedPreceding, 0)), expected(rowsFrame(null, 0), (xs) => xs.length)],
      ["running sum over a frame that ends before the row (ROWS unbounded … -1)", F.sum("x").over(w.rowsBetween(Window.unboundedPreceding, -1)), expected(rowsFrame(null, -1), sum)],
      ["running max over ROWS unbounded … current", F.max("x").over(w.rowsBetween(Window.unboundedPreceding, 0)), expected(rowsFrame(null, 0), max)],
      ["running min over ROWS unbounded … 1 following", F.min("x").over(w.rowsBetween(Window.unboundedPreceding, 1)), expected(rowsFrame(null, 1), min)],
      ["running avg over the default frame", F.avg("x").over(w), expected(rowsFrame(null, 0), (xs) => { const c = count(xs); return c === 0 ? null : sum(xs)! / c; })],
      ["running first (no running kernel: the segment tree)", F.first("x", true).over(w), expected(rowsFrame(null, 0), (xs) => xs.find((r) => r.x !== null)?.x ?? null)],
    ];
    for (const [name, col, want] of cases) {
      it(name, async () => {
        expect(await byId(col)).toEqual(want);
      });
    }

    it("sums over RANGE frames of a tied key, with null keys among their peers", async () => {
      const wt = Window.partitionBy("k").orderBy("t");
      expect(await byId(F.sum("x").over(wt))).toEqual(expected(rangeFrame(null, 0), sum, (r) => r.t));
      expect(await byId(F.sum("x").over(wt.rangeBetween(-1, 2)))).toEqual(expected(rangeFrame(-1, 2), sum, (r) => r.t));
      expect(await byId(F.max("x").over(wt.rangeBetween(0, Window.unboundedFollowing)))).toEqual(expected(rangeFrame(0, null), max, (r) => r.t));
    });
  });

  describe("WindowExec: running aggregates past the fast state", () => {
    it("a long running sum past 2^53 stays exact (the segment tree takes over)", async () => {
      const big = 2n ** 52n;
      const d = spark.createDataFrame([[1, 0, big], [1, 1, big], [1, 2, big], [1, 3, 5n], [2, 0, 7n]], "k INT, o INT, v BIGINT");
      const got = await d.select(F.col("k"), F.col("o"), F.sum("v").over(Window.partitionBy("k").orderBy("o")).alias("s")).orderBy("k", "o").collect();
      expect(got.map((r) => BigInt(r.get(2) as number | bigint))).toEqual([big, 2n * big, 3n * big, 3n * big + 5n, 7n]);
    });

    it("a running double sum adds in row order, as Spark's running frame", async () => {
      const d = spark.createDataFrame([[0, 0.1], [1, 0.2], [2, 0.3], [3, 1e16], [4, 1.0]], "o INT, v DOUBLE");
      const got = await d.select(F.sum("v").over(Window.orderBy("o")).alias("s")).collect();
      let s = 0;
      const want = [0.1, 0.2, 0.3, 1e16, 1.0].map((x) => (s += x));
      expect(got.map((r) => r.get(0))).toEqual(want);
    });
  });

  describe("WindowExec: ranking and offset functions", () => {
    const wt = Window.partitionBy("k").orderBy("t");
    const ranks = (f: (p: R[], i: number) => unknown): Map<number, unknown> => {
      const out = new Map<number, unknown>();
      for (const p of partitions((r) => r.t)) p.forEach((r, i) => out.set(r.id, f(p, i)));
      return out;
    };
    const firstPeer = (p: R[], i: number): number => p.findIndex((r) => r.t === p[i]!.t);
    const lastPeer = (p: R[], i: number): number => p.length - 1 - [...p].reverse().findIndex((r) => r.t === p[i]!.t);

    it("rank, dense_rank, percent_rank and cume_dist follow peer groups", async () => {
      expect(await byId(F.rank().over(wt))).toEqual(ranks((p, i) => firstPeer(p, i) + 1));
      expect(await byId(F.dense_rank().over(wt))).toEqual(ranks((p, i) => new Set(p.slice(0, i + 1).map((r) => r.t)).size));
      expect(await byId(F.percent_rank().over(wt))).toEqual(ranks((p, i) => (p.length === 1 ? 0 : firstPeer(p, i) / (p.length - 1))));
      expect(await byId(F.cume_dist().over(wt))).toEqual(ranks((p, i) => (lastPeer(p, i) + 1) / p.length));
    });

    it("row_number, ntile, lag, lead and nth_value follow the row order", async () => {
      const w = Window.partitionBy("k").orderBy("o");
      const byO = (f: (p: R[], i: number) => unknown): Map<number, unknown> => {
        const out = new Map<number, unknown>();
        for (const p of partitions((r) => r.o)) p.forEach((r, i) => out.set(r.id, f(p, i)));
        return out;
      };
      expect(await byId(F.row_number().over(w))).toEqual(byO((_p, i) => i + 1));
      const ntile = (p: R[], i: number, k: number): number => {
        const base = Math.floor(p.length / k);
        const extra = p.length % k;
        return i < (base + 1) * extra ? Math.floor(i / (base + 1)) + 1 : extra + Math.floor((i - (base + 1) * extra) / base) + 1;
      };
      expect(await byId(F.ntile(4).over(w))).toEqual(byO((p, i) => ntile(p, i, 4)));
      expect(await byId(F.lag("x", 2, -1).over(w))).toEqual(byO((p, i) => (i >= 2 ? p[i - 2]!.x : -1)));
      expect(await byId(F.lead("x").over(w))).toEqual(byO((p, i) => (i + 1 < p.length ? p[i + 1]!.x : null)));
      expect(await byId(F.nth_value("x", 3).over(w))).toEqual(byO((p, i) => (i >= 2 ? p[2]!.x : null)));
      expect(await byId(F.nth_value("x", 2, true).over(w))).toEqual(byO((p, i) => p.slice(0, i + 1).filter((r) => r.x !== null)[1]?.x ?? null));
    });
  });
}

describe("held in memory", () => frameSuites());

// Every window partition past 8 rows spills (issue 9 §1): blocks of 8 rows read back in chunks of
// 32 with their halos, peer groups and frames cut across blocks, the same answers.
describe("spilled (spark.sql.windowExec.buffer.spill.threshold = 8)", () => {
  const dir = tempDir("window-spill-api");
  beforeAll(() => {
    spark.conf.set("spark.sql.windowExec.buffer.spill.threshold", "8");
    spark.conf.set("spark.local.dir", dir);
  });
  afterAll(() => {
    spark.conf.unset("spark.sql.windowExec.buffer.spill.threshold");
    spark.conf.unset("spark.local.dir");
  });
  frameSuites();
  it("went through spark.local.dir, and left no spill file there", () => {
    const spillDirs = fs.readdirSync(dir);
    expect(spillDirs.length).toBeGreaterThan(0);
    expect(spillDirs.flatMap((d) => fs.readdirSync(path.join(dir, d)))).toEqual([]);
  });
});
