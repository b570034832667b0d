import { describe, expect, it } from "vitest";
import { makeBatch } from "../../src/columnar/batch.js";
import { batchToRows } from "../../src/columnar/rows.js";
import { makeVector } from "../../src/columnar/vector.js";
import type { ExecutionPlan } from "../../src/exec/execution-plan.js";
import { FilterExec } from "../../src/exec/filter-exec.js";
import { buildExec } from "../../src/exec/build-exec.js";
import { NO_STAGE_INPUTS } from "../../src/exec/exchange/stage-input-exec.js";
import { planPhysical } from "../../src/exec/planner.js";
import type { BoundRef } from "../../src/expr/expr.js";
import { analyze } from "../../src/plan/analyzer/analyzer.js";
import { DoubleType, LongType, StringType, structField, structType, type DataType } from "../../src/types/data-type.js";
import { alias, col, fn, lit, testCtx } from "../engine/helpers.js";

const ref = (ordinal: number, dataType: DataType): BoundRef => ({ kind: "BoundRef", ordinal, dataType, nullable: true, name: `c${ordinal}` });

/** One batch of three columns (a long, a double, a string) as an operator's input. */
function source(): ExecutionPlan {
  const schema = structType([structField("a", LongType), structField("b", DoubleType), structField("s", StringType)]);
  const batch = makeBatch(
    schema,
    [makeVector(LongType, Float64Array.from([1, 2, 3, 4]), null), makeVector(DoubleType, Float64Array.from([0.5, 1.5, 2.5, 3.5]), null), makeVector(StringType, ["w", "x", "y", "z"], null)],
    4,
  );
  return {
    name: "Source",
    children: [],
    schema,
    numPartitions: () => 1,
    explainDetail: () => "",
    async *execute() {
      yield batch;
    },
  };
}

describe("a filter below a Project", () => {
  const gt = (ordinal: number, v: number) => ({ kind: "ScalarCall" as const, fn: ">", args: [ref(ordinal, LongType), { kind: "Literal" as const, value: v, dataType: LongType }], dataType: { kind: "boolean" as const }, nullable: true });

  it("copies only the columns the Project reads out of the kept rows; the others are nulls", async () => {
    const f = new FilterExec(source(), gt(0, 1), "", [false, true, false]);
    const rows: unknown[][] = [];
    for await (const b of f.execute(0, testCtx())) rows.push(...batchToRows(b));
    expect(rows).toEqual([
      [null, 1.5, null],
      [null, 2.5, null],
      [null, 3.5, null],
    ]);
    const all: unknown[][] = [];
    for await (const b of new FilterExec(source(), gt(0, 2), "").execute(0, testCtx())) all.push(...batchToRows(b));
    expect(all).toEqual([
      [3, 2.5, "y"],
      [4, 3.5, "z"],
    ]);
  });

  it("is built told which columns the Project reads, and the query's answer is unchanged", async () => {
    const ctx = testCtx();
    const plan = planPhysical(
      analyze(
        {
          kind: "Project",
          input: { kind: "Filter", input: { kind: "Project", input: { kind: "Range", start: 0, end: 10, step: 1, numPartitions: 1 }, exprs: [col("id"), alias(fn("*", col("id"), lit(3, LongType)), "t")] }, condition: fn(">", col("id"), lit(6, LongType)) },
          exprs: [alias(fn("+", col("t"), lit(1, LongType)), "u")],
        },
        { conf: ctx.conf },
      ),
      ctx,
    );
    const exec = buildExec(plan, NO_STAGE_INPUTS);
    const filter = exec.children[0]!;
    expect(filter.name).toBe("Filter");
    const below: unknown[][] = [];
    for await (const b of filter.execute(0, ctx)) below.push(...batchToRows(b));
    // id is read by the condition only: the kept rows carry t alone
    expect(below).toEqual([
      [null, 21],
      [null, 24],
      [null, 27],
    ]);
    const out: unknown[][] = [];
    for await (const b of exec.execute(0, ctx)) out.push(...batchToRows(b));
    expect(out).toEqual([[22], [25], [28]]);
  });
});
