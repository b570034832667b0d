import { describe, expect, it } from "vitest";
import { batchToRows } from "../../src/columnar/rows.js";
import { SqlConf } from "../../src/conf/sql-conf.js";
import { buildExec } from "../../src/exec/build-exec.js";
import { NO_STAGE_INPUTS } from "../../src/exec/exchange/stage-input-exec.js";
import type { PhysicalPlan } from "../../src/exec/physical-plan.js";
import { planPhysical } from "../../src/exec/planner.js";
import { runTask } from "../../src/exec/scheduler/run-task.js";
import { cutStages, stageKinds } from "../../src/exec/scheduler/stages.js";
import type { StageTask } from "../../src/exec/scheduler/task.js";
import { optimize } from "../../src/optimizer/optimizer.js";
import { analyze } from "../../src/plan/analyzer/analyzer.js";
import type { LogicalPlan } from "../../src/plan/logical-plan.js";
import { LongType } from "../../src/types/data-type.js";
import { alias, col, fn, lit, testCtx } from "../engine/helpers.js";

const conf = new SqlConf();
const grouped: LogicalPlan = {
  kind: "Aggregate",
  input: {
    kind: "Filter",
    input: { kind: "Range", start: 0, end: 300_000, step: 1 },
    condition: fn(">", col("id"), lit(10, LongType)),
  },
  groupBy: [fn("%", col("id"), lit(3, LongType))],
  aggs: [alias(fn("sum", col("id")), "s")],
};

const physical = (p: LogicalPlan): PhysicalPlan => planPhysical(optimize(analyze(p, { conf }), conf), testCtx());

describe("physical planner", () => {
  it("cuts the narrow pipeline with the partial aggregate into one map stage of plain data", () => {
    const result = cutStages(physical(grouped));
    expect(result.parents.length).toBe(1);
    const map = result.parents[0]!;
    expect(map.plan.kind).toBe("HashAggregate");
    expect(map.plan.kind === "HashAggregate" && map.plan.output).toBe("partial");
    expect(map.output).toMatchObject({ kind: "shuffle", partitioning: { kind: "hash", numPartitions: 200 } });
    expect(buildExec(map.plan, NO_STAGE_INPUTS).numPartitions(testCtx())).toBe(2);
    expect(structuredClone(map.plan)).toEqual(map.plan);
    // the final aggregate runs in the result stage, over the shuffle
    expect(stageKinds(result.plan)).toEqual(["HashAggregate", "ShuffleRead"]);
  });

  it("a cloned task runs the same partition as the plan built in place", async () => {
    const ctx = testCtx();
    const map = cutStages(physical(grouped)).parents[0]!;
    const task: StageTask = { stageId: map.id, plan: map.plan, partition: 1, output: { kind: "rows" }, shuffles: [], broadcasts: [] };
    const viaTask: unknown[][] = [];
    for await (const item of runTask(structuredClone(task), { ...ctx, services: { parallelism: 1 } })) viaTask.push(...batchToRows(item.batch));
    const direct: unknown[][] = [];
    for await (const b of buildExec(map.plan, NO_STAGE_INPUTS).execute(1, ctx)) direct.push(...batchToRows(b));
    expect(viaTask).toEqual(direct);
    expect(direct.length).toBe(3);
  });

  it("plans a narrow query as a single stage without exchanges", () => {
    const small: LogicalPlan = { kind: "Range", start: 0, end: 10, step: 1 };
    const st = cutStages(physical(small));
    expect(st.parents).toEqual([]);
    expect(stageKinds(st.plan)).toEqual(["Range"]);
  });
});
