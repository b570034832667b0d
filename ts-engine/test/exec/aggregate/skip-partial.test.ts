import { describe, expect, it } from "vitest";
import { SqlConf } from "../../../src/conf/sql-conf.js";
import { buildExec } from "../../../src/exec/build-exec.js";
import { NO_STAGE_INPUTS } from "../../../src/exec/exchange/stage-input-exec.js";
import { planPhysical } from "../../../src/exec/planner.js";
import { cutStages } from "../../../src/exec/scheduler/stages.js";
import { optimize } from "../../../src/optimizer/optimizer.js";
import { analyze } from "../../../src/plan/analyzer/analyzer.js";
import type { LogicalPlan } from "../../../src/plan/logical-plan.js";
import { LongType } from "../../../src/types/data-type.js";
import { alias, col, collectRows, fn, lit, testCtx } from "../../engine/helpers.js";

// k = least(id, 150000) over 2 partitions; partition 0 (ids below 200k): 150k rows of new
// groups, then 50k rows of one group
const keyed: LogicalPlan = {
  kind: "Aggregate",
  input: {
    kind: "Project",
    input: { kind: "Range", start: 0, end: 400_000, step: 1, numPartitions: 2 },
    exprs: [alias(fn("least", col("id"), lit(150_000, LongType)), "k"), col("id")],
  },
  groupBy: [col("k")],
  aggs: [col("k"), alias(fn("sum", col("id")), "s"), alias(fn("count", lit(1, LongType)), "c")],
};

async function partialRows(conf: SqlConf): Promise<number> {
  const ctx = testCtx({ parallelism: 1 }, conf);
  const map = cutStages(planPhysical(optimize(analyze(keyed, { conf }), conf), ctx)).parents[0]!;
  expect(map.plan.kind === "HashAggregate" && map.plan.output).toBe("partial");
  let rows = 0;
  for await (const b of buildExec(map.plan, NO_STAGE_INPUTS).execute(0, ctx)) rows += b.numRows;
  return rows;
}

/** A 2 MiB execution budget: the partial aggregation's table fills every ~30k groups. */
function smallBudget(skip: boolean): SqlConf {
  const conf = new SqlConf();
  conf.set("spark.executor.memory", "4m");
  conf.set("spark.memory.fraction", "1");
  conf.set("spark.sql.aggregate.skipPartialAggregate", String(skip));
  return conf;
}

describe("skipping partial aggregation (spark.sql.aggregate.skipPartialAggregate*)", () => {
  it("passes rows on once its full table has kept nearly every row, with the same final result", async () => {
    // without skipping, a full table is emitted and grouping starts over: every key once
    expect(await partialRows(smallBudget(false))).toBe(150_001);
    // with it, past 100k rows of new keys the last 50k rows (one key) pass on one by one
    expect(await partialRows(smallBudget(true))).toBeGreaterThan(190_000);
    const sum = (rows: unknown[][]): number[] => [rows.length, rows.reduce((s, r) => s + Number(r.at(-2)), 0), rows.reduce((s, r) => s + Number(r.at(-1)), 0)];
    const a = await collectRows(keyed, testCtx({ parallelism: 1 }, new SqlConf()));
    expect(sum(a)).toEqual([150_001, (399_999 * 400_000) / 2, 400_000]);
    // the whole query in the small budget too: the final aggregation spills instead
    const b = await collectRows(keyed, testCtx({ parallelism: 1 }, smallBudget(true)));
    expect(sum(b)).toEqual(sum(a));
  });

  it("keeps grouping while its table fits, however many keys are new", async () => {
    expect(await partialRows(new SqlConf())).toBe(150_001);
  });
});
