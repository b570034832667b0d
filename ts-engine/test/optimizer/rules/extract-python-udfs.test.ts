import { describe, expect, it } from "vitest";
import type { AttributeRef, Expr, PythonUDF } from "../../../src/expr/expr.js";
import { extractPythonUdfs } from "../../../src/optimizer/rules/extract-python-udfs.js";
import type { LogicalPlan } from "../../../src/plan/logical-plan.js";
import { BooleanType, LongType, structField, structType } from "../../../src/types/data-type.js";

const n: AttributeRef = { kind: "AttributeRef", name: "n", dataType: LongType, nullable: true, exprId: 9001 };
const rel: LogicalPlan = { kind: "LocalRelation", schema: structType([structField("n", LongType)]), rows: [[1]], output: [n] };

function udf(name: string, args: readonly Expr[], returnType = LongType): PythonUDF {
  return { kind: "PythonUDF", name, func: new Uint8Array([1]), returnType, args, evalType: 100, deterministic: true };
}

describe("ExtractPythonUDFs", () => {
  it("moves a projected UDF into BatchEvalPython below the Project", () => {
    const sq = udf("square", [n]);
    const plan: LogicalPlan = { kind: "Project", input: rel, exprs: [n, { kind: "Alias", child: sq, name: "square(n)", exprId: 9002 }] };
    const out = extractPythonUdfs.apply(plan);
    if (out.kind !== "Project" || out.input.kind !== "BatchEvalPython") throw new Error(`unexpected ${out.kind}`);
    const bep = out.input;
    expect(bep.input).toBe(rel);
    expect(bep.udfs).toEqual([sq]);
    expect(bep.resultAttrs.map((a) => [a.name, a.dataType])).toEqual([["pythonUDF0", LongType]]);
    expect(out.exprs[1]).toEqual({ kind: "Alias", child: bep.resultAttrs[0], name: "square(n)", exprId: 9002 });
  });

  it("evaluates a UDF used twice once", () => {
    const sq = udf("square", [n]);
    const plan: LogicalPlan = {
      kind: "Project",
      input: rel,
      exprs: [{ kind: "Alias", child: sq, name: "a", exprId: 1 }, { kind: "Alias", child: sq, name: "b", exprId: 2 }],
    };
    const out = extractPythonUdfs.apply(plan);
    if (out.kind !== "Project" || out.input.kind !== "BatchEvalPython") throw new Error("shape");
    expect(out.input.udfs.length).toBe(1);
  });

  it("stacks chained UDFs: the inner one is evaluated first", () => {
    const inner = udf("inner", [n]);
    const outer = udf("outer", [inner]);
    const plan: LogicalPlan = { kind: "Project", input: rel, exprs: [{ kind: "Alias", child: outer, name: "o", exprId: 3 }] };
    const out = extractPythonUdfs.apply(plan);
    if (out.kind !== "Project" || out.input.kind !== "BatchEvalPython" || out.input.input.kind !== "BatchEvalPython") throw new Error("shape");
    const lower = out.input.input;
    expect(lower.udfs).toEqual([inner]);
    expect(out.input.udfs[0]!.args).toEqual([lower.resultAttrs[0]]);
  });

  it("filters on the UDF result and projects the result column away", () => {
    const pos = udf("pos", [n], BooleanType);
    const plan: LogicalPlan = { kind: "Filter", input: rel, condition: pos };
    const out = extractPythonUdfs.apply(plan);
    if (out.kind !== "Project" || out.input.kind !== "Filter" || out.input.input.kind !== "BatchEvalPython") throw new Error("shape");
    expect(out.exprs).toEqual([n]);
    expect(out.input.condition).toBe(out.input.input.resultAttrs[0]);
  });

  it("runs UDFs of grouping keys and aggregate inputs below the Aggregate, one attribute per distinct call", () => {
    const key = udf("bucket", [n]);
    const keyAgain = udf("bucket", [n]); // the analyzer resolves the output's copy separately
    const inner = udf("weight", [n, { kind: "Literal", value: 10n ** 20n, dataType: LongType }]);
    const sum: Expr = { kind: "AggCall", fn: "sum", args: [inner], isDistinct: false, dataType: LongType, nullable: true };
    const plan: LogicalPlan = {
      kind: "Aggregate",
      input: rel,
      groupBy: [key],
      aggs: [{ kind: "Alias", child: keyAgain, name: "bucket(n)", exprId: 5 }, { kind: "Alias", child: sum, name: "s", exprId: 6 }],
    };
    const out = extractPythonUdfs.apply(plan);
    if (out.kind !== "Aggregate" || out.input.kind !== "BatchEvalPython") throw new Error("shape");
    const [k, w] = out.input.resultAttrs;
    expect(out.input.udfs.map((u) => u.name)).toEqual(["bucket", "weight"]);
    expect(out.groupBy).toEqual([k]);
    expect(out.aggs[0]).toEqual({ kind: "Alias", child: k, name: "bucket(n)", exprId: 5 });
    expect(out.aggs[1]).toEqual({ kind: "Alias", child: { ...sum, args: [w] }, name: "s", exprId: 6 });
    expect(extractPythonUdfs.apply(out)).toBe(out);
  });

  it("returns the same plan when there is no UDF", () => {
    const plan: LogicalPlan = { kind: "Project", input: rel, exprs: [n] };
    expect(extractPythonUdfs.apply(plan)).toBe(plan);
    const once = extractPythonUdfs.apply({ kind: "Project", input: rel, exprs: [{ kind: "Alias", child: udf("f", [n]), name: "f", exprId: 4 }] });
    expect(extractPythonUdfs.apply(once)).toBe(once);
  });
});
