import { describe, expect, it } from "vitest";
import type { ColumnBatch } from "../../../src/columnar/batch.js";
import { batchToRows, concatBatches, sliceBatch } from "../../../src/columnar/rows.js";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import type { ExecContext } from "../../../src/exec/exec-context.js";
import type { ExecutionPlan } from "../../../src/exec/execution-plan.js";
import { HashJoinExec } from "../../../src/exec/join/hash-join-exec.js";
import { sortMergeFallbacks } from "../../../src/exec/join/sort-merge-fallback.js";
import { SortMergeJoinExec } from "../../../src/exec/join/sort-merge-join-exec.js";
import { mergeJoinStats } from "../../../src/exec/join/merge-join-stream.js";
import { LocalTableScanExec } from "../../../src/exec/local-table-scan-exec.js";
import { spillStats } from "../../../src/exec/memory/spill-file.js";
import { SortExec } from "../../../src/exec/sort/sort-exec.js";
import type { BoundRef, Expr, SortOrder } from "../../../src/expr/expr.js";
import type { JoinType } from "../../../src/plan/logical-plan.js";
import { BooleanType, LongType, StringType, structField, structType, type DataType, type StructType } from "../../../src/types/data-type.js";
import { testCtx } from "../../engine/helpers.js";
import { FuzzRandom, withFuzzSeed } from "../../fuzz-seed.js";

const ref = (ordinal: number, dataType: DataType): BoundRef => ({ kind: "BoundRef", ordinal, dataType, nullable: true, name: `c${ordinal}` });
const ls = structType([structField("k", LongType), structField("s", StringType), structField("v", LongType)]);
const rs = structType([structField("k2", LongType), structField("s2", StringType), structField("w", LongType)]);
const both = structType([...ls.fields, ...rs.fields]);
const JOIN_TYPES: readonly JoinType[] = ["inner", "left", "right", "full", "left_semi", "left_anti"];

/** Re-cuts a child's batches at random sizes, so equal-key groups run across batch edges. */
class Rechunk implements ExecutionPlan {
  readonly name = "Rechunk";
  readonly children: readonly ExecutionPlan[];
  constructor(
    readonly child: ExecutionPlan,
    private readonly seed: number,
    private readonly max: number,
  ) {
    this.children = [child];
  }
  get schema(): StructType {
    return this.child.schema;
  }
  numPartitions(): number {
    return 1;
  }
  explainDetail(): string {
    return "";
  }
  async *execute(partition: number, ctx: ExecContext): AsyncIterable<ColumnBatch> {
    const parts: ColumnBatch[] = [];
    for await (const b of this.child.execute(partition, ctx)) parts.push(b);
    const all = concatBatches(this.schema, parts);
    const rng = new FuzzRandom(this.seed);
    for (let o = 0; o < all.numRows; ) {
      const n = 1 + (rng.next() % this.max);
      yield sliceBatch(all, o, o + n);
      o += n;
    }
  }
}

async function rowsOf(p: ExecutionPlan, ctx: ExecContext): Promise<string[]> {
  const out: string[] = [];
  for await (const b of p.execute(0, ctx)) for (const r of batchToRows(b)) out.push(JSON.stringify(r));
  return out.sort();
}

const asc = (e: Expr): SortOrder => ({ kind: "SortOrder", child: e, ascending: true, nullsFirst: true });

interface Case {
  readonly left: unknown[][];
  readonly right: unknown[][];
  readonly twoKeys: boolean;
  readonly residual: boolean;
}

function randomSide(rng: FuzzRandom): unknown[][] {
  const n = rng.next() % 5 === 0 ? 0 : rng.next() % 200;
  const domain = 1 + (rng.next() % 40);
  const hot = rng.next() % 3 === 0 ? rng.next() % domain : -1;
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    // skew: a third of the sides put half their rows on one key
    const k = hot >= 0 && rng.next() % 2 === 0 ? hot : rng.next() % domain;
    rows.push([rng.next() % 10 === 0 ? null : k, rng.next() % 10 === 0 ? null : `s${rng.next() % 3}`, rng.next() % 100]);
  }
  return rows;
}

function joins(c: Case, jt: JoinType, seed: number, chunk: number): { smj: ExecutionPlan; hash: ExecutionPlan } {
  const lk = c.twoKeys ? [ref(0, LongType), ref(1, StringType)] : [ref(0, LongType)];
  const rk = lk;
  const residual: Expr | undefined = c.residual ? { kind: "ScalarCall", fn: "<", args: [ref(2, LongType), ref(5, LongType)], dataType: BooleanType, nullable: true } : undefined;
  const schema = jt === "left_semi" || jt === "left_anti" ? ls : both;
  const scan = (s: StructType, rows: unknown[][]): ExecutionPlan => new LocalTableScanExec(s, rows, 1, "");
  const sorted = (s: StructType, rows: unknown[][], keys: Expr[], salt: number): ExecutionPlan =>
    new Rechunk(new SortExec(new Rechunk(scan(s, rows), seed + salt, chunk), keys.map(asc), ""), seed + salt + 1, chunk);
  const smj = new SortMergeJoinExec(sorted(ls, c.left, lk, 1), sorted(rs, c.right, rk, 3), jt, lk, rk, residual, schema, "");
  const hash = new HashJoinExec(scan(ls, c.left), scan(rs, c.right), jt, lk, rk, residual, jt === "right" ? "left" : "right", false, schema, "");
  return { smj, hash };
}

