import { describe, expect, it } from "vitest";
import type { ColumnBatch } from "../../src/columnar/batch.js";
import { batchToRows } from "../../src/columnar/rows.js";
import { HashAggregateExec, partialSchema } from "../../src/exec/aggregate/hash-aggregate-exec.js";
import { mergeOrdered } from "../../src/exec/exchange/merge-streams.js";
import type { ExecutionPlan } from "../../src/exec/execution-plan.js";
import { FilterExec } from "../../src/exec/filter-exec.js";
import { HashJoinExec } from "../../src/exec/join/hash-join-exec.js";
import { LimitExec } from "../../src/exec/limit-exec.js";
import { LocalTableScanExec } from "../../src/exec/local-table-scan-exec.js";
import { ProjectExec } from "../../src/exec/project-exec.js";
import { rangePartitionBounds, RangeExec } from "../../src/exec/range-exec.js";
import { UnionExec } from "../../src/exec/union-exec.js";
import type { AggCall, BoundRef, Expr } from "../../src/expr/expr.js";
import type { JoinType } from "../../src/plan/logical-plan.js";
import {
  BooleanType,
  DoubleType,
  LongType,
  StringType,
  structField,
  structType,
  type DataType,
} from "../../src/types/data-type.js";
import { testCtx } from "../engine/helpers.js";

const ref = (ordinal: number, dataType: DataType, name = `c${ordinal}`): BoundRef => ({ kind: "BoundRef", ordinal, dataType, nullable: true, name });
const call = (fn: string, args: Expr[], dataType: DataType, isDistinct = false): AggCall => ({ kind: "AggCall", fn, args, isDistinct, dataType, nullable: true });
const idSchema = structType([structField("id", LongType, false)]);

async function rowsOf(p: ExecutionPlan, partition = 0): Promise<unknown[][]> {
  const ctx = testCtx();
  const out: unknown[][] = [];
  for await (const b of p.execute(partition, ctx)) out.push(...batchToRows(b));
  return out;
}

/** All partitions of `p` as one, in order: what an exchange to a single partition gives the operator above it. */
function gather(p: ExecutionPlan): ExecutionPlan {
  return {
    name: "Gather",
    schema: p.schema,
    children: [p],
    numPartitions: () => 1,
    explainDetail: () => "",
    execute: (_i, ctx) => mergeOrdered(p.numPartitions(ctx), (i) => p.execute(i, ctx), 1),
  };
}

async function allRows(p: ExecutionPlan): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (let i = 0; i < p.numPartitions(testCtx()); i++) out.push(...(await rowsOf(p, i)));
  return out;
}

describe("RangeExec", () => {
  it("splits like Spark: partition i gets [i*n/k, (i+1)*n/k)", () => {
    expect(rangePartitionBounds(0n, 10n, 1n, 3, 0)).toEqual({ first: 0n, count: 3n });
    expect(rangePartitionBounds(0n, 10n, 1n, 3, 2)).toEqual({ first: 6n, count: 4n });
    expect(rangePartitionBounds(10n, 0n, -3n, 2, 1)).toEqual({ first: 4n, count: 2n });
  });

  it("generates ids in batches of 8192 straight into Float64Arrays", async () => {
    const r = new RangeExec(idSchema, 0n, 20000n, 1n, 1);
    const batches: ColumnBatch[] = [];
    for await (const b of r.execute(0, testCtx())) batches.push(b);
    expect(batches.map((b) => b.numRows)).toEqual([8192, 8192, 3616]);
    expect(batches[0]!.columns[0]!.data).toBeInstanceOf(Float64Array);
  });

  it("stays exact past 2^53", async () => {
    const start = 2n ** 62n;
    const rows = await allRows(new RangeExec(idSchema, start, start + 3n, 1n, 2));
    expect(rows).toEqual([[start], [start + 1n], [start + 2n]]);
  });
});

describe("Project/Filter/Limit/Union", () => {
  const range = new RangeExec(idSchema, 0n, 10n, 1n, 2);
  const gt = (n: number): Expr => ({
    kind: "ScalarCall",
    fn: ">",
    args: [ref(0, LongType), { kind: "Literal", value: n, dataType: LongType }],
    dataType: BooleanType,
    nullable: false,
  });

  it("filters with a vectorized predicate and projects bound columns", async () => {
    const f = new FilterExec(range, gt(6), "");
    const p = new ProjectExec(f, [ref(0, LongType), ref(0, LongType)], structType([structField("a", LongType), structField("b", LongType)]), "");
    expect(await allRows(p)).toEqual([
      [7, 7],
      [8, 8],
      [9, 9],
    ]);
  });

  it("limits across partitions in order and stops early", async () => {
    expect(await rowsOf(new LimitExec(gather(range), 7, "GlobalLimit"))).toEqual([[0], [1], [2], [3], [4], [5], [6]]);
    expect(await rowsOf(new LimitExec(gather(range), 0, "GlobalLimit"))).toEqual([]);
  });

  it("a local limit cuts each partition on its own", async () => {
    expect(await allRows(new LimitExec(range, 2, "LocalLimit"))).toEqual([[0], [1], [5], [6]]);
  });

  it("unions partitions of every child", async () => {
    const u = new UnionExec([range, new RangeExec(idSchema, 100n, 102n, 1n, 1)], idSchema);
    expect(u.numPartitions(testCtx())).toBe(3);
    expect((await allRows(u)).length).toBe(12);
  });
});

