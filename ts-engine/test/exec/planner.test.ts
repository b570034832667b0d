import { describe, expect, it } from "vitest";
import { batchToRows } from "../../src/columnar/rows.js";
import { SqlConf } from "../../src/conf/sql-conf.js";
import type { ExecutionPlan } from "../../src/exec/execution-plan.js";
import { planFragment, planPhysical } from "../../src/exec/planner.js";
import { StageExec } from "../../src/exec/scheduler/stage-exec.js";
import { optimize } from "../../src/optimizer/optimizer.js";
import { analyze } from "../../src/plan/analyzer/analyzer.js";
import type { LogicalPlan } from "../../src/plan/logical-plan.js";
import { LongType } from "../../src/types/data-type.js";
import { alias, col, fn, lit, testCtx } from "../engine/helpers.js";

function stages(p: ExecutionPlan, out: StageExec[] = []): StageExec[] {
  if (p instanceof StageExec) out.push(p);
  p.children.forEach((c) => stages(c, out));
  return out;
}

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

describe("physical planner", () => {
  it("cuts the narrow pipeline with the partial aggregate into one stage of plain data", () => {
    const ctx = testCtx();
    const phys = planPhysical(optimize(analyze(grouped, { conf }), conf), ctx);
    const st = stages(phys);
    expect(st.length).toBe(1);
    expect(st[0]!.fragment.partialAggregate).toBe(true);
    expect(st[0]!.parallel).toBe(true);
    expect(st[0]!.numPartitions(ctx)).toBe(2);
    expect(structuredClone(st[0]!.fragment)).toEqual(st[0]!.fragment);
  });

  it("a cloned fragment plans and runs the same partition inside a worker context", async () => {
    const ctx = testCtx();
    const st = stages(planPhysical(optimize(analyze(grouped, { conf }), conf), ctx))[0]!;
    const clone = planFragment(structuredClone(st.fragment), { ...ctx, services: { parallelism: 1 } });
    const rows = async (p: ExecutionPlan): Promise<unknown[][]> => {
      const out: unknown[][] = [];
      for await (const b of p.execute(1, ctx)) out.push(...batchToRows(b));
      return out;
    };
    expect(await rows(clone)).toEqual(await rows(st.child));
  });

  it("keeps small inputs in-process", () => {
    const small: LogicalPlan = { kind: "Range", start: 0, end: 10, step: 1 };
    const st = stages(planPhysical(analyze(small, { conf }), testCtx()));
    expect(st.map((s) => s.parallel)).toEqual([false]);
  });
});