function budget(memory: string): ExecContext {
  const conf = new SqlConf();
  conf.set("spark.executor.memory", memory);
  return testCtx({ parallelism: 1 }, conf);
}

describe("SortMergeJoinExec", () => {
  it("gives the hash join's rows for every join type: nulls, duplicates, empty sides, skew, residuals (seeded)", async () => {
    await withFuzzSeed(501, async (rng) => {
      for (let t = 0; t < 25; t++) {
        const c: Case = { left: randomSide(rng), right: randomSide(rng), twoKeys: rng.next() % 2 === 0, residual: rng.next() % 3 === 0 };
        const seed = rng.next();
        for (const jt of JOIN_TYPES) {
          const { smj, hash } = joins(c, jt, seed, 1 + (seed % 37));
          expect(await rowsOf(smj, testCtx()), `case ${t} ${jt}`).toEqual(await rowsOf(hash, testCtx()));
        }
      }
    });
  });

  it("merges one integral key as index pairs (columnar) and other keys row by row, with the same rows", async () => {
    await withFuzzSeed(503, async (rng) => {
      for (const twoKeys of [false, true]) {
        const before = mergeJoinStats.columnar;
        const c: Case = { left: randomSide(rng), right: randomSide(rng), twoKeys, residual: false };
        c.left.push([3, "s0", 1], [3, "s1", 2]);
        c.right.push([3, "s0", 5], [3, "s1", 6]);
        for (const jt of JOIN_TYPES) {
          const { smj, hash } = joins(c, jt, 7, 5);
          expect(await rowsOf(smj, testCtx()), `${twoKeys} ${jt}`).toEqual(await rowsOf(hash, testCtx()));
        }
        // every join type but full outer (which keeps unmatched buffered rows) merges columnar on one key
        expect(mergeJoinStats.columnar - before).toBe(twoKeys ? 0 : JOIN_TYPES.length - 1);
      }
    });
  });

  it("spills a key group past a small budget and still gives the hash join's rows (seeded)", async () => {
    const before = spillStats();
    await withFuzzSeed(502, async (rng) => {
      for (let t = 0; t < 3; t++) {
        // one hot key with hundreds of rows on both sides, in small batches: its group cannot be held
        const hot = (n: number): unknown[][] => Array.from({ length: n }, (_, i) => [i % 5 === 0 ? rng.next() % 4 : 7, `s${i % 2}`, rng.next() % 100]);
        const c: Case = { left: hot(150), right: hot(400), twoKeys: rng.next() % 2 === 0, residual: rng.next() % 2 === 0 };
        const seed = rng.next();
        for (const jt of JOIN_TYPES) {
          const { smj, hash } = joins(c, jt, seed, 40);
          expect(await rowsOf(smj, budget("160k")), `case ${t} ${jt}`).toEqual(await rowsOf(hash, testCtx()));
        }
      }
    });
    const after = spillStats();
    expect(after.files).toBeGreaterThan(before.files);
    expect(after.live).toBe(before.live);
  });

  it("a shuffled hash join whose build side outgrows the budget joins that partition by sort-merge", async () => {
    const before = sortMergeFallbacks();
    const rows = (n: number, mod: number): unknown[][] => Array.from({ length: n }, (_, i) => [i % 13 === 0 ? null : (i * 7919) % mod, `s${i % 3}`, i]);
    const c: Case = { left: rows(3000, 500), right: rows(20_000, 4000), twoKeys: true, residual: false };
    for (const jt of JOIN_TYPES) {
      const { hash } = joins(c, jt, 1, 1000);
      const expected = await rowsOf(hash, testCtx());
      const small = new HashJoinExec(
        new Rechunk(new LocalTableScanExec(ls, c.left, 1, ""), 5, 200),
        new Rechunk(new LocalTableScanExec(rs, c.right, 1, ""), 6, 200),
        jt,
        [ref(0, LongType), ref(1, StringType)],
        [ref(0, LongType), ref(1, StringType)],
        undefined,
        jt === "right" ? "left" : "right",
        false,
        jt === "left_semi" || jt === "left_anti" ? ls : both,
        "",
      );
      expect(await rowsOf(small, budget("600k")), jt).toEqual(expected);
    }
    expect(sortMergeFallbacks()).toBeGreaterThan(before);
  });

  it("orders its output by key and keeps Spark's columns (left then right; left alone for semi)", async () => {
    const l = new LocalTableScanExec(ls, [[1, "a", 1], [2, "b", 2], [3, "c", 3]], 1, "");
    const r = new LocalTableScanExec(rs, [[2, "x", 20], [3, "y", 30], [3, "z", 31]], 1, "");
    const k = [ref(0, LongType)];
    const out = async (jt: JoinType): Promise<unknown[][]> => {
      const j = new SortMergeJoinExec(new SortExec(l, k.map(asc), ""), new SortExec(r, k.map(asc), ""), jt, k, k, undefined, jt === "left_semi" ? ls : both, "");
      const rows: unknown[][] = [];
      for await (const b of j.execute(0, testCtx())) rows.push(...batchToRows(b));
      return rows;
    };
    expect(await out("inner")).toEqual([
      [2, "b", 2, 2, "x", 20],
      [3, "c", 3, 3, "y", 30],
      [3, "c", 3, 3, "z", 31],
    ]);
    expect(await out("left_semi")).toEqual([
      [2, "b", 2],
      [3, "c", 3],
    ]);
    expect((await out("full"))[0]).toEqual([1, "a", 1, null, null, null]);
  });
});
