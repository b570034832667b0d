import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import { batchToRows } from "../../../src/columnar/rows.js";
import { WorkerPool } from "../../../src/exec/scheduler/worker-pool.js";
import type { ExecContext } from "../../../src/exec/exec-context.js";
import { executeQuery } from "../../../src/engine/query-engine.js";
import { analyze } from "../../../src/plan/analyzer/analyzer.js";
import type { LogicalPlan } from "../../../src/plan/logical-plan.js";
import { LongType } from "../../../src/types/data-type.js";
import { alias, col, fn, lit } from "../../engine/helpers.js";

const script = fileURLToPath(new URL("../../../dist/exec/scheduler/worker-main.js", import.meta.url));
const built = existsSync(script);
const pool = new WorkerPool({ size: 2, script });

function ctxWith(signal = new AbortController().signal): ExecContext {
  return { conf: new SqlConf(), pythonExec: "", signal, services: { parallelism: 2, workerPool: pool } };
}

afterAll(() => pool.close());

describe.skipIf(!built)("WorkerPool (needs `npm run build`: dist/exec/scheduler/worker-main.js)", () => {
  it("runs a fragment partition on a worker thread and streams its batches back", async () => {
    const conf = new SqlConf();
    const plan = analyze({ kind: "Range", start: 0, end: 100_000, step: 1, numPartitions: 2 }, { conf });
    let n = 0;
    let last = -1;
    for await (const b of pool.run({ plan, partialAggregate: false }, 1, ctxWith())) {
      n += b.numRows;
      last = Number(batchToRows(b).at(-1)![0]);
    }
    expect(n).toBe(50_000);
    expect(last).toBe(99_999);
  });

  it("runs a whole query with partial aggregation in the workers", async () => {
    const plan: LogicalPlan = {
      kind: "Aggregate",
      input: { kind: "Range", start: 0, end: 1_000_000, step: 1, numPartitions: 4 },
      groupBy: [],
      aggs: [alias(fn("sum", col("id")), "s"), alias(fn("count", lit(1, LongType)), "c")],
    };
    const res = await executeQuery(plan, ctxWith());
    const rows: unknown[][] = [];
    for await (const b of res.batches) rows.push(...batchToRows(b));
    expect(rows).toEqual([[499_999_500_000, 1_000_000]]);
  });

  it("reports a worker-side error as the same Spark error", async () => {
    const plan: LogicalPlan = {
      kind: "Project",
      input: { kind: "Range", start: 0, end: 200_000, step: 1, numPartitions: 2 },
      exprs: [alias(fn("/", col("id"), lit(0, LongType)), "x")],
    };
    const res = await executeQuery(plan, ctxWith());
    await expect(
      (async () => {
        for await (const b of res.batches) void b;
      })(),
    ).rejects.toMatchObject({ errorClass: "DIVIDE_BY_ZERO" });
  });

  it("cancels a running task when the signal fires", async () => {
    const ac = new AbortController();
    const plan: LogicalPlan = { kind: "Range", start: 0, end: 1e9, step: 1, numPartitions: 2 };
    const res = await executeQuery(plan, ctxWith(ac.signal));
    let n = 0;
    await expect(
      (async () => {
        for await (const b of res.batches) {
          n += b.numRows;
          if (n > 100_000) ac.abort();
        }
      })(),
    ).rejects.toMatchObject({ errorClass: "OPERATION_CANCELED" });
  });
});

describe.skipIf(!built)("StageExec over local rows", () => {
  it("sends each worker only its partition's rows and keeps their order", async () => {
    const n = 120_000;
    const rows = Array.from({ length: n }, (_, i) => [i]);
    const plan: LogicalPlan = {
      kind: "Project",
      input: { kind: "LocalRelation", schema: { kind: "struct", fields: [{ name: "a", dataType: LongType, nullable: true }] }, rows, numPartitions: 3 },
      exprs: [alias(fn("+", col("a"), lit(1, LongType)), "b")],
    };
    const res = await executeQuery(plan, ctxWith());
    const out: unknown[][] = [];
    for await (const b of res.batches) out.push(...batchToRows(b));
    expect(out.length).toBe(n);
    expect(out[0]).toEqual([1]);
    expect(out[n - 1]).toEqual([n]);
    expect(out.every((r, i) => r[0] === i + 1)).toBe(true);
  });
});
