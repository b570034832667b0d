import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeBatch, type ColumnBatch } from "../../../src/columnar/batch.js";
import { vectorFromValues } from "../../../src/columnar/builder.js";
import { batchToRows } from "../../../src/columnar/rows.js";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import type { ExecContext } from "../../../src/exec/exec-context.js";
import type { ExecutionPlan } from "../../../src/exec/execution-plan.js";
import { MEMORY_POOL } from "../../../src/exec/memory/memory-pool.js";
import { spillStats } from "../../../src/exec/memory/spill-file.js";
import { SortExec } from "../../../src/exec/sort/sort-exec.js";
import type { BoundRef, SortOrder } from "../../../src/expr/expr.js";
import { DoubleType, IntegerType, LongType, StringType, structField, structType, type DataType, type StructType } from "../../../src/types/data-type.js";
import { SparkException } from "../../../src/errors/spark-exception.js";

const SEED = Number(process.env["SORT_SEED"] ?? Date.now() % 1_000_000);

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const schema = structType([
  structField("k", IntegerType),
  structField("s", StringType),
  structField("x", DoubleType),
  structField("id", LongType),
]);

/** A child operator that yields prepared batches (and counts how far it was read). */
class BatchesExec implements ExecutionPlan {
  readonly name = "Batches";
  readonly children: readonly ExecutionPlan[] = [];
  constructor(
    readonly schema: StructType,
    private readonly batches: readonly ColumnBatch[],
  ) {}
  numPartitions(): number {
    return 1;
  }
  explainDetail(): string {
    return "";
  }
  async *execute(): AsyncIterable<ColumnBatch> {
    yield* this.batches;
  }
}

function table(n: number, seed: number): { batches: ColumnBatch[]; rows: unknown[][] } {
  const r = rng(seed);
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push([
      r() < 0.05 ? null : Math.floor(r() * 1000) - 500,
      r() < 0.05 ? null : "key-" + String(Math.floor(r() * 5000)).padStart(5, "0") + (r() < 0.1 ? "é" : ""),
      r() < 0.02 ? NaN : r() * 100,
      i, // input position: checks stability and lets the test rebuild the expected order
    ]);
  }
  const batches: ColumnBatch[] = [];
  for (let s = 0; s < n; s += 8192) {
    const part = rows.slice(s, s + 8192);
    batches.push(makeBatch(schema, schema.fields.map((f, c) => vectorFromValues(f.dataType, part.map((row) => row[c])))));
  }
  return { batches, rows };
}

const ref = (ordinal: number, dataType: DataType): BoundRef => ({ kind: "BoundRef", ordinal, dataType, nullable: true, name: `c${ordinal}` });
const order = (child: BoundRef, ascending: boolean, nullsFirst: boolean): SortOrder => ({ kind: "SortOrder", child, ascending, nullsFirst });

/** The expected order, computed by plain JS over rows (strings by UTF-8 bytes). */
function sortedRows(rows: readonly unknown[][], orders: readonly [number, boolean, boolean][]): unknown[][] {
  const utf8 = new Map<string, Buffer>();
  const bytes = (s: string): Buffer => {
    let b = utf8.get(s);
    if (b === undefined) utf8.set(s, (b = Buffer.from(s)));
    return b;
  };
  const cmp = (a: unknown[], b: unknown[]): number => {
    for (const [c, asc, nullsFirst] of orders) {
      const x = a[c];
      const y = b[c];
      let r = 0;
      if (x === null || y === null) r = x === y ? 0 : (x === null) === nullsFirst ? -1 : 1;
      else if (typeof x === "string") r = (asc ? 1 : -1) * Buffer.compare(bytes(x), bytes(y as string));
      else {
        const p = x as number;
        const q = y as number;
        r = (asc ? 1 : -1) * (Number.isNaN(p) || Number.isNaN(q) ? Number(Number.isNaN(p)) - Number(Number.isNaN(q)) : p - q);
      }
      if (r !== 0) return r;
    }
    return (a[3] as number) - (b[3] as number);
  };
  return [...rows].sort(cmp);
}

/** Every cell equal (NaN equals NaN); faster than a deep equality over 100k rows. */
function expectSameRows(got: readonly unknown[][], want: readonly unknown[][]): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    for (let c = 0; c < w.length; c++) if (!Object.is(g[c], w[c])) expect(g, `row ${i}`).toEqual(w);
  }
}

let localDir = "";

function ctxWith(memory: string, signal = new AbortController().signal): ExecContext {
  const conf = new SqlConf();
  conf.set("spark.executor.memory", memory);
  conf.set("spark.local.dir", localDir);
  return { conf, pythonExec: "python3", signal, services: { parallelism: 2 } };
}