describe("HashAggregateExec", () => {
  const schema = structType([structField("k", StringType), structField("v", DoubleType)]);
  const rows = [
    ["a", 1.5],
    ["b", null],
    ["a", 2.5],
    [null, 4],
  ];
  const scan = new LocalTableScanExec(schema, rows, 2, "");
  const calls = [call("sum", [ref(1, DoubleType)], DoubleType), call("count", [{ kind: "Literal", value: 1, dataType: LongType }], LongType), call("avg", [ref(1, DoubleType)], DoubleType)];
  const outSchema = structType([structField("k", StringType), structField("s", DoubleType), structField("c", LongType), structField("a", DoubleType)]);

  it("partial per partition → exchange → final merge", async () => {
    const update = calls.map((c) => ({ call: c, input: "update" as const, offset: 0 }));
    const partial = new HashAggregateExec(scan, [ref(0, StringType)], update, "partial", [], partialSchema([ref(0, StringType)], calls, true), "");
    const ex = gather(partial);
    const results = [ref(0, StringType), ref(1, DoubleType), ref(2, LongType), ref(3, DoubleType)];
    const merge = calls.map((c, i) => ({ call: c, input: "merge" as const, offset: [1, 2, 3][i]! }));
    const fin = new HashAggregateExec(ex, [ref(0, StringType)], merge, "final", results, outSchema, "");
    const out = (await rowsOf(fin)).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(out).toEqual([
      ["a", 4, 2, 2],
      ["b", null, 1, null],
      [null, 4, 1, 4],
    ]);
  });

  it("count(DISTINCT) in complete mode", async () => {
    const cd = [call("count", [ref(0, StringType)], LongType, true)];
    const update = cd.map((c) => ({ call: c, input: "update" as const, offset: 0 }));
    const agg = new HashAggregateExec(gather(scan), [], update, "final", [ref(0, LongType)], structType([structField("n", LongType)]), "");
    expect(await rowsOf(agg)).toEqual([[2]]);
  });
});

describe("HashJoinExec", () => {
  const ls = structType([structField("k", LongType), structField("a", StringType)]);
  const rs = structType([structField("k2", LongType), structField("b", StringType)]);
  const left = new LocalTableScanExec(ls, [[1, "l1"], [2, "l2"], [null, "ln"], [2, "l2b"]], 1, "");
  const right = new LocalTableScanExec(rs, [[2, "r2"], [3, "r3"], [null, "rn"]], 1, "");
  const both = structType([...ls.fields, ...rs.fields]);
  const mk = (jt: JoinType, keys = true, build: "left" | "right" = "right"): HashJoinExec =>
    new HashJoinExec(left, right, jt, keys ? [ref(0, LongType)] : [], keys ? [ref(0, LongType)] : [], undefined, build, false, jt === "left_semi" || jt === "left_anti" ? ls : both, "");

  it("inner", async () => {
    expect(await rowsOf(mk("inner"))).toEqual([
      [2, "l2", 2, "r2"],
      [2, "l2b", 2, "r2"],
    ]);
  });

  it("right and full keep unmatched rows of the build side, null keys included", async () => {
    expect(await rowsOf(mk("right"))).toEqual([
      [2, "l2", 2, "r2"],
      [2, "l2b", 2, "r2"],
      [null, null, 3, "r3"],
      [null, null, null, "rn"],
    ]);
    expect((await rowsOf(mk("full"))).length).toBe(6);
  });

  it("building the left side gives the same rows for every join type that may build it", async () => {
    const sorted = (rows: unknown[][]): string[] => rows.map((r) => JSON.stringify(r)).sort();
    for (const jt of ["inner", "right", "full", "left"] as const) {
      expect(sorted(await rowsOf(mk(jt, true, "left")))).toEqual(sorted(await rowsOf(mk(jt))));
    }
    // right outer streams the right side through the left's table: right rows keep their order
    expect(await rowsOf(mk("right", true, "left"))).toEqual([
      [2, "l2", 2, "r2"],
      [2, "l2b", 2, "r2"],
      [null, null, 3, "r3"],
      [null, null, null, "rn"],
    ]);
  });

  it("semi, anti and cross", async () => {
    expect(await rowsOf(mk("left_semi"))).toEqual([
      [2, "l2"],
      [2, "l2b"],
    ]);
    expect(await rowsOf(mk("left_anti"))).toEqual([
      [1, "l1"],
      [null, "ln"],
    ]);
    expect((await rowsOf(mk("cross", false))).length).toBe(12);
  });

  it("checks a residual condition per candidate pair", async () => {
    const residual: Expr = { kind: "ScalarCall", fn: "==", args: [ref(1, StringType), { kind: "Literal", value: "l2b", dataType: StringType }], dataType: BooleanType, nullable: true };
    const j = new HashJoinExec(left, right, "left", [ref(0, LongType)], [ref(0, LongType)], residual, "right", false, both, "");
    expect(await rowsOf(j)).toEqual([
      [1, "l1", null, null],
      [2, "l2", null, null],
      [null, "ln", null, null],
      [2, "l2b", 2, "r2"],
    ]);
  });
});

describe("interrupt", () => {
  it("stops a running operator when the signal fires", async () => {
    const ac = new AbortController();
    const ctx = { ...testCtx(), signal: ac.signal };
    const r = new RangeExec(idSchema, 0n, 10_000_000n, 1n, 1);
    let n = 0;
    await expect(
      (async () => {
        for await (const b of r.execute(0, ctx)) {
          n += b.numRows;
          if (n > 50_000) ac.abort();
        }
      })(),
    ).rejects.toMatchObject({ errorClass: "OPERATION_CANCELED" });
    expect(n).toBeLessThan(100_000);
  });
});