/** Spill files still on disk under the test's spark.local.dir. */
function filesOnDisk(): string[] {
  return fs.readdirSync(localDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

async function collect(p: ExecutionPlan, ctx: ExecContext): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const b of p.execute(0, ctx)) out.push(...batchToRows(b));
  return out;
}

describe(`external sort (seed ${SEED}; replay with SORT_SEED=${SEED})`, () => {
  beforeEach(() => {
    localDir = fs.mkdtempSync(path.join(os.tmpdir(), "tspark-spill-test-"));
  });
  afterEach(() => {
    fs.rmSync(localDir, { recursive: true, force: true });
  });

  it("spills sorted runs past a small budget, merges them in Spark's order, and deletes them", async () => {
    const n = 200_000;
    const { batches, rows } = table(n, SEED);
    const orders: [number, boolean, boolean][] = [
      [0, true, false],
      [1, false, true],
      [2, true, true],
    ];
    const sort = new SortExec(
      new BatchesExec(schema, batches),
      orders.map(([c, a, nf]) => order(ref(c, schema.fields[c]!.dataType), a, nf)),
      "",
    );
    const before = spillStats();
    const ctx = ctxWith("8m"); // (8 MiB − 4 MiB reserved) × 0.6 ≈ 2.4 MiB for the task
    let sawFiles = 0;
    const got: unknown[][] = [];
    for await (const b of sort.execute(0, ctx)) {
      if (got.length === 0) sawFiles = filesOnDisk().length;
      got.push(...batchToRows(b));
    }
    const after = spillStats();
    expect(after.files - before.files).toBeGreaterThan(5);
    expect(sawFiles).toBe(after.files - before.files);
    expect(after.live).toBe(before.live);
    expect(filesOnDisk()).toEqual([]);
    expect(MEMORY_POOL.reserved).toBe(0);
    expect(got.length).toBe(n);
    expectSameRows(got, sortedRows(rows, orders));
  });

  it("sorts in memory without touching the disk when the partition fits", async () => {
    const { batches, rows } = table(20_000, SEED + 1);
    const sort = new SortExec(new BatchesExec(schema, batches), [order(ref(1, StringType), true, true)], "");
    const before = spillStats();
    const got = await collect(sort, ctxWith("1g"));
    expect(spillStats().files).toBe(before.files);
    expectSameRows(got, sortedRows(rows, [[1, true, true]]));
  });

  it("deletes its spill files when the query is cancelled mid-merge", async () => {
    const { batches } = table(100_000, SEED + 2);
    const sort = new SortExec(new BatchesExec(schema, batches), [order(ref(2, DoubleType), false, false)], "");
    const ac = new AbortController();
    const before = spillStats();
    const it = sort.execute(0, ctxWith("8m", ac.signal))[Symbol.asyncIterator]();
    await it.next();
    expect(filesOnDisk().length).toBeGreaterThan(0);
    ac.abort();
    await expect(it.next()).rejects.toMatchObject({ errorClass: "OPERATION_CANCELED" });
    expect(spillStats().live).toBe(before.live);
    expect(filesOnDisk()).toEqual([]);
    expect(MEMORY_POOL.reserved).toBe(0);
  });

  it("deletes its spill files when the consumer stops early", async () => {
    const { batches } = table(100_000, SEED + 3);
    const sort = new SortExec(new BatchesExec(schema, batches), [order(ref(0, IntegerType), true, true)], "");
    const before = spillStats();
    for await (const b of sort.execute(0, ctxWith("8m"))) {
      expect(b.numRows).toBeGreaterThan(0);
      break;
    }
    expect(spillStats().files).toBeGreaterThan(before.files);
    expect(spillStats().live).toBe(before.live);
    expect(filesOnDisk()).toEqual([]);
  });

  it("fails with UNABLE_TO_ACQUIRE_MEMORY when one batch alone exceeds the budget", async () => {
    const { batches } = table(10_000, SEED + 4);
    const sort = new SortExec(new BatchesExec(schema, batches), [order(ref(0, IntegerType), true, true)], "");
    const err = await collect(sort, ctxWith("1m")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkException);
    expect(err).toMatchObject({ errorClass: "UNABLE_TO_ACQUIRE_MEMORY", sqlState: "53200" });
    expect((err as Error).message).toMatch(/^\[UNABLE_TO_ACQUIRE_MEMORY\] Unable to acquire \d+ bytes of memory, got \d+\. SQLSTATE: 53200$/);
    expect(MEMORY_POOL.reserved).toBe(0);
    expect(MEMORY_POOL.consumers).toBe(0);
  });
});
